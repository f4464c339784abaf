/**
 * Sprint resources other parts of the app own (prototypes, rule sets): the report lists their
 * versions, without this module knowing them. A part registers a provider once (at import of its
 * service module), e.g. in the prototype studio:
 *
 *   registerSprintResource({ kind: 'prototype', list: (db, sprintId) => listPrototypes(db, sprintId).map(...) });
 *
 * A kind nobody registered yet shows in the report as "none yet".
 */
import type { DB } from '../db';

export const RESOURCE_KINDS = ['prototype', 'ruleset'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type ResourceVersion = { label: string; createdAt: number; note?: string };
/** `screens`: images (data URIs or SVG text drawn by the owner) to show in the report, e.g. a tested version's screens. */
export type SprintResource = { id: string; title: string; href: string; versions: ResourceVersion[]; screens?: { title: string; svg: string }[] };
export type ResourceProvider = { kind: ResourceKind; list(db: DB, sprintId: string): SprintResource[] };

const providers = new Map<ResourceKind, ResourceProvider>();

export function registerSprintResource(provider: ResourceProvider) {
	providers.set(provider.kind, provider);
}

/** Every kind with its resources in this sprint; `registered: false` when no part provides it yet. */
export function sprintResources(db: DB, sprintId: string): { kind: ResourceKind; registered: boolean; items: SprintResource[] }[] {
	return RESOURCE_KINDS.map((kind) => {
		const provider = providers.get(kind);
		return { kind, registered: !!provider, items: provider ? provider.list(db, sprintId) : [] };
	});
}

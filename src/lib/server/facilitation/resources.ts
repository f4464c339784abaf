/**
 * The report's view of the sprint's prototypes (with their frozen versions, and the screens of the
 * versions young people tested) and rule sets (with their published versions).
 */
import type { DB } from '../db';
import { listPrototypes, listVersions as prototypeVersions } from '../prototypes/service';
import { listRuleSets } from '../rules/service';
import { listVersions as ruleSetVersions } from '../rules/versions';
import type { TestedVersion } from './report-screens';

export type ResourceKind = 'prototype' | 'ruleset';

export type ResourceVersion = { label: string; createdAt: number; note?: string };
/** `tested`: the versions of a prototype that a test round showed young people, newest first. */
export type SprintResource = { id: string; title: string; href: string; versions: ResourceVersion[]; tested: TestedVersion[] };

export function prototypeResources(db: DB, sprintId: string, tested: TestedVersion[]): SprintResource[] {
	return listPrototypes(db, sprintId).map((p) => ({
		id: p.id,
		title: p.name,
		href: `/sprints/${sprintId}/prototypes/${p.id}`,
		versions: prototypeVersions(db, p.id).map((v) => ({ label: `v${v.number} · ${v.name}`, createdAt: v.createdAt.getTime(), note: v.authorName })),
		tested: tested.filter((v) => v.prototypeId === p.id).sort((a, b) => b.number - a.number)
	}));
}

export function ruleSetResources(db: DB, sprintId: string): SprintResource[] {
	return listRuleSets(db, sprintId).map((set) => ({
		id: set.id,
		title: set.name,
		href: `/sprints/${sprintId}/rules/${set.id}/versions`,
		versions: ruleSetVersions(db, set.id).map((v) => ({ label: `v${v.number}`, createdAt: v.publishedAt.getTime(), note: v.authorName })),
		tested: []
	}));
}

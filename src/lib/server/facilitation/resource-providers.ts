/**
 * The report's view of the sprint's prototypes (with their frozen versions) and rule sets (with
 * their published versions). Registered here, in one place, so the report needs no knowledge of
 * either part and neither part knows about the report.
 */
import type { DB } from '../db';
import { listPrototypes, listVersions as prototypeVersions } from '../prototypes/service';
import { listRuleSets } from '../rules/service';
import { listVersions as ruleSetVersions } from '../rules/versions';
import { registerSprintResource, type SprintResource } from './resources';

export function prototypeResources(db: DB, sprintId: string): SprintResource[] {
	return listPrototypes(db, sprintId).map((p) => ({
		id: p.id,
		title: p.name,
		href: `/sprints/${sprintId}/prototypes/${p.id}`,
		versions: prototypeVersions(db, p.id).map((v) => ({ label: `v${v.number} · ${v.name}`, createdAt: v.createdAt.getTime(), note: v.authorName }))
	}));
}

export function ruleSetResources(db: DB, sprintId: string): SprintResource[] {
	return listRuleSets(db, sprintId).map((set) => ({
		id: set.id,
		title: set.name,
		href: `/sprints/${sprintId}/rules/${set.id}/versions`,
		versions: ruleSetVersions(db, set.id).map((v) => ({ label: `v${v.number}`, createdAt: v.publishedAt.getTime(), note: v.authorName }))
	}));
}

registerSprintResource({ kind: 'prototype', list: prototypeResources });
registerSprintResource({ kind: 'ruleset', list: ruleSetResources });

/**
 * Who may do what with rule sets, in one place (pages, actions, endpoints; the realtime room asks
 * collab/authorize.ts, which uses the same rule-set lookup). Unknown and foreign ids answer 404.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { canEdit, requireSprint, requireUser } from '../auth/guards';
import { getDb } from '../db';
import { memberOrganisation } from '../sprints/service';
import { coalitionMembers } from '../db/schema';
import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { getSprintRuleSet } from './service';
import { getVersion } from './versions';
import type { ExportedRuleSet } from '$lib/rules/model';

/** The signed-in sprint member and the rule set of this sprint (404 for anything else). */
export function ruleSetAccess(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId, rulesetId } = event.params as { sprintId: string; rulesetId: string };
	const role = requireSprint(db, user, sprintId);
	const ruleSet = getSprintRuleSet(db, sprintId, rulesetId);
	if (!ruleSet) error(404, 'Not found');
	return { db, user, role, ruleSet, sprintId, canEdit: canEdit(role), actor: { id: user.id, name: user.name }, organisation: memberOrganisation(db, user.id, sprintId) };
}

/** The organisation (id and name) a person acts for in a coalition; null when they have none. */
export function organisationOf(db: DB, userId: string, coalitionId: string): string | null {
	return db.select({ id: coalitionMembers.organisationId }).from(coalitionMembers).where(and(eq(coalitionMembers.coalitionId, coalitionId), eq(coalitionMembers.userId, userId))).get()?.id ?? null;
}

/** A published version of the rule set in the route (`n`), for its downloads and pages (404 when none). */
export function publishedVersion(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const access = ruleSetAccess(event);
	const version = getVersion<ExportedRuleSet>(access.db, access.ruleSet.id, Number((event.params as { n?: string }).n));
	if (!version) error(404, 'Not found');
	return { ...access, version };
}

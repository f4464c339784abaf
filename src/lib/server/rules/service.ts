/**
 * Rule sets: coalition-owned, made in a sprint. Their draft is the realtime document
 * `sprints/<sprintId>/rulesets/<id>` (see draft.ts); status and everything frozen live here.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { ruleSets, ruleSettings, ruleVersions, sprints, type RuleSetStatus } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';
import { appendAudit } from './audit';

export const RULESET_NAME_MAX = 120;
export const DEFAULT_MIN_APPROVALS = 2;
export const MAX_MIN_APPROVALS = 10;

export type RuleSet = typeof ruleSets.$inferSelect;
export type Actor = { id: string; name: string };

export function ruleSetDocName(sprintId: string, ruleSetId: string) {
	return `sprints/${sprintId}/rulesets/${ruleSetId}`;
}

export function getRuleSet(db: DB, id: string): RuleSet | null {
	return db.select().from(ruleSets).where(eq(ruleSets.id, id)).get() ?? null;
}

/** The rule set only when it was made in this sprint (a swapped id is not this rule set). */
export function getSprintRuleSet(db: DB, sprintId: string, id: string): RuleSet | null {
	return db.select().from(ruleSets).where(and(eq(ruleSets.id, id), eq(ruleSets.sprintId, sprintId))).get() ?? null;
}

/** A sprint's rule sets, with their latest published version number (null: none yet). */
export function listRuleSets(db: DB, sprintId: string) {
	const sets = db.select().from(ruleSets).where(eq(ruleSets.sprintId, sprintId)).orderBy(asc(ruleSets.createdAt)).all();
	return sets.map((set) => ({ ...set, latestVersion: latestVersionNumber(db, set.id) }));
}

export function latestVersionNumber(db: DB, ruleSetId: string): number | null {
	const row = db.select({ number: ruleVersions.number }).from(ruleVersions).where(eq(ruleVersions.ruleSetId, ruleSetId)).orderBy(desc(ruleVersions.number)).limit(1).get();
	return row?.number ?? null;
}

export function createRuleSet(db: DB, sprintId: string, actor: Actor, rawName: unknown, now = new Date()): Result<{ id: string }> {
	const name = oneLine(rawName);
	if (!name) return fail('error_name_required', 'name');
	if (name.length > RULESET_NAME_MAX) return fail('error_name_too_long', 'name');
	const sprint = db.select({ coalitionId: sprints.coalitionId }).from(sprints).where(eq(sprints.id, sprintId)).get();
	if (!sprint) return fail('error_not_found');
	const id = newId();
	db.transaction((tx) => {
		tx.insert(ruleSets).values({ id, coalitionId: sprint.coalitionId, sprintId, name, createdBy: actor.id, createdAt: now, updatedAt: now }).run();
		appendAudit(tx as unknown as DB, { coalitionId: sprint.coalitionId, ruleSetId: id, userId: actor.id, actor: actor.name, action: 'ruleset_created', detail: { name }, at: now });
	});
	return ok({ id });
}

export function renameRuleSet(db: DB, ruleSet: RuleSet, actor: Actor, rawName: unknown): Result<null> {
	const name = oneLine(rawName);
	if (!name) return fail('error_name_required', 'name');
	if (name.length > RULESET_NAME_MAX) return fail('error_name_too_long', 'name');
	if (ruleSet.status !== 'draft') return fail('error_rules_not_draft');
	if (name === ruleSet.name) return ok(null);
	db.transaction((tx) => {
		tx.update(ruleSets).set({ name, updatedAt: new Date() }).where(eq(ruleSets.id, ruleSet.id)).run();
		appendAudit(tx as unknown as DB, { coalitionId: ruleSet.coalitionId, ruleSetId: ruleSet.id, userId: actor.id, actor: actor.name, action: 'ruleset_renamed', detail: { from: ruleSet.name, to: name } });
	});
	return ok(null);
}

/** Sets the status only when it is still `from` (two reviewers at once: one wins). */
export function moveStatus(db: DB, ruleSetId: string, from: RuleSetStatus, to: RuleSetStatus): boolean {
	return db.update(ruleSets).set({ status: to, updatedAt: new Date() }).where(and(eq(ruleSets.id, ruleSetId), eq(ruleSets.status, from))).run().changes === 1;
}

export function minApprovals(db: DB, coalitionId: string): number {
	return db.select({ n: ruleSettings.minApprovals }).from(ruleSettings).where(eq(ruleSettings.coalitionId, coalitionId)).get()?.n ?? DEFAULT_MIN_APPROVALS;
}

export function setMinApprovals(db: DB, coalitionId: string, actor: Actor, raw: unknown): Result<null> {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > MAX_MIN_APPROVALS) return fail('error_rules_min_approvals', 'minApprovals');
	const before = minApprovals(db, coalitionId);
	db.transaction((tx) => {
		tx.insert(ruleSettings).values({ coalitionId, minApprovals: n }).onConflictDoUpdate({ target: ruleSettings.coalitionId, set: { minApprovals: n } }).run();
		appendAudit(tx as unknown as DB, { coalitionId, userId: actor.id, actor: actor.name, action: 'settings_changed', detail: { minApprovals: { from: before, to: n } } });
	});
	return ok(null);
}

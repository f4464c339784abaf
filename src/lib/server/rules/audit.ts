/**
 * The rules audit log: append-only (the database refuses UPDATE and DELETE, see
 * drizzle/0008_rules_append_only.sql). Every change, approval and evaluation run is written here
 * with who, when and what; never personal data (an evaluation logs how many records, not which).
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { DB } from '../db';
import { ruleAuditLog } from '../db/schema';

export type AuditAction =
	| 'ruleset_created'
	| 'ruleset_renamed'
	| 'draft_edited'
	| 'approval_requested'
	| 'approval_withdrawn'
	| 'approved'
	| 'rejected'
	| 'published'
	| 'new_draft'
	| 'evaluated'
	| 'field_created'
	| 'field_changed'
	| 'field_deleted'
	| 'token_created'
	| 'token_revoked'
	| 'settings_changed';

export type AuditEntry = {
	coalitionId: string;
	ruleSetId?: string | null;
	/** A person, or null for an API token (then `actor` names the token). */
	userId?: string | null;
	actor: string;
	action: AuditAction;
	detail?: Record<string, unknown>;
	at?: Date;
};

export function appendAudit(db: DB, entry: AuditEntry): number {
	const result = db
		.insert(ruleAuditLog)
		.values({
			coalitionId: entry.coalitionId,
			ruleSetId: entry.ruleSetId ?? null,
			userId: entry.userId ?? null,
			actor: entry.actor,
			action: entry.action,
			detail: entry.detail ?? {},
			createdAt: entry.at ?? new Date()
		})
		.run();
	return Number(result.lastInsertRowid);
}

export type AuditRow = typeof ruleAuditLog.$inferSelect & { detail: Record<string, unknown> };

/** Newest first, a page at a time (`before`: the id of the last row of the previous page). */
export function listAudit(db: DB, scope: { ruleSetId: string } | { coalitionId: string }, limit = 100, before?: number): AuditRow[] {
	const where = 'ruleSetId' in scope ? eq(ruleAuditLog.ruleSetId, scope.ruleSetId) : eq(ruleAuditLog.coalitionId, scope.coalitionId);
	return db
		.select()
		.from(ruleAuditLog)
		.where(before ? and(where, lt(ruleAuditLog.id, before)) : where)
		.orderBy(desc(ruleAuditLog.id))
		.limit(limit)
		.all() as AuditRow[];
}

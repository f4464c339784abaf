/**
 * From draft to published version. Requesting approval freezes the draft as a candidate (the rule
 * set turns read-only); members of organisations other than the author's approve or reject it;
 * with enough approving organisations (the coalition's minimum, 2 by default) it is published as
 * the next numbered, immutable version. A rejection or withdrawal returns the rule set to draft.
 * Nothing is published with check errors or an indicator past its re-evaluation date: checked when
 * requested and again when published (a date can pass during review).
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { draftProblems, toRuleSetDraft, type Problem } from '$lib/rules/draft-ruleset';
import type { Draft } from '$lib/rules/draft-doc';
import { exportRuleSet } from '$lib/rules/export';
import type { ExportedRuleSet, RuleSetDraft } from '$lib/rules/model';
import type { DB } from '../db';
import { organisations, ruleApprovalRequests, ruleApprovals, ruleVersions } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { notify } from '../notifications/service';
import { appendAudit } from './audit';
import { organisationOf } from './access';
import { flushDraftAudit, readDraftDefinition } from './draft';
import { listFields } from './fields';
import { sourceIdeas, type SourceIdea } from './ideas';
import { latestVersionNumber, minApprovals, moveStatus, type Actor, type RuleSet } from './service';

export const COMMENT_MAX = 1000;

/** What is frozen when approval is requested. Never changed afterwards (a trigger refuses it). */
export type Candidate = {
	ruleSet: RuleSetDraft;
	/** The purpose (for the Algoritmeregister publication). */
	purpose: string;
	/** The validated ideas the indicators came from, with their evidence, as they were. */
	ideas: SourceIdea[];
};

export type RequestRow = typeof ruleApprovalRequests.$inferSelect & { candidate: Candidate };

export function today(now = new Date()) {
	return now.toISOString().slice(0, 10);
}

/** The candidate for a draft: ideas referenced by id become their text (the export's sourceIdeas). */
export function buildCandidate(db: DB, ruleSet: RuleSet, draft: Draft = readDraftDefinition(db, ruleSet)): { candidate: Candidate; problems: Problem[] } {
	const fields = listFields(db, ruleSet.coalitionId);
	const ideas = sourceIdeas(db, ruleSet.coalitionId, ruleSet.sprintId);
	const byId = new Map(ideas.map((i) => [i.id, i]));
	const problems = draftProblems(draft, fields, today());
	const used = new Set(draft.indicators.flatMap((i) => i.sourceIdeas));
	const withTexts = { ...draft, indicators: draft.indicators.map((i) => ({ ...i, sourceIdeas: i.sourceIdeas.map((id) => byId.get(id)?.text ?? id) })) };
	return { candidate: { ruleSet: toRuleSetDraft(ruleSet.name, withTexts, fields, { usedOnly: true }), purpose: draft.purpose, ideas: ideas.filter((i) => used.has(i.id)) }, problems };
}

export function openRequest(db: DB, ruleSetId: string): RequestRow | null {
	const row = db
		.select()
		.from(ruleApprovalRequests)
		.where(and(eq(ruleApprovalRequests.ruleSetId, ruleSetId), eq(ruleApprovalRequests.status, 'open')))
		.get();
	return (row as RequestRow | undefined) ?? null;
}

export function listRequests(db: DB, ruleSetId: string): RequestRow[] {
	return db.select().from(ruleApprovalRequests).where(eq(ruleApprovalRequests.ruleSetId, ruleSetId)).orderBy(desc(ruleApprovalRequests.createdAt)).all() as RequestRow[];
}

export function decisions(db: DB, requestId: string) {
	return db.select().from(ruleApprovals).where(eq(ruleApprovals.requestId, requestId)).orderBy(asc(ruleApprovals.createdAt), sql`rowid`).all();
}

/** The organisations that approved (one entry each, the first approval counts). */
export function approvingOrganisations(db: DB, requestId: string) {
	const seen = new Set<string>();
	return decisions(db, requestId).filter((d) => d.decision === 'approve' && !seen.has(d.organisationId) && (seen.add(d.organisationId), true));
}

const errorsIn = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

export function requestApproval(db: DB, ruleSet: RuleSet, actor: Actor, now = new Date()): Result<{ id: string }> {
	if (ruleSet.status !== 'draft') return fail('error_rules_not_draft');
	// The edits that made this candidate come first in the log.
	flushDraftAudit(ruleSet);
	const { candidate, problems } = buildCandidate(db, ruleSet);
	if (errorsIn(problems).length) return fail('error_rules_has_problems');
	const id = newId();
	const organisationId = organisationOf(db, actor.id, ruleSet.coalitionId);
	return db.transaction((tx) => {
		// Only one request at a time: the status moves from draft exactly once.
		if (!moveStatus(tx as unknown as DB, ruleSet.id, 'draft', 'in_review')) return fail('error_rules_not_draft');
		const min = minApprovals(tx as unknown as DB, ruleSet.coalitionId);
		tx.insert(ruleApprovalRequests).values({ id, ruleSetId: ruleSet.id, candidate, requestedBy: actor.id, requestedByName: actor.name, organisationId, minApprovals: min, createdAt: now }).run();
		appendAudit(tx as unknown as DB, {
			coalitionId: ruleSet.coalitionId,
			ruleSetId: ruleSet.id,
			userId: actor.id,
			actor: actor.name,
			action: 'approval_requested',
			detail: { requestId: id, indicators: candidate.ruleSet.indicators.length, bands: candidate.ruleSet.bands.length, minApprovals: min },
			at: now
		});
		// Under the bell of everyone in the sprint who may approve (observers do not decide).
		notify(
			tx as unknown as DB,
			{ sprintId: ruleSet.sprintId, roles: ['facilitator', 'decider', 'partner'], kind: 'approval_requested', params: { title: ruleSet.name }, href: `/sprints/${ruleSet.sprintId}/rules/${ruleSet.id}/versions`, exceptUserId: actor.id },
			now.getTime()
		);
		return ok({ id });
	});
}

/**
 * Approve or reject, for one's organisation: never the author's organisation, never without one;
 * a rejection needs a reason and sends the rule set back to draft.
 */
export function decide(db: DB, ruleSet: RuleSet, requestId: unknown, actor: Actor, input: { decision: unknown; comment?: unknown }, now = new Date()): Result<{ status: 'open' | 'rejected' }> {
	const request = openRequest(db, ruleSet.id);
	if (!request || request.id !== requestId) return fail('error_rules_no_request');
	if (input.decision !== 'approve' && input.decision !== 'reject') return fail('error_bad_request');
	const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
	if (comment.length > COMMENT_MAX) return fail('error_rules_comment_too_long', 'comment');
	if (input.decision === 'reject' && !comment) return fail('error_rules_reject_reason', 'comment');
	const organisationId = organisationOf(db, actor.id, ruleSet.coalitionId);
	if (!organisationId) return fail('error_rules_no_organisation');
	if (organisationId === request.organisationId || actor.id === request.requestedBy) return fail('error_rules_own_organisation');
	const organisation = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get()!;
	const decision = input.decision;
	return db.transaction((tx) => {
		const inserted = tx
			.insert(ruleApprovals)
			.values({ id: newId(), requestId: request.id, userId: actor.id, userName: actor.name, organisationId, organisationName: organisation.name, decision, comment, createdAt: now })
			.onConflictDoNothing()
			.run();
		if (!inserted.changes) return fail('error_rules_already_decided');
		appendAudit(tx as unknown as DB, {
			coalitionId: ruleSet.coalitionId,
			ruleSetId: ruleSet.id,
			userId: actor.id,
			actor: actor.name,
			action: decision === 'approve' ? 'approved' : 'rejected',
			detail: { requestId: request.id, organisation: organisation.name, ...(comment ? { comment } : {}) },
			at: now
		});
		if (decision === 'approve') return ok({ status: 'open' as const });
		tx.update(ruleApprovalRequests).set({ status: 'rejected', closedAt: now }).where(eq(ruleApprovalRequests.id, request.id)).run();
		moveStatus(tx as unknown as DB, ruleSet.id, 'in_review', 'draft');
		return ok({ status: 'rejected' as const });
	});
}

export function withdraw(db: DB, ruleSet: RuleSet, actor: Actor, now = new Date()): Result<null> {
	const request = openRequest(db, ruleSet.id);
	if (!request) return fail('error_rules_no_request');
	return db.transaction((tx) => {
		tx.update(ruleApprovalRequests).set({ status: 'withdrawn', closedAt: now }).where(and(eq(ruleApprovalRequests.id, request.id), eq(ruleApprovalRequests.status, 'open'))).run();
		moveStatus(tx as unknown as DB, ruleSet.id, 'in_review', 'draft');
		appendAudit(tx as unknown as DB, { coalitionId: ruleSet.coalitionId, ruleSetId: ruleSet.id, userId: actor.id, actor: actor.name, action: 'approval_withdrawn', detail: { requestId: request.id }, at: now });
		return ok(null);
	});
}

/** Publishes the open request's candidate as the next version, once enough organisations approved. */
export function publish(db: DB, ruleSet: RuleSet, actor: Actor, now = new Date()): Result<{ number: number }> {
	const request = openRequest(db, ruleSet.id);
	if (!request) return fail('error_rules_no_request');
	const approvals = approvingOrganisations(db, request.id);
	if (approvals.length < request.minApprovals) return fail('error_rules_not_enough_approvals');
	const candidate = request.candidate;
	// Dates may have passed while the candidate waited.
	const late = candidate.ruleSet.indicators.filter((i) => !i.reviewBy || i.reviewBy <= today(now));
	if (late.length) return fail('error_rules_review_past');
	return db.transaction((tx) => {
		const number = (latestVersionNumber(tx as unknown as DB, ruleSet.id) ?? 0) + 1;
		const definition: ExportedRuleSet = exportRuleSet(candidate.ruleSet, {
			id: ruleSet.id,
			version: number,
			publishedAt: now.toISOString(),
			approvals: approvals.map((a) => ({ organisation: a.organisationName, approvedAt: a.createdAt.toISOString(), approvedBy: a.userName }))
		});
		if (!moveStatus(tx as unknown as DB, ruleSet.id, 'in_review', 'published')) return fail('error_rules_no_request');
		tx.insert(ruleVersions).values({ id: newId(), ruleSetId: ruleSet.id, number, definition, requestId: request.id, authorName: request.requestedByName, publishedBy: actor.id, publishedAt: now }).run();
		tx.update(ruleApprovalRequests).set({ status: 'published', closedAt: now }).where(eq(ruleApprovalRequests.id, request.id)).run();
		appendAudit(tx as unknown as DB, {
			coalitionId: ruleSet.coalitionId,
			ruleSetId: ruleSet.id,
			userId: actor.id,
			actor: actor.name,
			action: 'published',
			detail: { version: number, requestId: request.id, approvals: approvals.map((a) => a.organisationName) },
			at: now
		});
		return ok({ number });
	});
}

/** Opens a published rule set for editing again; its published versions stay as they are. */
export function startNewDraft(db: DB, ruleSet: RuleSet, actor: Actor): Result<null> {
	return db.transaction((tx) => {
		if (!moveStatus(tx as unknown as DB, ruleSet.id, 'published', 'draft')) return fail('error_rules_not_published');
		appendAudit(tx as unknown as DB, { coalitionId: ruleSet.coalitionId, ruleSetId: ruleSet.id, userId: actor.id, actor: actor.name, action: 'new_draft', detail: { after: latestVersionNumber(tx as unknown as DB, ruleSet.id) } });
		return ok(null);
	});
}

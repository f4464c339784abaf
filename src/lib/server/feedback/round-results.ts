/**
 * The facilitator's view of a round: counts, results per idea (with the small-number rules of
 * results.ts), free texts to moderate, crisis alerts, and the verdicts they confirm or override.
 */
import { and, asc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { isFreeText, type AnswerValue } from '$lib/feedback/questions';
import type { DB } from '../db';
import { coalitions, crisisAlerts, ideaValidations, participants, responses, sprints, testItems, testRounds } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { itemResults, MIN_GROUP, summary, type ItemResult } from './results';
import { roundItems, roundStatus, type Round } from './rounds';
import { runCounts } from './run-counts';

export const REASON_MAX = 500;

export function roundAnswers(db: DB, roundId: string) {
	return db
		.select({ id: responses.id, participantId: responses.participantId, itemKey: responses.itemKey, questionId: responses.questionId, value: responses.value, flags: responses.flags, moderation: responses.moderation, quote: responses.quote, purgedAt: responses.purgedAt })
		.from(responses)
		.where(eq(responses.roundId, roundId))
		.orderBy(asc(responses.createdAt))
		.all();
}

export type FreeText = { id: string; itemId: string | null; questionId: string; text: string; flags: string[]; moderation: 'new' | 'shown' | 'hidden'; quote: boolean };

export function roundResults(db: DB, round: Round, now = Date.now()) {
	const items = roundItems(db, round.id);
	const answers = roundAnswers(db, round.id);
	const counted = answers.filter((a) => a.value !== null && !isFreeText(round.questions.find((q) => q.id === a.questionId)?.type ?? 'text'));
	const results = itemResults(
		items.map((i) => i.id),
		round.questions,
		counted.map((a) => ({ participantId: a.participantId, itemId: a.itemKey || null, questionId: a.questionId, value: a.value as AnswerValue })),
		round.rule
	);
	const [{ started, finished, stopped }] = db
		.select(runCounts())
		.from(participants)
		.where(eq(participants.roundId, round.id))
		.all();
	const freeTexts: FreeText[] = answers
		.filter((a) => a.value !== null && a.purgedAt === null && a.moderation !== null)
		.map((a) => ({ id: a.id, itemId: a.itemKey || null, questionId: a.questionId, text: String(a.value), flags: a.flags ?? [], moderation: a.moderation!, quote: a.quote }));
	// Free texts of an item are shown once MIN_GROUP young people answered about it (a quote from
	// a group of two is as good as a name).
	const enough = new Set(results.filter((r) => r.respondents !== null).map((r) => r.itemId));
	const alerts = db.select().from(crisisAlerts).where(eq(crisisAlerts.roundId, round.id)).orderBy(asc(crisisAlerts.createdAt)).all();
	const validations = db.select().from(ideaValidations).where(eq(ideaValidations.roundId, round.id)).all();
	const status = roundStatus(round, now);
	return {
		status,
		started,
		finished,
		stopped,
		items: items.map((item) => ({ item, result: results.find((r) => r.itemId === item.id)!, validation: validations.find((v) => v.testItemId === item.id) ?? null })),
		freeTexts: freeTexts.filter((t) => t.itemId === null || enough.has(t.itemId)),
		/** Free texts held back because their item has fewer than MIN_GROUP respondents. */
		freeTextsWaiting: freeTexts.filter((t) => t.itemId !== null && !enough.has(t.itemId)).length,
		alerts,
		summary: status === 'closed' ? summary(results) : null
	};
}

export type ModerationAction = 'show' | 'hide' | 'quote' | 'unquote';

export function moderate(db: DB, round: Round, responseId: unknown, action: unknown): Result<null> {
	if (action !== 'show' && action !== 'hide' && action !== 'quote' && action !== 'unquote') return fail('error_bad_request');
	if (typeof responseId !== 'string') return fail('error_not_found');
	const row = db
		.select({ moderation: responses.moderation })
		.from(responses)
		.where(and(eq(responses.id, responseId), eq(responses.roundId, round.id), isNotNull(responses.moderation), isNull(responses.purgedAt)))
		.get();
	if (!row) return fail('error_not_found');
	const set =
		action === 'show' ? { moderation: 'shown' as const } : action === 'hide' ? { moderation: 'hidden' as const, quote: false } : action === 'quote' ? { moderation: 'shown' as const, quote: true } : { quote: false };
	db.update(responses).set(set).where(eq(responses.id, responseId)).run();
	return ok(null);
}

export function acknowledgeAlert(db: DB, round: Round, alertId: unknown, userId: string, now = Date.now()): Result<null> {
	if (typeof alertId !== 'string') return fail('error_not_found');
	const changed = db
		.update(crisisAlerts)
		.set({ seenBy: userId, seenAt: new Date(now) })
		.where(and(eq(crisisAlerts.id, alertId), eq(crisisAlerts.roundId, round.id), isNull(crisisAlerts.seenAt)))
		.run();
	return changed.changes ? ok(null) : fail('error_not_found');
}

/** Counts only: quotes are read from the answers while they exist (they go with the retention period). */
export type Evidence = { n: number; positiveShare: number | null; measure: string | null };

/**
 * The facilitator confirms the rule's verdict, or overrides it with a reason. An idea without enough
 * answers can be marked "not validated" but never "validated": the small-number rule is not a matter
 * of opinion.
 */
export function decideValidation(db: DB, round: Round, testItemId: unknown, input: { validated: unknown; reason?: unknown }, userId: string, now = Date.now()): Result<null> {
	if (typeof input.validated !== 'boolean') return fail('error_bad_request');
	const { items } = roundResults(db, round, now);
	const entry = items.find((i) => i.item.id === testItemId);
	if (!entry) return fail('error_not_found');
	const { verdict } = entry.result;
	if (input.validated && verdict.status === 'insufficient') return fail('error_validation_too_few');
	const overrides = (verdict.status === 'validated') !== input.validated;
	const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
	if (overrides && !reason) return fail('error_validation_reason', 'reason');
	if (reason.length > REASON_MAX) return fail('error_validation_reason_too_long', 'reason');
	const evidence: Evidence = { n: verdict.n, positiveShare: verdict.positiveShare, measure: verdict.measure };
	const values = { validated: input.validated, ruleVerdict: verdict.status, reason: reason || null, evidence, decidedBy: userId, decidedAt: new Date(now) };
	db.insert(ideaValidations)
		.values({ id: newId(), roundId: round.id, testItemId: entry.item.id, ...values })
		.onConflictDoUpdate({ target: ideaValidations.testItemId, set: values })
		.run();
	return ok(null);
}

/** Ideas young people validated in this sprint, by board note, with their evidence and quotes (for the Ideas page and the rules editor). */
export function validatedIdeas(db: DB, sprintId: string) {
	const rows = db
		.select({ testItemId: testItems.id, boardId: testItems.boardId, boardItemId: testItems.boardItemId, text: testItems.text, roundId: testRounds.id, roundTitle: testRounds.title, evidence: ideaValidations.evidence, reason: ideaValidations.reason, ruleVerdict: ideaValidations.ruleVerdict, decidedAt: ideaValidations.decidedAt })
		.from(ideaValidations)
		.innerJoin(testItems, eq(testItems.id, ideaValidations.testItemId))
		.innerJoin(testRounds, eq(testRounds.id, ideaValidations.roundId))
		// A screen's verdict stays on its round page: a screen is not an idea for the Ideas page or the rules.
		.where(and(eq(testRounds.sprintId, sprintId), eq(ideaValidations.validated, true), eq(testItems.kind, 'idea')))
		.all();
	return rows.map((row) => ({
		...row,
		evidence: row.evidence as Evidence,
		quotes: db
			.select({ value: responses.value })
			.from(responses)
			.where(and(eq(responses.itemKey, row.testItemId), eq(responses.quote, true), isNull(responses.purgedAt)))
			.all()
			.map((r) => String(r.value))
	}));
}

/**
 * Empties the text of free answers older than their coalition's retention period (counts, flags and
 * verdicts stay; evidence copied into a validation keeps only what the facilitator made a quote).
 * Returns how many texts were emptied.
 */
export function purgeExpiredTexts(db: DB, now = Date.now()): number {
	let purged = 0;
	for (const { id, retentionDays } of db.select({ id: coalitions.id, retentionDays: coalitions.retentionDays }).from(coalitions).all()) {
		const cutoff = new Date(now - retentionDays * 24 * 60 * 60 * 1000);
		const roundIds = db
			.select({ id: testRounds.id })
			.from(testRounds)
			.innerJoin(sprints, eq(sprints.id, testRounds.sprintId))
			.where(eq(sprints.coalitionId, id))
			.all()
			.map((r) => r.id);
		for (const roundId of roundIds) {
			purged += db
				.update(responses)
				.set({ value: null, purgedAt: new Date(now) })
				.where(and(eq(responses.roundId, roundId), isNotNull(responses.moderation), isNull(responses.purgedAt), lt(responses.updatedAt, cutoff)))
				.run().changes;
		}
	}
	return purged;
}

export { MIN_GROUP, type ItemResult };

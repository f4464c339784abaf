/**
 * A young person's run through a test round: joining (a random participant id and a secret for their
 * browser, nothing else), answering (each answer stored as it is given; giving it again replaces
 * it), finishing. Free texts are checked for personal data (flagged for moderation) and crisis words
 * (an alert for the facilitator that does not say who wrote it).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, max } from 'drizzle-orm';
import { isFreeText, parseAnswer, textTooLong } from '$lib/feedback/questions';
import type { DB } from '../db';
import { crisisAlerts, participants, responses, testItems } from '../db/schema';
import { newId, newSecret } from '../ids';
import { fail, ok, type Result } from '../result';
import type { Round } from './rounds';
import { roundStatus } from './rounds';
import { configuredCrisis } from './crisis-config';
import { personalDataFlags, type CrisisMatcher } from './text-checks';
import { notify } from '../notifications/service';

/**
 * Answers from a run that started before the round closed are still taken for this long after: a
 * tablet that lost the network sends what waited in the browser when it is back.
 */
export const LATE_ANSWER_GRACE_MS = 15 * 60 * 1000;

/**
 * A run left alone this long is not shown again on that tablet: without kiosk mode the next young
 * person could otherwise open the previous one's answers with "Doorgaan". Its answers still count,
 * and answers it queued while offline are still taken; only showing it again stops.
 */
export const RESUME_WITHIN_MS = 30 * 60 * 1000;

function hash(token: string): Uint8Array {
	return sha256(new TextEncoder().encode(token));
}

export type Run = { participantId: string; token: string };

/** The browser's token is `<participantId>.<secret>`. */
export function joinRound(db: DB, round: Round, now = Date.now()): Result<Run> {
	const status = roundStatus(round, now);
	if (status !== 'open') return fail(status === 'closed' ? 'error_round_closed' : 'error_round_not_open');
	const participantId = newId();
	const secret = newSecret();
	db.insert(participants).values({ id: participantId, roundId: round.id, tokenHash: Buffer.from(hash(secret)), startedAt: new Date(now) }).run();
	return ok({ participantId, token: `${participantId}.${secret}` });
}

/** The run a token belongs to, in this round; null for anything else. */
export function findRun(db: DB, round: Round, token: unknown) {
	if (typeof token !== 'string' || token.length > 100) return null;
	const [participantId, secret] = token.split('.');
	if (!participantId || !secret) return null;
	const row = db.select().from(participants).where(and(eq(participants.id, participantId), eq(participants.roundId, round.id))).get();
	if (!row || !constantTimeEqual(hash(secret), new Uint8Array(row.tokenHash))) return null;
	return row;
}

type RunRow = NonNullable<ReturnType<typeof findRun>>;

function acceptsAnswers(round: Round, run: RunRow, now: number): boolean {
	if (roundStatus(round, now) === 'open') return true;
	return run.startedAt.getTime() < round.closesAt.getTime() && now < round.closesAt.getTime() + LATE_ANSWER_GRACE_MS;
}

export type AnswerInput = { itemId: unknown; questionId: unknown; value: unknown };

/** The minute an alert is dated by: precise enough to act on, too coarse to pick out one answer. */
function minute(now: number) {
	return new Date(Math.floor(now / 60_000) * 60_000);
}

export function saveAnswer(db: DB, round: Round, run: RunRow, input: AnswerInput, now = Date.now(), crisis: CrisisMatcher = configuredCrisis): Result<{ flagged: boolean }> {
	if (!acceptsAnswers(round, run, now)) return fail('error_round_closed');
	// A finished run is closed: on a shared tablet nobody after the young person can change it.
	if (run.finishedAt) return fail('error_run_finished');
	const question = round.questions.find((q) => q.id === input.questionId);
	if (!question) return fail('error_answer_question');
	let itemKey = '';
	if (question.scope === 'item') {
		if (typeof input.itemId !== 'string') return fail('error_answer_item');
		const item = db.select({ id: testItems.id }).from(testItems).where(and(eq(testItems.id, input.itemId), eq(testItems.roundId, round.id))).get();
		if (!item) return fail('error_answer_item');
		itemKey = item.id;
	} else if (input.itemId !== undefined && input.itemId !== null && input.itemId !== '') return fail('error_answer_item');
	if (textTooLong(question, input.value)) return fail('error_answer_too_long');
	const value = parseAnswer(question, input.value);
	if (value === null) return fail('error_answer_value');

	const free = isFreeText(question.type) && typeof value === 'string';
	const flags = free ? personalDataFlags(value) : null;
	const categories = free ? crisis(value) : [];
	const row = {
		value,
		flags,
		// A free text with personal data or crisis words stays hidden until a moderator looked at it.
		moderation: free ? (flags!.length || categories.length ? ('hidden' as const) : ('new' as const)) : null,
		quote: false,
		updatedAt: new Date(now)
	};
	// A text saved again while it is typed raises an alert only for words it did not have before:
	// one alert per worry, not a trail that shows how long someone kept writing.
	const before = free ? db.select({ value: responses.value }).from(responses).where(and(eq(responses.participantId, run.id), eq(responses.itemKey, itemKey), eq(responses.questionId, question.id))).get() : undefined;
	const known = typeof before?.value === 'string' ? crisis(before.value) : [];
	const newCategories = categories.filter((c) => !known.includes(c));
	db.transaction((tx) => {
		tx.insert(responses)
			.values({ id: newId(), roundId: round.id, participantId: run.id, itemKey, questionId: question.id, ...row })
			.onConflictDoUpdate({ target: [responses.participantId, responses.itemKey, responses.questionId], set: row })
			.run();
		if (newCategories.length) tx.insert(crisisAlerts).values({ id: newId(), roundId: round.id, categories: newCategories, createdAt: minute(now) }).run();
	});
	// The facilitators hear of it wherever they are in the app: what about, never who.
	if (newCategories.length) notify(db, { sprintId: round.sprintId, roles: ['facilitator'], kind: 'crisis_alert', params: { round: round.title }, href: `/sprints/${round.sprintId}/tests/${round.id}` }, now);
	return ok({ flagged: !!flags?.length });
}

/** Takes an answer back (every question may be skipped, also afterwards). */
export function clearAnswer(db: DB, round: Round, run: RunRow, input: Omit<AnswerInput, 'value'>, now = Date.now()): Result<null> {
	if (!acceptsAnswers(round, run, now)) return fail('error_round_closed');
	if (run.finishedAt) return fail('error_run_finished');
	const question = round.questions.find((q) => q.id === input.questionId);
	if (!question) return fail('error_answer_question');
	const itemKey = question.scope === 'item' && typeof input.itemId === 'string' ? input.itemId : '';
	db.delete(responses).where(and(eq(responses.participantId, run.id), eq(responses.itemKey, itemKey), eq(responses.questionId, question.id))).run();
	return ok(null);
}

export function finishRun(db: DB, round: Round, run: RunRow, now = Date.now(), how: 'finished' | 'stopped' = 'finished'): Result<null> {
	if (!acceptsAnswers(round, run, now)) return fail('error_round_closed');
	const at = new Date(now);
	if (!run.finishedAt) db.update(participants).set(how === 'stopped' ? { finishedAt: at, stoppedAt: at } : { finishedAt: at }).where(eq(participants.id, run.id)).run();
	return ok(null);
}

/** True when nothing happened in this run for RESUME_WITHIN_MS: its pages are not shown again. */
export function runIsStale(db: DB, run: RunRow, now = Date.now()): boolean {
	const [{ last }] = db.select({ last: max(responses.updatedAt) }).from(responses).where(eq(responses.participantId, run.id)).all();
	const latest = Math.max(run.startedAt.getTime(), last ? new Date(last).getTime() : 0);
	return now - latest > RESUME_WITHIN_MS;
}

/** What this run answered so far (to show a returning tablet its own answers, nobody else's). */
export function runAnswers(db: DB, run: RunRow) {
	return db
		.select({ itemKey: responses.itemKey, questionId: responses.questionId, value: responses.value })
		.from(responses)
		.where(eq(responses.participantId, run.id))
		.all();
}

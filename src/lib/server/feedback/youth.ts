/**
 * What the young person's pages need from a round, and a batch of answers taken whole: the pages
 * send what was answered on one screen (or, after the network was gone, several screens at once).
 */
import type { Question } from '$lib/feedback/questions';
import type { DB } from '../db';
import { fail, ok, type Result } from '../result';
import { clearAnswer, findRun, finishRun, saveAnswer } from './participation';
import { frozenScreens } from './round-screens';
import { roundItems, roundStatus, type Round } from './rounds';

export const BATCH_MAX = 60;

/** The items as a young person sees them; a screen item carries its frozen screen (no notes for testers). */
function publicItems(db: DB, roundId: string) {
	const items = roundItems(db, roundId);
	const frozen = frozenScreens(db, items);
	return items.map((item) => ({ id: item.id, text: item.text, frozen: frozen.get(item.id) ?? null }));
}

/** Only what a young person sees: the ideas' texts and the questions. Nothing about other runs. */
export function publicRound(db: DB, round: Round, now = Date.now()) {
	return {
		code: round.code,
		title: round.title,
		status: roundStatus(round, now),
		closesAt: round.closesAt.getTime(),
		items: publicItems(db, round.id),
		itemQuestions: round.questions.filter((q) => q.scope === 'item') as Question[],
		finalQuestions: round.questions.filter((q) => q.scope === 'final') as Question[]
	};
}
export type PublicRound = ReturnType<typeof publicRound>;

export type BatchAnswer = { itemId: string | null; questionId: string; value: unknown };

class Refused extends Error {
	constructor(readonly key: string) {
		super(key);
	}
}

/**
 * Stores a batch of answers (value null or '' takes an answer back), all or nothing: one answer that
 * does not fit refuses the batch and nothing is stored.
 */
export function saveBatch(db: DB, round: Round, token: unknown, answers: unknown, finish = false, now = Date.now()): Result<{ saved: number }> {
	const run = findRun(db, round, token);
	if (!run) return fail('error_run_unknown');
	if (!Array.isArray(answers) || answers.length > BATCH_MAX) return fail('error_answer_batch');
	try {
		db.transaction((tx) => {
			for (const raw of answers) {
				if (!raw || typeof raw !== 'object') throw new Refused('error_answer_batch');
				const { itemId, questionId, value } = raw as BatchAnswer;
				const result =
					value === null || value === undefined || value === ''
						? clearAnswer(tx as unknown as DB, round, run, { itemId, questionId }, now)
						: saveAnswer(tx as unknown as DB, round, run, { itemId, questionId, value }, now);
				if (!result.ok) throw new Refused(result.error);
			}
			if (finish) {
				const done = finishRun(tx as unknown as DB, round, run, now);
				if (!done.ok) throw new Refused(done.error);
			}
		});
	} catch (error) {
		if (error instanceof Refused) return fail(error.key);
		throw error;
	}
	return ok({ saved: answers.length });
}

/**
 * Test rounds, the facilitator's side: making one from the ideas chosen on the Ideas page, its
 * window (opens now, closes after 4 hours by default, never more than 12), extending and closing.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { OPTION_MAX, OPTIONS_MAX, OWN_QUESTIONS_MAX, PROMPT_MAX, presetQuestions, type LocalText, type Question } from '$lib/feedback/questions';
import type { DB } from '../db';
import { ideaSelections, testItems, testRounds } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { newJoinCode } from './join-code';
import { DEFAULT_RULE, type ValidationRule } from './results';
import { oneLine } from '../text';
import { roundVersion, screenItemText, screenOrder } from './round-screens';

export const HOUR = 60 * 60 * 1000;
export const DEFAULT_WINDOW_HOURS = 4;
export const MAX_WINDOW_HOURS = 12;
export const ROUND_TITLE_MAX = 120;
export const ROUND_ITEMS_MAX = 20;

export type Round = typeof testRounds.$inferSelect & { questions: Question[]; rule: ValidationRule };
export type RoundStatus = 'scheduled' | 'open' | 'closed';

export function roundStatus(round: Pick<Round, 'opensAt' | 'closesAt'>, now = Date.now()): RoundStatus {
	if (now < round.opensAt.getTime()) return 'scheduled';
	return now < round.closesAt.getTime() ? 'open' : 'closed';
}

/** An own question as the facilitator typed it: Dutch required, English optional (Dutch shown then). */
export type OwnQuestionInput = { type: unknown; nl: unknown; en?: unknown; options?: unknown };

function text(value: unknown, max: number): string | null {
	const clean = oneLine(value);
	return clean && clean.length <= max ? clean : null;
}

function local(nl: unknown, en: unknown, max: number): LocalText | null {
	const dutch = text(nl, max);
	if (!dutch) return null;
	const english = en === undefined || en === '' ? dutch : text(en, max);
	return english ? { nl: dutch, en: english } : null;
}

export function parseOwnQuestions(input: OwnQuestionInput[]): Result<Question[]> {
	if (input.length > OWN_QUESTIONS_MAX) return fail('error_round_too_many_questions', 'questions');
	const questions: Question[] = [];
	for (const raw of input) {
		if (raw.type !== 'choice' && raw.type !== 'scale' && raw.type !== 'text') return fail('error_round_question_type', 'questions');
		const prompt = local(raw.nl, raw.en, PROMPT_MAX);
		if (!prompt) return fail('error_round_question_prompt', 'questions');
		let options: LocalText[] = [];
		if (raw.type === 'choice') {
			const list = Array.isArray(raw.options) ? raw.options : [];
			if (list.length < 2 || list.length > OPTIONS_MAX) return fail('error_round_question_options', 'questions');
			const parsed = list.map((o) => (o && typeof o === 'object' ? local((o as { nl?: unknown }).nl, (o as { en?: unknown }).en, OPTION_MAX) : local(o, undefined, OPTION_MAX)));
			if (parsed.some((o) => !o)) return fail('error_round_question_options', 'questions');
			options = parsed as LocalText[];
		}
		questions.push({ id: newId(), scope: 'item', type: raw.type, prompt, options });
	}
	return ok(questions);
}

export type NewRound = {
	title: unknown;
	ideaSelectionIds: unknown;
	/** A frozen version of one of this sprint's prototypes: one item per screen. Optional. */
	prototypeVersionId?: unknown;
	hours?: unknown;
	ownQuestions?: OwnQuestionInput[];
	rule?: Partial<ValidationRule>;
};

export function createRound(db: DB, sprintId: string, userId: string, input: NewRound, now = Date.now()): Result<{ id: string; code: string }> {
	const title = text(input.title, ROUND_TITLE_MAX);
	if (!title) return fail(typeof input.title === 'string' && input.title.trim() ? 'error_round_title_too_long' : 'error_title_required', 'title');
	const hours = input.hours === undefined || input.hours === '' ? DEFAULT_WINDOW_HOURS : Number(input.hours);
	if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_WINDOW_HOURS) return fail('error_round_window', 'hours');
	const ids = Array.isArray(input.ideaSelectionIds) ? [...new Set(input.ideaSelectionIds.filter((id): id is string => typeof id === 'string'))] : [];
	const versionId = typeof input.prototypeVersionId === 'string' ? input.prototypeVersionId : '';
	// Never the live prototype: only a frozen version, and only one of this sprint's prototypes.
	const version = versionId ? roundVersion(db, sprintId, versionId) : null;
	if (versionId && !version) return fail('error_round_version_not_found', 'version');
	const screens = version ? screenOrder(version.snapshot) : [];
	if (version && !screens.length) return fail('error_round_version_empty', 'version');
	if (!ids.length && !version) return fail('error_round_no_ideas', 'ideas');
	if (ids.length > ROUND_ITEMS_MAX) return fail('error_round_too_many_ideas', 'ideas');
	const ideas = ids.length ? db.select().from(ideaSelections).where(and(eq(ideaSelections.sprintId, sprintId), inArray(ideaSelections.id, ids))).all() : [];
	// Another sprint's idea, or one unselected meanwhile: refuse the whole round, make nothing.
	if (ideas.length !== ids.length) return fail('error_idea_not_found', 'ideas');
	const own = parseOwnQuestions(input.ownQuestions ?? []);
	if (!own.ok) return own;
	const rule = { ...DEFAULT_RULE, ...input.rule };
	if (!(Number.isInteger(rule.minAnswers) && rule.minAnswers >= 5 && rule.minAnswers <= 1000 && rule.minPositiveShare > 0 && rule.minPositiveShare <= 1)) return fail('error_round_rule', 'rule');
	const presets = presetQuestions(newId);
	// Own questions come after the presets about each idea, before the final questions.
	const questions = [...presets.filter((q) => q.scope === 'item'), ...own.value, ...presets.filter((q) => q.scope === 'final')];
	const order = new Map(ids.map((id, i) => [id, i]));
	const id = newId();
	// A code is unique among all rounds; a clash (1 in 10^11) is retried.
	for (let attempt = 0; ; attempt++) {
		const code = newJoinCode();
		try {
			db.transaction((tx) => {
				tx.insert(testRounds)
					.values({ id, sprintId, title, code, questions, rule, opensAt: new Date(now), closesAt: new Date(now + hours * HOUR), createdBy: userId })
					.run();
				for (const idea of [...ideas].sort((a, b) => order.get(a.id)! - order.get(b.id)!)) {
					tx.insert(testItems)
						.values({ id: newId(), roundId: id, position: order.get(idea.id)!, kind: 'idea', ideaSelectionId: idea.id, boardId: idea.boardId, boardItemId: idea.itemId, text: idea.text })
						.run();
				}
				// The screens follow the ideas, in the order the version is played.
				screens.forEach((screen, i) => {
					tx.insert(testItems)
						.values({ id: newId(), roundId: id, position: ids.length + i, kind: 'screen', prototypeVersionId: version!.id, screenId: screen.id, text: screenItemText(version!, screen) })
						.run();
				});
			});
			return ok({ id, code });
		} catch (error) {
			if (attempt < 3 && /UNIQUE constraint failed: test_rounds.code/.test((error as Error).message)) continue;
			throw error;
		}
	}
}

function asRound(row: typeof testRounds.$inferSelect | undefined): Round | null {
	return row ? (row as Round) : null;
}

export function getRound(db: DB, sprintId: string, roundId: string): Round | null {
	return asRound(db.select().from(testRounds).where(and(eq(testRounds.id, roundId), eq(testRounds.sprintId, sprintId))).get());
}

export function roundByCode(db: DB, code: string): Round | null {
	return asRound(db.select().from(testRounds).where(eq(testRounds.code, code)).get());
}

export function listRounds(db: DB, sprintId: string): Round[] {
	return db.select().from(testRounds).where(eq(testRounds.sprintId, sprintId)).orderBy(desc(testRounds.createdAt)).all() as Round[];
}

export function roundItems(db: DB, roundId: string) {
	return db.select().from(testItems).where(eq(testItems.roundId, roundId)).orderBy(asc(testItems.position)).all();
}

/** Longer open: the window never ends more than 12 hours after it opened. */
export function extendRound(db: DB, round: Round, minutes: unknown, now = Date.now()): Result<{ closesAt: Date }> {
	const extra = Number(minutes);
	if (!Number.isInteger(extra) || extra <= 0 || extra > MAX_WINDOW_HOURS * 60) return fail('error_round_extend', 'minutes');
	if (roundStatus(round, now) === 'closed') return fail('error_round_closed');
	const closesAt = Math.min(round.closesAt.getTime() + extra * 60_000, round.opensAt.getTime() + MAX_WINDOW_HOURS * HOUR);
	if (closesAt <= round.closesAt.getTime()) return fail('error_round_window_max', 'minutes');
	db.update(testRounds).set({ closesAt: new Date(closesAt) }).where(eq(testRounds.id, round.id)).run();
	return ok({ closesAt: new Date(closesAt) });
}

export function closeRound(db: DB, round: Round, now = Date.now()): Result<null> {
	if (roundStatus(round, now) === 'closed') return ok(null);
	db.update(testRounds).set({ closesAt: new Date(now) }).where(eq(testRounds.id, round.id)).run();
	return ok(null);
}

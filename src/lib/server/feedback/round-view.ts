/**
 * A round as the facilitator's pages show it (the round page, its live endpoint and the print page):
 * plain JSON, built from roundResults so the small-number rules apply in one place. What a person
 * sees depends on their role: texts a moderator hid (often because they hold personal data) only
 * reach the facilitator.
 */
import { eq } from 'drizzle-orm';
import type { LocalText, QuestionType } from '$lib/feedback/questions';
import type { DB } from '../db';
import { participants, testRounds, type SprintRole } from '../db/schema';
import { formatJoinCode } from './join-code';
import { roundResults } from './round-results';
import type { ValidationRule, Verdict } from './results';
import { listRounds, roundStatus, type Round, type RoundStatus } from './rounds';
import { runCounts } from './run-counts';

export type Counts = { n: number; counts: Record<string, number> } | null;

export type OwnResult = { id: string; type: QuestionType; prompt: LocalText | null; options: LocalText[]; result: Counts };

export type ItemView = {
	id: string;
	text: string;
	/** null: fewer than MIN_GROUP young people answered about this idea. */
	respondents: number | null;
	reactions: Counts;
	wouldHelp: Counts;
	own: OwnResult[];
	verdict: Verdict;
	validation: { validated: boolean; ruleVerdict: string; reason: string | null } | null;
};

export type TextView = { id: string; itemId: string | null; type: QuestionType; text: string; flags: string[]; moderation: 'new' | 'shown' | 'hidden'; quote: boolean };

export type RoundView = {
	/** Server time when this was made: the countdown and the choice between page data and a newer poll use it. */
	now: number;
	id: string;
	title: string;
	code: string;
	codeFormatted: string;
	status: RoundStatus;
	opensAt: number;
	closesAt: number;
	rule: ValidationRule;
	started: number;
	finished: number;
	stopped: number;
	items: ItemView[];
	texts: TextView[];
	textsWaiting: number;
	alerts: { id: string; categories: string[]; createdAt: number }[];
	summary: { bestReceived: string | null; mostDivided: string | null; quotes: { text: string; itemText: string | null }[] } | null;
};

function counts(distribution: { n: number | null; counts?: Record<string, number> } | undefined): Counts {
	return distribution && distribution.n !== null && distribution.counts ? { n: distribution.n, counts: distribution.counts } : null;
}

export function roundView(db: DB, round: Round, role: SprintRole, now = Date.now()): RoundView {
	const results = roundResults(db, round, now);
	const question = (type: QuestionType) => round.questions.find((q) => q.scope === 'item' && q.type === type);
	const reaction = question('reaction');
	const wouldHelp = question('would_help');
	const own = round.questions.filter((q) => q.scope === 'item' && (q.type === 'choice' || q.type === 'scale'));
	const typeOf = new Map(round.questions.map((q) => [q.id, q.type]));
	const textOf = new Map(results.items.map(({ item }) => [item.id, item.text]));
	const texts = results.freeTexts
		// The rest of the sprint sees a young person's text only once the facilitator showed it.
		.filter((t) => role === 'facilitator' || t.moderation === 'shown')
		.map((t) => ({ ...t, type: typeOf.get(t.questionId) ?? 'text' }))
		.map(({ questionId: _, ...t }) => t);
	return {
		now,
		id: round.id,
		title: round.title,
		code: round.code,
		codeFormatted: formatJoinCode(round.code),
		status: results.status,
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		rule: round.rule,
		started: results.started,
		finished: results.finished,
		stopped: results.stopped,
		items: results.items.map(({ item, result, validation }) => ({
			id: item.id,
			text: item.text,
			respondents: result.respondents,
			reactions: reaction ? counts(result.byQuestion[reaction.id]) : null,
			wouldHelp: wouldHelp ? counts(result.byQuestion[wouldHelp.id]) : null,
			own: own.map((q) => ({ id: q.id, type: q.type, prompt: q.prompt, options: q.options, result: counts(result.byQuestion[q.id]) })),
			verdict: result.verdict,
			validation: validation ? { validated: validation.validated, ruleVerdict: validation.ruleVerdict, reason: validation.reason } : null
		})),
		texts,
		textsWaiting: results.freeTextsWaiting,
		// Seen alerts stay in the database (for the record) but leave the banner.
		// Only for the facilitator: the page of the rest of the sprint (or a projector) never shows them.
		alerts: role === 'facilitator' ? results.alerts.filter((a) => !a.seenAt).map((a) => ({ id: a.id, categories: a.categories, createdAt: a.createdAt.getTime() })) : [],
		summary: results.summary && {
			bestReceived: results.summary.bestReceived && (textOf.get(results.summary.bestReceived) ?? null),
			mostDivided: results.summary.mostDivided && (textOf.get(results.summary.mostDivided) ?? null),
			quotes: texts.filter((t) => t.quote && t.moderation === 'shown').map((t) => ({ text: t.text, itemText: t.itemId ? (textOf.get(t.itemId) ?? null) : null }))
		}
	};
}

/** The sprint's rounds for the list: newest first, with how many young people started and finished. */
export function roundList(db: DB, sprintId: string, now = Date.now()) {
	const rounds = listRounds(db, sprintId);
	const counts = new Map(
		db
			.select({ roundId: participants.roundId, ...runCounts() })
			.from(participants)
			.innerJoin(testRounds, eq(testRounds.id, participants.roundId))
			.where(eq(testRounds.sprintId, sprintId))
			.groupBy(participants.roundId)
			.all()
			.map((row) => [row.roundId, row])
	);
	return rounds.map((round) => ({
		id: round.id,
		title: round.title,
		codeFormatted: formatJoinCode(round.code),
		status: roundStatus(round, now),
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		started: counts.get(round.id)?.started ?? 0,
		finished: counts.get(round.id)?.finished ?? 0
	}));
}

/**
 * What a test round's answers add up to, with the small-number rules applied here, in one place:
 * nothing about an item is shown until at least MIN_GROUP young people answered it, and an age-band
 * breakdown hides every band under MIN_GROUP, plus the next-smallest band when only one would be
 * hidden (otherwise the total minus the others gives it away).
 */
import { AGE_BANDS, REACTIONS, WOULD_HELP, type AgeBand, type AnswerValue, type Question } from '$lib/feedback/questions';

export const MIN_GROUP = 5;

export type Answer = { participantId: string; itemId: string | null; questionId: string; value: AnswerValue };

/** The rule that turns answers into a verdict on an idea (configurable per round). */
export type ValidationRule = { minAnswers: number; minPositiveShare: number };
export const DEFAULT_RULE: ValidationRule = { minAnswers: 5, minPositiveShare: 0.6 };

export type Verdict = { status: 'validated' | 'not_validated' | 'insufficient'; n: number; positiveShare: number | null; measure: 'would_help' | 'reaction' | null };

export type Distribution = { n: number; counts: Record<string, number> } | { n: null; suppressed: true };

export type BandResult = { band: AgeBand; n: number; positiveShare: number } | { band: AgeBand; suppressed: true };

export type ItemResult = {
	itemId: string;
	/** Young people who answered at least one question about this item (null: fewer than MIN_GROUP). */
	respondents: number | null;
	byQuestion: Record<string, Distribution>;
	verdict: Verdict;
	/** How divided the reactions are: 0 all the same, 1 evenly spread over the four faces. */
	divided: number | null;
	ageBands: BandResult[];
};

function count(values: AnswerValue[], keys: readonly (string | number)[]): Distribution {
	if (values.length < MIN_GROUP) return { n: null, suppressed: true };
	const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [String(k), 0]));
	for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
	return { n: values.length, counts };
}

/** Positive: "would help" = yes; failing that, one of the two happy faces. */
function positives(question: Question, values: AnswerValue[]): number {
	return question.type === 'would_help' ? values.filter((v) => v === 'yes').length : values.filter((v) => v === 'great' || v === 'good').length;
}

export function verdictFor(n: number, positive: number, measure: Verdict['measure'], rule: ValidationRule): Verdict {
	if (!measure || n < Math.max(rule.minAnswers, MIN_GROUP)) return { status: 'insufficient', n, positiveShare: null, measure };
	const share = positive / n;
	return { status: share >= rule.minPositiveShare ? 'validated' : 'not_validated', n, positiveShare: share, measure };
}

/** Normalised entropy of the reactions (null below MIN_GROUP). */
function divided(values: AnswerValue[]): number | null {
	if (values.length < MIN_GROUP) return null;
	let entropy = 0;
	for (const reaction of REACTIONS) {
		const p = values.filter((v) => v === reaction).length / values.length;
		if (p > 0) entropy -= p * Math.log(p);
	}
	return entropy / Math.log(REACTIONS.length);
}

/**
 * Age bands for the positive share. Bands under MIN_GROUP are hidden; if exactly one band is hidden
 * while the item's total is shown, the smallest other band is hidden too (secondary suppression).
 */
export function bandBreakdown(perBand: Map<AgeBand, { n: number; positive: number }>): BandResult[] {
	const hidden = new Set(AGE_BANDS.filter((band) => (perBand.get(band)?.n ?? 0) < MIN_GROUP && (perBand.get(band)?.n ?? 0) > 0));
	if (hidden.size === 1) {
		const next = AGE_BANDS.filter((band) => !hidden.has(band) && (perBand.get(band)?.n ?? 0) > 0).sort((a, b) => perBand.get(a)!.n - perBand.get(b)!.n)[0];
		if (next) hidden.add(next);
	}
	return AGE_BANDS.filter((band) => (perBand.get(band)?.n ?? 0) > 0).map((band) =>
		hidden.has(band) ? { band, suppressed: true } : { band, n: perBand.get(band)!.n, positiveShare: perBand.get(band)!.positive / perBand.get(band)!.n }
	);
}

const KEYS: Partial<Record<Question['type'], readonly (string | number)[]>> = {
	reaction: REACTIONS,
	would_help: WOULD_HELP,
	scale: [1, 2, 3, 4, 5],
	age_band: AGE_BANDS
};

export function itemResults(itemIds: string[], questions: Question[], answers: Answer[], rule: ValidationRule = DEFAULT_RULE): ItemResult[] {
	const itemQuestions = questions.filter((q) => q.scope === 'item');
	const ageQuestion = questions.find((q) => q.type === 'age_band');
	const bandOf = new Map<string, AgeBand>();
	if (ageQuestion) for (const a of answers) if (a.questionId === ageQuestion.id) bandOf.set(a.participantId, a.value as AgeBand);
	// The measure for the verdict: "would it help" when the round asks it, else the reaction.
	const measure = itemQuestions.find((q) => q.type === 'would_help') ?? itemQuestions.find((q) => q.type === 'reaction');

	return itemIds.map((itemId) => {
		const mine = answers.filter((a) => a.itemId === itemId);
		const respondents = new Set(mine.map((a) => a.participantId)).size;
		const byQuestion: Record<string, Distribution> = {};
		for (const question of itemQuestions) {
			if (question.type === 'change' || question.type === 'text') continue;
			const values = mine.filter((a) => a.questionId === question.id).map((a) => a.value);
			byQuestion[question.id] = count(values, KEYS[question.type] ?? question.options.map((_, i) => i));
		}
		const measured = measure ? mine.filter((a) => a.questionId === measure.id) : [];
		const verdict = verdictFor(measured.length, measure ? positives(measure, measured.map((a) => a.value)) : 0, measure ? (measure.type as 'would_help' | 'reaction') : null, rule);
		const reactionQuestion = itemQuestions.find((q) => q.type === 'reaction');
		const perBand = new Map<AgeBand, { n: number; positive: number }>();
		for (const answer of measured) {
			const band = bandOf.get(answer.participantId);
			if (!band) continue;
			const entry = perBand.get(band) ?? { n: 0, positive: 0 };
			entry.n++;
			entry.positive += positives(measure!, [answer.value]);
			perBand.set(band, entry);
		}
		return {
			itemId,
			respondents: respondents >= MIN_GROUP ? respondents : null,
			byQuestion,
			verdict,
			divided: reactionQuestion ? divided(mine.filter((a) => a.questionId === reactionQuestion.id).map((a) => a.value)) : null,
			ageBands: verdict.status === 'insufficient' ? [] : bandBreakdown(perBand)
		};
	});
}

/** The round's summary once it closes: best received and most divided (only items with a result). */
export function summary(results: ItemResult[]) {
	const scored = results.filter((r) => r.verdict.positiveShare !== null);
	const best = [...scored].sort((a, b) => b.verdict.positiveShare! - a.verdict.positiveShare! || b.verdict.n - a.verdict.n)[0] ?? null;
	const withSpread = results.filter((r) => r.divided !== null);
	const divided = [...withSpread].sort((a, b) => b.divided! - a.divided!)[0] ?? null;
	return { bestReceived: best?.itemId ?? null, mostDivided: divided && divided.divided! > 0 ? divided.itemId : null };
}

import { describe, expect, it } from 'vitest';
import { parseAnswer, presetQuestions, type Question } from '$lib/feedback/questions';
import { bandBreakdown, itemResults, summary, verdictFor, type Answer } from './results';

let next = 0;
const questions = presetQuestions(() => `q${next++}`);
const [reaction, wouldHelp, change, age] = questions;

/** n young people answering item `itemId`: `helps` of them say yes, the rest no; reactions as given. */
function people(itemId: string, answers: { help?: string; reaction?: string; band?: string }[], prefix = itemId): Answer[] {
	return answers.flatMap((a, i) => {
		const participantId = `${prefix}-p${i}`;
		const rows: Answer[] = [];
		if (a.help) rows.push({ participantId, itemId, questionId: wouldHelp.id, value: a.help });
		if (a.reaction) rows.push({ participantId, itemId, questionId: reaction.id, value: a.reaction });
		if (a.band) rows.push({ participantId, itemId: null, questionId: age.id, value: a.band });
		return rows;
	});
}

describe('validation rule', () => {
	it('needs the minimum number of answers before any verdict', () => {
		expect(verdictFor(4, 4, 'would_help', { minAnswers: 5, minPositiveShare: 0.6 }).status).toBe('insufficient');
		expect(verdictFor(5, 3, 'would_help', { minAnswers: 5, minPositiveShare: 0.6 })).toEqual({ status: 'validated', n: 5, positiveShare: 0.6, measure: 'would_help' });
		expect(verdictFor(5, 2, 'would_help', { minAnswers: 5, minPositiveShare: 0.6 }).status).toBe('not_validated');
	});

	it('never goes below the small-number floor of 5, whatever the round is configured with', () => {
		expect(verdictFor(3, 3, 'would_help', { minAnswers: 1, minPositiveShare: 0.5 }).status).toBe('insufficient');
		expect(verdictFor(10, 8, 'would_help', { minAnswers: 10, minPositiveShare: 0.9 }).status).toBe('not_validated');
	});
});

describe('item results', () => {
	it('show nothing for an item until 5 young people answered it', () => {
		const answers = people('idea-a', [{ help: 'yes', reaction: 'great' }, { help: 'yes' }, { help: 'no' }, { help: 'yes' }]);
		const [result] = itemResults(['idea-a'], questions, answers);
		expect(result.respondents).toBeNull();
		expect(result.byQuestion[wouldHelp.id]).toEqual({ n: null, suppressed: true });
		expect(result.byQuestion[reaction.id]).toEqual({ n: null, suppressed: true });
		expect(result.verdict.status).toBe('insufficient');
		expect(result.ageBands).toEqual([]);
		// Free texts are not counted here (they are moderated one by one).
		expect(result.byQuestion[change.id]).toBeUndefined();
	});

	it('count the answers and give the verdict from "would it help"', () => {
		const answers = people('idea-a', [{ help: 'yes' }, { help: 'yes' }, { help: 'yes' }, { help: 'maybe' }, { help: 'no' }, { help: 'yes' }]);
		const [result] = itemResults(['idea-a'], questions, answers);
		expect(result.respondents).toBe(6);
		expect(result.byQuestion[wouldHelp.id]).toEqual({ n: 6, counts: { yes: 4, maybe: 1, no: 1 } });
		expect(result.verdict).toMatchObject({ status: 'validated', n: 6, measure: 'would_help' });
		expect(result.verdict.positiveShare).toBeCloseTo(4 / 6);
	});

	it('fall back to the reaction when the round does not ask "would it help"', () => {
		const only = questions.filter((q) => q.type !== 'would_help');
		const answers = people('idea-a', ['great', 'good', 'bad', 'unsure', 'bad'].map((r) => ({ reaction: r })));
		const [result] = itemResults(['idea-a'], only, answers);
		expect(result.verdict).toMatchObject({ status: 'not_validated', measure: 'reaction', positiveShare: 0.4 });
	});

	it('measure how divided the reactions are', () => {
		const same = people('a', Array.from({ length: 6 }, () => ({ reaction: 'good' })));
		const spread = people('b', ['great', 'good', 'unsure', 'bad', 'great', 'bad', 'good', 'unsure'].map((r) => ({ reaction: r })));
		const [a, b] = itemResults(['a', 'b'], questions, [...same, ...spread]);
		expect(a.divided).toBe(0);
		expect(b.divided).toBeCloseTo(1);
		expect(summary([a, b]).mostDivided).toBe('b');
	});

	it('name the best received idea', () => {
		const loved = people('a', Array.from({ length: 5 }, () => ({ help: 'yes' })));
		const mixed = people('b', ['yes', 'no', 'no', 'yes', 'no'].map((help) => ({ help })));
		const few = people('c', [{ help: 'yes' }]);
		const results = itemResults(['a', 'b', 'c'], questions, [...loved, ...mixed, ...few]);
		expect(summary(results).bestReceived).toBe('a');
	});
});

describe('age-band breakdown', () => {
	it('hides bands under 5, and one more when only one would be hidden', () => {
		const perBand = new Map([
			['12-15', { n: 3, positive: 3 }],
			['16-18', { n: 6, positive: 3 }],
			['19-23', { n: 9, positive: 9 }]
		] as const);
		expect(bandBreakdown(new Map(perBand))).toEqual([
			{ band: '12-15', suppressed: true },
			{ band: '16-18', suppressed: true },
			{ band: '19-23', n: 9, positiveShare: 1 }
		]);
	});

	it('shows every band of 5 or more', () => {
		const perBand = new Map([
			['12-15', { n: 5, positive: 1 }],
			['16-18', { n: 5, positive: 5 }]
		] as const);
		expect(bandBreakdown(new Map(perBand))).toEqual([
			{ band: '12-15', n: 5, positiveShare: 0.2 },
			{ band: '16-18', n: 5, positiveShare: 1 }
		]);
	});

	it('comes with the item results, from the final age question', () => {
		const answers = people('a', [...Array.from({ length: 5 }, () => ({ help: 'yes', band: '16-18' })), { help: 'no', band: '12-15' }]);
		const [result] = itemResults(['a'], questions, answers);
		// One band of 1 would be hidden alone: the other goes too.
		expect(result.ageBands).toEqual([
			{ band: '12-15', suppressed: true },
			{ band: '16-18', suppressed: true }
		]);
	});
});

describe('answers', () => {
	const choice: Question = { id: 'c', scope: 'item', type: 'choice', prompt: { nl: 'Welke?', en: 'Which?' }, options: [{ nl: 'A', en: 'A' }, { nl: 'B', en: 'B' }] };

	it.each([
		[reaction, 'great', 'great'],
		[reaction, 'awful', null],
		[wouldHelp, 'maybe', 'maybe'],
		[age, '16-18', '16-18'],
		[age, '24-30', null],
		[choice, '1', 1],
		[choice, 2, null],
		[{ ...choice, type: 'scale' } as Question, '5', 5],
		[{ ...choice, type: 'scale' } as Question, 6, null],
		[change, '  beter kleuren  ', 'beter kleuren'],
		[change, '   ', null],
		[change, 'x'.repeat(501), null],
		[change, { text: 'object' }, null]
	])('%#: %j takes %j as %j', (question, raw, expected) => {
		expect(parseAnswer(question as Question, raw)).toEqual(expected);
	});
});

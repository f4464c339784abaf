import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testItems } from '../db/schema';
import { resultsCsv, type CsvWording } from './export';
import { moderate, purgeExpiredTexts, roundResults } from './round-results';
import { roundItems } from './rounds';
import { saveAnswer } from './participation';
import { join, q, round, setup, T0 } from './test-fixtures';

const wording: CsvWording = {
	header: { participant: 'deelnemer', idea: 'idee', question: 'vraag', answer: 'antwoord' },
	final: 'slot',
	question: (question) => question.type,
	answer: (_question, value) => String(value)
};

function parse(csv: string) {
	return Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
}

/** n young people who react to the idea; `texts` of them also write, shown by the facilitator when `show`. */
function crowdWithTexts(ctx: ReturnType<typeof setup>, r: ReturnType<typeof round>, itemId: string, texts: string[], show = true) {
	for (let i = 0; i < Math.max(5, texts.length); i++) {
		const run = join(ctx, r);
		saveAnswer(ctx.db, r, run, { itemId, questionId: q(r, 'reaction').id, value: 'good' }, T0);
		if (texts[i]) saveAnswer(ctx.db, r, run, { itemId, questionId: q(r, 'change').id, value: texts[i] }, T0);
		saveAnswer(ctx.db, r, run, { itemId: null, questionId: q(r, 'age_band').id, value: '16-18' }, T0);
	}
	if (show) for (const t of roundResults(ctx.db, r, T0).freeTexts) if (t.itemId === itemId) moderate(ctx.db, r, t.id, 'show');
}

describe('results CSV', () => {
	it('has one row per answer about ideas 5 or more answered, young people as J1, J2 in a random order, no age band', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a, b] = roundItems(ctx.db, r.id);
		crowdWithTexts(ctx, r, a.id, []);
		// Only 2 young people about the second idea: nothing about it leaves the app.
		for (let i = 0; i < 2; i++) saveAnswer(ctx.db, r, join(ctx, r), { itemId: b.id, questionId: q(r, 'would_help').id, value: 'yes' }, T0);
		const rows = parse(resultsCsv(ctx.db, r, wording));
		expect(rows[0]).toEqual(['deelnemer', 'idee', 'vraag', 'antwoord']);
		expect(rows.slice(1)).toHaveLength(5);
		expect(rows.slice(1).every((row) => row[1] === 'Buddy uit de buurt' && row[2] === 'reaction')).toBe(true);
		expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(new Set(['J1', 'J2', 'J3', 'J4', 'J5']));
		expect(resultsCsv(ctx.db, r, wording)).not.toContain('16-18');
	});

	it('numbers young people in a random order, not the order they sat down in', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		const orders = new Set<string>();
		const runs = Array.from({ length: 6 }, () => join(ctx, r));
		runs.forEach((run, i) => saveAnswer(ctx.db, r, run, { itemId: a.id, questionId: q(r, 'reaction').id, value: ['great', 'good', 'unsure', 'bad', 'great', 'good'][i] }, T0 + i));
		for (let i = 0; i < 20; i++) orders.add(parse(resultsCsv(ctx.db, r, wording)).slice(1).map((row) => row[3]).join(','));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		// The idea's text comes from a board note: anyone in the sprint typed it.
		ctx.db.update(testItems).set({ text: '\t=cmd|calc' }).where(eq(testItems.id, a.id)).run();
		crowdWithTexts(ctx, r, a.id, ['=HYPERLINK("http://x","klik") idee', '+31 gratis idee', '-2+3 idee', '@ school idee', 'gewoon idee']);
		const rows = parse(resultsCsv(ctx.db, r, wording)).slice(1);
		expect(rows.filter((row) => row[2] === 'change').map((row) => row[3]).sort()).toEqual([`'=HYPERLINK("http://x","klik") idee`, "'+31 gratis idee", "'-2+3 idee", "'@ school idee", 'gewoon idee'].sort());
		expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(["'\t=cmd|calc"]));
	});

	it('has free texts only once a moderator showed them, and none after the retention period', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		crowdWithTexts(ctx, r, a.id, ['tekst 0', 'tekst 1', 'tekst 2', 'tekst 3', 'bel me 0612345678'], false);
		// Nothing shown yet: no text leaves the app.
		expect(parse(resultsCsv(ctx.db, r, wording)).filter((row) => row[2] === 'change')).toEqual([]);
		for (const t of roundResults(ctx.db, r, T0).freeTexts) if (t.text !== 'tekst 0' && !t.flags.length) moderate(ctx.db, r, t.id, 'show');
		const csv = resultsCsv(ctx.db, r, wording);
		expect(csv).not.toContain('tekst 0');
		expect(csv).not.toContain('0612345678');
		expect(parse(csv).filter((row) => row[2] === 'change').map((row) => row[3]).sort()).toEqual(['tekst 1', 'tekst 2', 'tekst 3']);
		purgeExpiredTexts(ctx.db, T0 + 400 * 24 * 60 * 60 * 1000);
		const after = parse(resultsCsv(ctx.db, r, wording));
		expect(after.filter((row) => row[2] === 'change')).toEqual([]);
		expect(after.filter((row) => row[2] === 'reaction')).toHaveLength(5);
	});
});

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

describe('results CSV', () => {
	it('has one row per answer, young people as J1, J2 in order of their first answer', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a, b] = roundItems(ctx.db, r.id);
		const first = join(ctx, r);
		const second = join(ctx, r);
		saveAnswer(ctx.db, r, second, { itemId: a.id, questionId: q(r, 'reaction').id, value: 'good' }, T0);
		saveAnswer(ctx.db, r, first, { itemId: b.id, questionId: q(r, 'would_help').id, value: 'yes' }, T0 + 1);
		saveAnswer(ctx.db, r, second, { itemId: null, questionId: q(r, 'age_band').id, value: '16-18' }, T0 + 2);
		const rows = parse(resultsCsv(ctx.db, r, wording));
		expect(rows).toEqual([
			['deelnemer', 'idee', 'vraag', 'antwoord'],
			['J1', 'Buddy uit de buurt', 'reaction', 'good'],
			['J2', 'Talentenkaart', 'would_help', 'yes'],
			['J1', 'slot', 'age_band', '16-18']
		]);
		expect(resultsCsv(ctx.db, r, wording)).not.toContain(second.id);
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		// The idea's text comes from a board note: anyone in the sprint typed it.
		ctx.db.update(testItems).set({ text: '\t=cmd|calc' }).where(eq(testItems.id, a.id)).run();
		const texts = ['=HYPERLINK("http://x","klik")', '+31 gratis', '-2+3', '@ school', 'gewoon'];
		for (const text of texts) saveAnswer(ctx.db, r, join(ctx, r), { itemId: a.id, questionId: q(r, 'change').id, value: `${text} idee` }, T0);
		const rows = parse(resultsCsv(ctx.db, r, wording)).slice(1);
		expect(rows.map((row) => row[3])).toEqual([`'=HYPERLINK("http://x","klik") idee`, "'+31 gratis idee", "'-2+3 idee", "'@ school idee", 'gewoon idee']);
		expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(["'\t=cmd|calc"]));
	});

	it('leaves out free texts that were hidden or purged', () => {
		const ctx = setup();
		const r = round(ctx);
		const [a] = roundItems(ctx.db, r.id);
		// Texts about an item show once 5 young people answered it (see roundResults), so each also reacts.
		for (const text of ['tekst 0', 'tekst 1', 'tekst 2', 'tekst 3', 'bel me 0612345678']) {
			const run = join(ctx, r);
			saveAnswer(ctx.db, r, run, { itemId: a.id, questionId: q(r, 'reaction').id, value: 'good' }, T0);
			saveAnswer(ctx.db, r, run, { itemId: a.id, questionId: q(r, 'change').id, value: text }, T0);
		}
		const shown = roundResults(ctx.db, r, T0).freeTexts;
		moderate(ctx.db, r, shown.find((t) => t.text === 'tekst 0')!.id, 'hide');
		const csv = resultsCsv(ctx.db, r, wording);
		expect(csv).not.toContain('tekst 0');
		expect(csv).not.toContain('0612345678');
		expect(parse(csv).filter((row) => row[2] === 'change').map((row) => row[3])).toEqual(['tekst 1', 'tekst 2', 'tekst 3']);
		purgeExpiredTexts(ctx.db, T0 + 400 * 24 * 60 * 60 * 1000);
		const after = parse(resultsCsv(ctx.db, r, wording));
		expect(after.filter((row) => row[2] === 'change')).toEqual([]);
		expect(after.filter((row) => row[2] === 'reaction')).toHaveLength(5);
	});
});

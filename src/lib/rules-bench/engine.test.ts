import { describe, expect, it } from 'vitest';
import { demoRuleSet } from '$lib/rules/demo-ruleset';
import { compileRuleSet, evaluate } from '$lib/rules/evaluate';
import { demoFields, generateRecords } from '$lib/rules/generator';
import { BenchEngine } from './engine';
import { fromExported } from './from-exported';

const ruleSet = fromExported(demoRuleSet, demoFields);
const weights = () => ruleSet.indicators.map((i) => i.weight);
const minScores = () => ruleSet.bands.map((b) => b.minScore);

function engine(n = 500) {
	const e = new BenchEngine();
	e.load(generateRecords(n, 7));
	e.setRuleSet(ruleSet);
	return e;
}

describe('BenchEngine', () => {
	it('counts per band exactly what the evaluator gives record by record', () => {
		const e = engine();
		const { counts, none, size } = e.whatIf({ weights: weights(), minScores: minScores() });
		const compiled = compileRuleSet(ruleSet);
		const expected = ruleSet.bands.map((b) => e.records.filter((r) => evaluate(compiled, r, false).band === b.id).length);
		expect(counts).toEqual(expected);
		expect(none).toBe(0);
		expect(size).toBe(500);
	});

	it('recounts for a heavier indicator and a lower threshold without evaluating again', () => {
		const e = engine();
		const before = e.whatIf({ weights: weights(), minScores: minScores() });
		const heavier = weights().map((w, j) => (ruleSet.indicators[j].id === 'money_worries' ? 5 : w));
		const after = e.whatIf({ weights: heavier, minScores: minScores() });
		const top = ruleSet.bands.length - 1;
		expect(after.counts[top]).toBeGreaterThan(before.counts[top]);
		// The same as evaluating a rule set with that weight from scratch.
		const changed = { ...ruleSet, indicators: ruleSet.indicators.map((i) => (i.id === 'money_worries' ? { ...i, weight: 5 } : i)) };
		const compiled = compileRuleSet(changed);
		expect(after.counts[top]).toBe(e.records.filter((r) => evaluate(compiled, r, false).band === ruleSet.bands[top].id).length);
	});

	it('pages through a band with explanations, protective factors first and what-if weights shown', () => {
		const e = engine();
		const heavier = weights().map((w, j) => (ruleSet.indicators[j].kind === 'protective' ? w + 1 : w));
		const counts = e.whatIf({ weights: heavier, minScores: minScores() });
		const band = ruleSet.bands[2];
		const first = e.page({ kind: 'band', id: band.id }, 0, 10);
		expect(first.total).toBe(counts.counts[2]);
		expect(first.rows.length).toBe(Math.min(10, first.total));
		for (const row of first.rows) {
			expect(row.band).toBe(band.id);
			const kinds = row.explanation.map((c) => c.kind);
			expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'protective' ? -1 : 1)));
			const score = row.explanation.reduce((s, c) => s + (c.kind === 'risk' ? c.weight : -c.weight), 0);
			expect(row.score).toBeCloseTo(score, 9);
			for (const c of row.explanation) expect(c.facts.length).toBeGreaterThan(0);
		}
		const all = e.page({ kind: 'all' }, 999, 25);
		expect(all.window.page).toBe(all.window.pages - 1);
	});

	it('counts on how many records each indicator fires', () => {
		const e = engine(200);
		const compiled = compileRuleSet(ruleSet);
		const expected = ruleSet.indicators.map((ind) => e.records.filter((r) => evaluate(compiled, r, false).fired.includes(ind.id)).length);
		expect(e.fireCounts()).toEqual(expected);
	});

	it('refuses a what-if that does not fit the rule set', () => {
		expect(() => engine(10).whatIf({ weights: [1], minScores: minScores() })).toThrow();
	});
});

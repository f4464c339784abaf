import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { compileLogic, compileRuleSet, evaluate, firedMatrix, recount, truthy, type RuleSetInput } from './evaluate';
import type { JsonLogic } from './model';

const ruleSet: RuleSetInput = {
	indicators: [
		{ id: 'low', name: 'Lage aanwezigheid', kind: 'risk', weight: 2, jsonlogic: { and: [{ '!=': [{ var: 'att' }, null] }, { '<': [{ var: 'att' }, 80] }] } },
		{ id: 'debt', name: 'Schulden', kind: 'risk', weight: 1.5, jsonlogic: { '==': [{ var: 'debts' }, true] } },
		{ id: 'club', name: 'Sportclub', kind: 'protective', weight: 1, jsonlogic: { or: [{ '==': [{ var: 'club' }, true] }, { in: [{ var: 'talent' }, ['sport', 'muziek']] }] } }
	],
	bands: [
		{ id: 'geen', label: 'Geen', minScore: -100 },
		{ id: 'gesprek', label: 'Gesprek', minScore: 3 },
		{ id: 'aandacht', label: 'Aandacht', minScore: 1 }
	],
	fields: [{ key: 'att', label: 'Aanwezigheid (%)' }]
};

describe('compileLogic', () => {
	it('returns what json-logic-js returns, coercions included', () => {
		const cases: [JsonLogic, Record<string, unknown>][] = [
			[{ '<': [{ var: 'a' }, 3] }, { a: null }],
			[{ '==': [{ var: 'a' }, 1] }, { a: true }],
			[{ '==': [{ var: 'a' }, '1'] }, { a: 1 }],
			[{ '>=': [{ var: 'a' }, { var: 'b' }] }, { a: '10', b: 9 }],
			[{ and: [{ var: 'a' }, { var: 'b' }] }, { a: 3, b: 0 }],
			[{ or: [{ var: 'a' }, { var: 'b' }] }, { a: '', b: 'x' }],
			[{ or: [{ var: 'a' }, { var: 'b' }] }, {}],
			[{ '!': [{ var: 'a' }] }, { a: [] as unknown as string }],
			[{ '!': { var: 'a' } }, { a: 0 }],
			[{ in: [{ var: 'a' }, [1, 2]] }, { a: '1' }],
			[{ in: [{ var: ['a'] }, ['x', 'y']] }, { a: 'y' }],
			[{ '!=': [{ var: 'a' }, null] }, { a: undefined }]
		];
		for (const [logic, data] of cases) expect(compileLogic(logic)(data as never), JSON.stringify([logic, data])).toEqual(jsonLogic.apply(logic as jsonLogic.RulesLogic, data));
	});

	it('treats an empty array as false, as JsonLogic does', () => {
		expect(truthy([])).toBe(false);
		expect(truthy([0])).toBe(true);
		expect(truthy('0')).toBe(true);
	});

	it('refuses operators the builder does not make, saying which and where', () => {
		expect(() => compileLogic({ and: [{ '==': [1, 1] }, { cat: ['a', 'b'] }] })).toThrow('and[1]: operator "cat" is not allowed');
		expect(() => compileLogic({ var: 'a.b' })).toThrow('"var" must name one field');
		expect(() => compileLogic({ var: ['a', 0] })).toThrow('no default value');
		expect(() => compileLogic({ '<': [1, 2, 3] })).toThrow('"<" takes two arguments');
		expect(() => compileLogic({ in: [{ var: 'a' }, 'abc'] })).toThrow('in[1]: the second argument of "in" must be a list');
		expect(() => compileLogic([1, 2])).toThrow('a list is only allowed');
		expect(() => compileLogic({ a: 1, b: 2 })).toThrow('exactly one operator');
		expect(() => compileLogic({ and: [] })).toThrow('"and" needs at least one argument');
	});
});

describe('evaluate', () => {
	const compiled = compileRuleSet(ruleSet);

	it('scores risk minus protective and picks the band with the highest minScore <= score', () => {
		const r = evaluate(compiled, { att: 70, debts: true, club: false, talent: null });
		expect(r).toMatchObject({ score: 3.5, band: 'gesprek', fired: ['low', 'debt'] });
		expect(evaluate(compiled, { att: 70, debts: false, club: true })).toMatchObject({ score: 1, band: 'aandacht', fired: ['low', 'club'] });
		expect(evaluate(compiled, { att: 90, club: true })).toMatchObject({ score: -1, band: 'geen', fired: ['club'] });
	});

	it('gives no band when none qualifies', () => {
		const c = compileRuleSet({ ...ruleSet, bands: [{ id: 'aandacht', label: 'A', minScore: 1 }] });
		expect(evaluate(c, { att: 90 })).toMatchObject({ score: 0, band: null, fired: [] });
	});

	it('explains each fired indicator by the values that made it fire', () => {
		const r = evaluate(compiled, { att: 72, debts: true, club: false, talent: 'muziek' });
		expect(r.explanation.map((c) => [c.indicator, c.kind, c.weight])).toEqual([
			['low', 'risk', 2],
			['debt', 'risk', 1.5],
			['club', 'protective', 1]
		]);
		// the presence check is implied by the comparison; labels come from the fields
		expect(r.explanation[0].facts).toEqual([{ field: 'att', label: 'Aanwezigheid (%)', value: 72, op: '<', against: 80, holds: true, text: 'Aanwezigheid (%) = 72 (< 80)' }]);
		// of an "or", only the part that held
		expect(r.explanation[2].facts.map((f) => f.text)).toEqual(['talent = muziek (∈ [sport, muziek])']);
	});

	it('explains a field against a field, and a missing value asked for', () => {
		const c = compileRuleSet({
			indicators: [
				{ id: 'more', name: 'Meer verzuim dan leeftijd', kind: 'risk', weight: 1, jsonlogic: { and: [{ '!=': [{ var: 'abs' }, null] }, { '!=': [{ var: 'age' }, null] }, { '>': [{ var: 'abs' }, { var: 'age' }] }] } },
				{ id: 'gap', name: 'Onbekend', kind: 'risk', weight: 1, jsonlogic: { '==': [{ var: 'att' }, null] } }
			],
			bands: [],
			fields: [{ key: 'age', label: 'Leeftijd' }]
		});
		const [more, gap] = evaluate(c, { abs: 20, age: 15 }).explanation;
		expect(more.facts).toEqual([{ field: 'abs', label: 'abs', value: 20, op: '>', against: { field: 'age', label: 'Leeftijd', value: 15 }, holds: true, text: 'abs = 20 (> Leeftijd = 15)' }]);
		expect(gap.facts).toEqual([{ field: 'att', label: 'att', value: null, op: 'missing', against: null, holds: true, text: 'att = – (= ∅)' }]);
	});

	it('explains a not-group by the tests that did not hold', () => {
		const c = compileRuleSet({
			indicators: [{ id: 'none', name: 'Geen club', kind: 'risk', weight: 1, jsonlogic: { and: [{ '!=': [{ var: 'club' }, null] }, { '!': { '==': [{ var: 'club' }, true] } }] } }],
			bands: []
		});
		expect(evaluate(c, { club: false }).explanation[0].facts).toMatchObject([{ field: 'club', op: '==', against: true, holds: false, text: 'club = false (≠ true)' }]);
	});
});

describe('what-if', () => {
	const compiled = compileRuleSet(ruleSet);
	const records = [
		{ att: 70, debts: true, club: false },
		{ att: 70, debts: false, club: true },
		{ att: 90, club: true },
		{ att: null, debts: true }
	];

	it('recounts to exactly what evaluate gives with the same weights and bands', () => {
		const m = firedMatrix(compiled, records);
		expect(Array.from(m.fired[0])).toEqual([1, 1, 0, 0]);
		const r = recount(m, [2, 1.5, 1], ruleSet.bands);
		const direct = records.map((rec) => evaluate(compiled, rec));
		expect(Array.from(r.scores)).toEqual(direct.map((d) => d.score));
		expect(Array.from(r.bandIndex).map((k) => (k < 0 ? null : ruleSet.bands[k].id))).toEqual(direct.map((d) => d.band));
		expect(r.counts).toEqual([1, 1, 2]);
	});

	it('answers with new weights and thresholds without evaluating again', () => {
		const m = firedMatrix(compiled, records);
		const r = recount(m, [0.5, 3, 1], [{ id: 'hoog', label: 'Hoog', minScore: 3 }]);
		expect(Array.from(r.scores)).toEqual([3.5, -0.5, -1, 3]);
		expect(r.counts).toEqual([2]);
		expect(r.none).toBe(2);
	});
});

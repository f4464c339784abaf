/**
 * The differential test: our compiled evaluator must give exactly what json-logic-js 2.0.5 gives
 * on the exported JsonLogic, for the demo rule set and for random builder trees (seeded) that
 * cover every operator, field-against-field, not-groups, missing values and type mismatches.
 */
import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { compileLogic, compileRuleSet, evaluate, truthy } from './evaluate';
import { demoFields, generateRecords, mulberry32 } from './generator';
import { demoRuleSet } from './demo-ruleset';
import { toJsonLogic } from './to-jsonlogic';
import { COMPARE_OPS, type Condition, type DataRecord, type JsonLogic, type Literal } from './model';

const RECORDS = generateRecords(10_000, 20261125);
const apply = (logic: JsonLogic, record: DataRecord) => jsonLogic.apply(logic as jsonLogic.RulesLogic, record);

/** Reference result computed with json-logic-js only. */
function reference(record: DataRecord) {
	let risk = 0;
	let protective = 0;
	const fired: string[] = [];
	for (const ind of demoRuleSet.indicators) {
		if (!jsonLogic.truthy(apply(ind.jsonlogic, record))) continue;
		fired.push(ind.id);
		if (ind.kind === 'risk') risk += ind.weight;
		else protective += ind.weight;
	}
	const score = risk - protective;
	const band = [...demoRuleSet.bands].sort((a, b) => b.minScore - a.minScore).find((b) => b.minScore <= score);
	return { score, band: band?.id ?? null, fired };
}

/** A random condition tree over the demo fields; sometimes deliberately ill-typed. */
function randomCondition(random: () => number, depth: number): Condition {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
	const fields = demoFields.filter((f) => f.sensitivity !== 'special');
	if (depth > 0 && random() < 0.45) {
		const n = Math.floor(random() * 4); // 0..3 children: empty groups included
		return { type: 'group', op: pick(['all', 'any', 'not'] as const), children: Array.from({ length: n }, () => randomCondition(random, depth - 1)) };
	}
	const field = pick(fields);
	const op = pick(COMPARE_OPS);
	const literal = (): Literal => {
		const r = random();
		if (r < 0.08) return pick(['', '0', '85', 'true', 'x']); // coercion quirks
		if (r < 0.14) return pick([0, 1, true, false]);
		if (field.type === 'number') return Math.round(random() * 100) - 5;
		if (field.type === 'boolean') return random() < 0.5;
		return pick([...(field.values ?? []), 'onbekend']);
	};
	if (op === 'missing' || op === 'present') return { type: 'compare', field: field.key, op };
	if (random() < 0.2) return { type: 'compare', field: field.key, op, value: { field: pick(fields).key } };
	if (op === 'in' || op === 'not_in') return { type: 'compare', field: field.key, op, value: Array.from({ length: Math.floor(random() * 4) }, literal) };
	return { type: 'compare', field: field.key, op, value: literal() };
}

describe('differential: our evaluator === json-logic-js', { timeout: 120_000 }, () => {
	it('on the demo rule set over 10,000 generated records with missing values', () => {
		expect(RECORDS.some((r) => Object.values(r).includes(null))).toBe(true);
		const compiled = compileRuleSet(demoRuleSet);
		let mismatches = 0;
		for (const record of RECORDS) {
			const ours = evaluate(compiled, record, false);
			const theirs = reference(record);
			if (ours.score !== theirs.score || ours.band !== theirs.band || ours.fired.join() !== theirs.fired.join()) mismatches++;
		}
		expect(mismatches).toBe(0);
		// the demo set really discriminates: several bands occur
		const bands = new Set(RECORDS.map((r) => evaluate(compiled, r, false).band));
		expect(bands.size).toBe(3);
	});

	it('on 300 random builder trees (every operator, field against field, not, empty groups, ill-typed values)', () => {
		const random = mulberry32(7);
		const sample = RECORDS.slice(0, 2_000);
		const seenOps = new Set<string>();
		let checked = 0;
		for (let t = 0; t < 300; t++) {
			const condition = randomCondition(random, 3);
			const logic = toJsonLogic(condition);
			JSON.stringify(logic, (k, v) => (v && typeof v === 'object' && !Array.isArray(v) && seenOps.add(Object.keys(v)[0]), v));
			const ours = compileLogic(logic);
			for (const record of sample) {
				const a = ours(record);
				const b = apply(logic, record);
				if (truthy(a) !== jsonLogic.truthy(b) || !Object.is(a, b)) expect({ logic, record, a }).toEqual({ logic, record, a: b });
				checked++;
			}
		}
		expect(checked).toBe(600_000);
		expect([...seenOps].sort()).toEqual(['!', '!=', '<', '<=', '==', '>', '>=', 'and', 'in', 'or', 'var']);
	});

	it('on odd record values an API could send (strings for numbers, arrays, absent keys)', () => {
		const random = mulberry32(11);
		const odd: DataRecord[] = [{}, { attendance_pct: '70' }, { attendance_pct: '' }, { age: true }, { talent: 0 }, { sports_club: 'false' }, { loneliness: [] as never }, { loneliness: [7] as never }];
		for (let t = 0; t < 300; t++) {
			const logic = toJsonLogic(randomCondition(random, 3));
			const ours = compileLogic(logic);
			for (const record of odd) expect(Object.is(ours(record), apply(logic, record)) || JSON.stringify(ours(record)) === JSON.stringify(apply(logic, record))).toBe(true);
		}
	});
});

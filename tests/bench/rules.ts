/**
 * `npm run bench:rules`: the demo rule set widened to 25 indicators over 100,000 generated records
 * (with missing values). Our evaluator (conditions compiled once into closures) and json-logic-js
 * 2.0.5 (on the exported JsonLogic) in the same run; every record's score, band and fired
 * indicators compared. Also: evaluation with explanations, and the what-if recount (new weights
 * and thresholds over the fired matrix, no conditions evaluated). Times are medians of repeated
 * runs after a warm-up. Last line: {"records", "indicators", "records_per_s",
 * "jsonlogic_records_per_s", "ratio", "mismatches"}.
 * Knobs: BENCH_RECORDS=100000 BENCH_SEED=2026.
 */
import jsonLogic from 'json-logic-js';
import { compileRuleSet, evaluate, firedMatrix, recount, sortBands, bandFor } from '../../src/lib/rules/evaluate';
import { generateRecords } from '../../src/lib/rules/generator';
import { demoDraft } from '../../src/lib/rules/demo-ruleset';
import { exportRuleSet } from '../../src/lib/rules/export';
import type { Condition, Indicator, JsonLogic } from '../../src/lib/rules/model';

const N = Number(process.env.BENCH_RECORDS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 2026);

/** 18 more indicators in the builder's own terms: thresholds, lists, field against field, not-groups. */
function widened(): Indicator[] {
	const c = (field: string, op: string, value?: unknown) => ({ type: 'compare', field, op, value }) as Condition;
	const g = (op: 'all' | 'any' | 'not', ...children: Condition[]): Condition => ({ type: 'group', op, children });
	const extra: [string, 'risk' | 'protective', Condition][] = [
		['att_75', 'risk', c('attendance_pct', '<', 75)],
		['att_90', 'risk', g('all', c('attendance_pct', '<', 90), c('attendance_pct', '>=', 75))],
		['absence_40', 'risk', c('absence_hours', '>=', 40)],
		['absence_vs_age', 'risk', c('absence_hours', '>', { field: 'age' })],
		['lonely_8', 'risk', c('loneliness', '>=', 8)],
		['lonely_no_adult', 'risk', g('all', c('loneliness', '>=', 5), g('not', c('trusted_adult', '==', true)))],
		['young_dropout', 'risk', g('all', c('dropped_out', '==', true), c('age', '<=', 17))],
		['care_and_debts', 'risk', g('all', c('youth_care', '==', true), c('debts_at_home', '==', true))],
		['no_talent', 'risk', c('talent', 'in', ['geen'])],
		['neet_lonely', 'risk', g('all', c('neet', '==', true), c('loneliness', '>', 4))],
		['absent_no_club', 'risk', g('all', c('absence_hours', '>=', 16), g('not', c('sports_club', '==', true), c('volunteer', '==', true)))],
		['care_unknown_school', 'risk', g('all', c('youth_care', '==', true), c('attendance_pct', 'missing'))],
		['job', 'protective', c('has_job', '==', true)],
		['creative', 'protective', c('talent', 'in', ['muziek', 'kunst', 'koken'])],
		['helper', 'protective', g('any', c('talent', '==', 'zorgen voor anderen'), c('volunteer', '==', true))],
		['good_attendance', 'protective', c('attendance_pct', '>=', 95)],
		['club_and_adult', 'protective', g('all', c('sports_club', '==', true), c('trusted_adult', '==', true))],
		['not_lonely', 'protective', g('all', c('loneliness', '<=', 2), c('talent', 'not_in', ['geen', 'gamen']))]
	];
	return extra.map(([id, kind, condition], i) => ({ ...demoDraft.indicators[0], id, name: id, kind, condition, weight: 0.5 + (i % 4) * 0.5 }));
}

const ruleSet = exportRuleSet({ ...demoDraft, indicators: [...demoDraft.indicators, ...widened()] }, { id: 'bench', version: 1, publishedAt: '2026-11-25T00:00:00Z', approvals: [] });
const records = generateRecords(N, SEED);

function median(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}
function time(runs: number, fn: () => void): number {
	fn(); // warm-up
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	return median(ms);
}

type Result = { score: number; band: string | null; fired: string[] };

const compiled = compileRuleSet(ruleSet);
let ours: Result[] = [];
const oursMs = time(5, () => {
	ours = records.map((r) => evaluate(compiled, r, false));
});
const explainedMs = time(3, () => {
	for (const r of records) evaluate(compiled, r, true);
});

const sortedBands = sortBands(ruleSet.bands);
let theirs: Result[] = [];
const jsonLogicMs = time(2, () => {
	theirs = records.map((r) => {
		let risk = 0;
		let protective = 0;
		const fired: string[] = [];
		for (const ind of ruleSet.indicators) {
			if (!jsonLogic.truthy(jsonLogic.apply(ind.jsonlogic as jsonLogic.RulesLogic, r))) continue;
			fired.push(ind.id);
			if (ind.kind === 'risk') risk += ind.weight;
			else protective += ind.weight;
		}
		const score = risk - protective;
		return { score, band: bandFor(sortedBands, score), fired };
	});
});

let mismatches = 0;
for (let i = 0; i < N; i++) if (ours[i].score !== theirs[i].score || ours[i].band !== theirs[i].band || ours[i].fired.join() !== theirs[i].fired.join()) mismatches++;

// What-if: evaluate once into the fired matrix, then recount for new weights and thresholds.
const matrixMs = time(3, () => firedMatrix(compiled, records));
const matrix = firedMatrix(compiled, records);
let step = 0;
const recountMs = time(10, () => {
	step++;
	const weights = ruleSet.indicators.map((ind, j) => ind.weight + ((step + j) % 3) * 0.5);
	const bands = ruleSet.bands.map((b) => ({ ...b, minScore: b.minScore + (step % 2) }));
	recount(matrix, weights, bands);
});
const same = recount(
	matrix,
	ruleSet.indicators.map((i) => i.weight),
	ruleSet.bands
);
let recountMismatches = 0;
for (let i = 0; i < N; i++) {
	const k = same.bandIndex[i];
	if (same.scores[i] !== ours[i].score || (k < 0 ? null : ruleSet.bands[k].id) !== ours[i].band) recountMismatches++;
}

const perSecond = (ms: number) => Math.round(N / (ms / 1000));
const bandCounts = ruleSet.bands.map((b) => `${b.id} ${ours.filter((r) => r.band === b.id).length}`).join(', ');
const jsonlogicNodes = (l: JsonLogic): number => (Array.isArray(l) ? l.reduce((a: number, x) => a + jsonlogicNodes(x), 0) : l && typeof l === 'object' ? 1 + jsonlogicNodes(Object.values(l)[0]) : 0);
console.log(`node ${process.version}; ${N} records (seed ${SEED}); ${ruleSet.indicators.length} indicators, ${ruleSet.indicators.reduce((a, i) => a + jsonlogicNodes(i.jsonlogic), 0)} JsonLogic operations; bands: ${bandCounts}`);
console.log(`ours (score, band, fired):  ${oursMs.toFixed(1)} ms  ${perSecond(oursMs).toLocaleString('en')} records/s`);
console.log(`ours with explanations:     ${explainedMs.toFixed(1)} ms  ${perSecond(explainedMs).toLocaleString('en')} records/s`);
console.log(`json-logic-js 2.0.5:        ${jsonLogicMs.toFixed(1)} ms  ${perSecond(jsonLogicMs).toLocaleString('en')} records/s`);
console.log(`what-if: fired matrix once ${matrixMs.toFixed(1)} ms; recount (new weights + thresholds) ${recountMs.toFixed(1)} ms; recount vs evaluate mismatches ${recountMismatches}`);
console.log(JSON.stringify({ records: N, indicators: ruleSet.indicators.length, records_per_s: perSecond(oursMs), jsonlogic_records_per_s: perSecond(jsonLogicMs), ratio: Math.round((jsonLogicMs / oursMs) * 10) / 10, mismatches }));

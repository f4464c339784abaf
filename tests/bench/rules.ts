/**
 * `npm run bench:rules`: the demo rule set widened to 25 indicators over 100,000 generated records
 * (with missing values). Our evaluator (conditions compiled once into closures) and json-logic-js
 * 2.0.5 (on the exported JsonLogic) in the same run; every record's score, band and fired
 * indicators compared. Also: evaluation with explanations, and the what-if recount (new weights
 * and thresholds over the fired matrix, no conditions evaluated). Times are medians of repeated
 * runs after a warm-up. The what-if recount is also timed in headless Chromium (Debian's), where
 * the test bench page runs it: the rules code bundled with esbuild, records generated in the page.
 * Last line: {"records", "indicators", "records_per_s", "jsonlogic_records_per_s", "ratio",
 * "mismatches"}.
 * Knobs: BENCH_RECORDS=100000 BENCH_SEED=2026 BENCH_BROWSER=0 (skip the browser part).
 */
import jsonLogic from 'json-logic-js';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
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
const best: Record<string, number> = {};
/** Median of `runs` timed runs after a warm-up (the best run is kept in `best[name]`). */
function time(name: string, runs: number, fn: () => void): number {
	fn();
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	best[name] = Math.min(...ms);
	return median(ms);
}

type Result = { score: number; band: string | null; fired: string[] };

const compiled = compileRuleSet(ruleSet);
let ours: Result[] = [];
const oursMs = time('ours', 7, () => {
	ours = records.map((r) => evaluate(compiled, r, false));
});
const explainedMs = time('explained', 3, () => {
	for (const r of records) evaluate(compiled, r, true);
});

const sortedBands = sortBands(ruleSet.bands);
let theirs: Result[] = [];
const jsonLogicMs = time('jsonlogic', 3, () => {
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
const matrixMs = time('matrix', 3, () => firedMatrix(compiled, records));
const matrix = firedMatrix(compiled, records);
let step = 0;
const recountMs = time('recount', 11, () => {
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

/** The same what-if in a browser page: fired matrix once, then recounts (medians). */
async function inBrowser(): Promise<string> {
	const bundle = await build({
		stdin: {
			contents: `import { compileRuleSet, firedMatrix, recount } from './src/lib/rules/evaluate';
				import { generateRecords } from './src/lib/rules/generator';
				globalThis.whatIf = (ruleSet, n, seed) => {
					const records = generateRecords(n, seed);
					const compiled = compileRuleSet(ruleSet);
					let t = performance.now();
					const matrix = firedMatrix(compiled, records);
					const matrixMs = performance.now() - t;
					const ms = [];
					for (let step = 0; step < 11; step++) {
						const weights = ruleSet.indicators.map((ind, j) => ind.weight + ((step + j) % 3) * 0.5);
						const bands = ruleSet.bands.map((b) => ({ ...b, minScore: b.minScore + (step % 2) }));
						t = performance.now();
						recount(matrix, weights, bands);
						ms.push(performance.now() - t);
					}
					ms.sort((a, b) => a - b);
					return { matrixMs, recountMs: ms[5], userAgent: navigator.userAgent };
				};`,
			resolveDir: resolve(import.meta.dirname, '../..'),
			loader: 'ts'
		},
		bundle: true,
		format: 'iife',
		write: false
	});
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
	try {
		const page = await browser.newPage();
		await page.addScriptTag({ content: bundle.outputFiles[0].text });
		type WhatIf = (ruleSet: unknown, n: number, seed: number) => { matrixMs: number; recountMs: number; userAgent: string };
		const r = await page.evaluate(([json, n, seed]) => (globalThis as unknown as { whatIf: WhatIf }).whatIf(JSON.parse(json), n, seed), [JSON.stringify(ruleSet), N, SEED] as const);
		const version = r.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
		return `what-if in ${version} (headless): fired matrix once ${r.matrixMs.toFixed(1)} ms; recount ${r.recountMs.toFixed(1)} ms`;
	} finally {
		await browser.close();
	}
}

const perSecond = (ms: number) => Math.round(N / (ms / 1000));
const bandCounts = ruleSet.bands.map((b) => `${b.id} ${ours.filter((r) => r.band === b.id).length}`).join(', ');
const jsonlogicNodes = (l: JsonLogic): number => (Array.isArray(l) ? l.reduce((a: number, x) => a + jsonlogicNodes(x), 0) : l && typeof l === 'object' ? 1 + jsonlogicNodes(Object.values(l)[0]) : 0);
console.log(`node ${process.version}; ${N} records (seed ${SEED}); ${ruleSet.indicators.length} indicators, ${ruleSet.indicators.reduce((a, i) => a + jsonlogicNodes(i.jsonlogic), 0)} JsonLogic operations; bands: ${bandCounts}`);
const line = (label: string, name: string, ms: number) => `${label.padEnd(28)}${ms.toFixed(1)} ms  ${perSecond(ms).toLocaleString('en')} records/s (best run ${perSecond(best[name]).toLocaleString('en')}/s)`;
console.log(line('ours (score, band, fired):', 'ours', oursMs));
console.log(line('ours with explanations:', 'explained', explainedMs));
console.log(line('json-logic-js 2.0.5:', 'jsonlogic', jsonLogicMs));
console.log(`what-if: fired matrix once ${matrixMs.toFixed(1)} ms; recount (new weights + thresholds) ${recountMs.toFixed(1)} ms; recount vs evaluate mismatches ${recountMismatches}`);
if (process.env.BENCH_BROWSER !== '0') {
	try {
		console.log(await inBrowser());
	} catch (e) {
		// No Chromium on this machine: the Node figures still stand.
		console.log(`what-if in the browser: skipped (${(e as Error).message.split('\n')[0]})`);
	}
}
console.log(JSON.stringify({ records: N, indicators: ruleSet.indicators.length, records_per_s: perSecond(oursMs), jsonlogic_records_per_s: perSecond(jsonLogicMs), ratio: Math.round((jsonLogicMs / oursMs) * 10) / 10, mismatches }));

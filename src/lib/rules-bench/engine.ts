/**
 * The test bench's work, done where the records are (a Web Worker in the browser; plain calls in the
 * tests): hold a dataset, evaluate a rule set over it once (which indicator fired on which record),
 * then answer what-if questions (other weights, other thresholds) from that matrix alone, and page
 * through records with their explanations. Records never leave it; only counts and the records of
 * the page being looked at do.
 */
import { compileRuleSet, evaluate, firedMatrix, recount, type CompiledRuleSet, type Contribution, type FiredMatrix, type Recount } from '$lib/rules/evaluate';
import type { DataRecord } from '$lib/rules/model';
import { pageWindow, type PageWindow } from './paging';
import type { BenchRuleSet } from './types';

export type WhatIf = {
	/** One weight per indicator, in the rule set's order. */
	weights: number[];
	/** One minimum score per band, in the rule set's order. */
	minScores: number[];
};

export type BandFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'band'; id: string };

export type RecordRow = {
	/** 0-based index in the dataset. */
	index: number;
	score: number;
	band: string | null;
	/** Protective factors first, then risk signals; weights are the what-if weights. */
	explanation: Contribution[];
	values: DataRecord;
};

export type BandCounts = { counts: number[]; none: number; size: number };

export class BenchEngine {
	#records: DataRecord[] = [];
	#ruleSet: BenchRuleSet | null = null;
	#compiled: CompiledRuleSet | null = null;
	#matrix: FiredMatrix | null = null;
	#current: (Recount & WhatIf) | null = null;
	#fires: number[] | null = null;

	get size() {
		return this.#records.length;
	}

	get records(): readonly DataRecord[] {
		return this.#records;
	}

	/** The last what-if's recount (scores and band per record), or null before the first. */
	get counted(): Recount | null {
		return this.#current;
	}

	/** Which indicator fired on which record, or null before a rule set and a dataset are there. */
	get matrix(): FiredMatrix | null {
		return this.#matrix;
	}

	load(records: DataRecord[]) {
		this.#records = records;
		this.#matrix = null;
		this.#current = null;
		if (this.#ruleSet) this.#evaluate();
	}

	setRuleSet(ruleSet: BenchRuleSet) {
		this.#ruleSet = ruleSet;
		this.#compiled = compileRuleSet(ruleSet);
		this.#current = null;
		this.#evaluate();
	}

	#evaluate() {
		if (!this.#compiled) return;
		this.#matrix = firedMatrix(this.#compiled, this.#records);
		this.#fires = null;
	}

	/** On how many records each indicator fires (what-if changes weights, never this). */
	fireCounts(): number[] {
		this.#fires ??= (this.#matrix?.fired ?? []).map((row) => row.reduce((a, b) => a + b, 0));
		return this.#fires;
	}

	/** Scores and bands for these weights and thresholds (from the fired matrix: no conditions run). */
	whatIf(whatIf: WhatIf): BandCounts {
		const ruleSet = this.#need();
		const matrix = this.#matrix!;
		if (whatIf.weights.length !== ruleSet.indicators.length || whatIf.minScores.length !== ruleSet.bands.length) throw new Error('what-if does not fit the rule set');
		const bands = ruleSet.bands.map((b, i) => ({ ...b, minScore: whatIf.minScores[i] }));
		const result = recount(matrix, whatIf.weights, bands);
		this.#current = { ...result, ...whatIf };
		return { counts: result.counts, none: result.none, size: matrix.count };
	}

	/** A page of records in a band (or all, or without a band), each with its explanation. */
	page(filter: BandFilter, page: number, size: number): { window: PageWindow; total: number; rows: RecordRow[] } {
		const ruleSet = this.#need();
		const current = this.#current;
		if (!current) throw new Error('no what-if yet');
		const wanted = filter.kind === 'all' ? null : filter.kind === 'none' ? -1 : ruleSet.bands.findIndex((b) => b.id === filter.id);
		const matches: number[] = [];
		for (let i = 0; i < current.bandIndex.length; i++) if (wanted === null || current.bandIndex[i] === wanted) matches.push(i);
		const window = pageWindow(matches.length, size, page);
		const weightOf = new Map(ruleSet.indicators.map((ind, j) => [ind.id, current.weights[j]]));
		const rows = matches.slice(window.from, window.to).map((index): RecordRow => {
			const record = this.#records[index];
			const explanation = evaluate(this.#compiled!, record, true)
				.explanation.map((c) => ({ ...c, weight: weightOf.get(c.indicator) ?? c.weight }))
				.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'protective' ? -1 : 1));
			const k = current.bandIndex[index];
			return { index, score: current.scores[index], band: k < 0 ? null : ruleSet.bands[k].id, explanation, values: record };
		});
		return { window, total: matches.length, rows };
	}

	#need(): BenchRuleSet {
		if (!this.#ruleSet || !this.#matrix) throw new Error('no rule set or no dataset yet');
		return this.#ruleSet;
	}
}

/**
 * What a what-if answer carries besides the counts per band: the neighbourhood table and the
 * fairness view (both from $lib/rules/aggregate, which protects small numbers), and on how many
 * records each indicator fires.
 */
import { areaTable, bandIdsOf, fairness, signalledInMatrix, type AreaTable, type Fairness, type FairnessAttribute } from '$lib/rules/aggregate';
import type { Band } from '$lib/rules/model';
import type { BenchEngine, WhatIf } from './engine';
import type { BenchRuleSet } from './types';

export type Aggregates = {
	areas: AreaTable;
	fairness: Fairness;
	fires: number[];
	/** Per indicator, how often it applies per group of the same attribute: which indicator makes a group stand out. */
	byIndicator: Fairness[];
};

/** The band from which a young person counts as "with a signal": the one above the lowest. */
export function defaultSignalBand(bands: readonly Band[]): string {
	const sorted = [...bands].sort((a, b) => a.minScore - b.minScore);
	return (sorted[1] ?? sorted[0])?.id ?? '';
}

/**
 * Per indicator, its rate per group and the ratio to its overall rate (the fairness rules of
 * $lib/rules/aggregate, small groups hidden). Weights do not change it, so a caller keeps it until
 * the dataset, the rule set or the attribute changes.
 */
export function indicatorFairness(engine: BenchEngine, attribute: FairnessAttribute): Fairness[] {
	return (engine.matrix?.fired ?? []).map((row) => fairness(engine.records, Array.from(row, (x) => x === 1), attribute));
}

export function aggregates(engine: BenchEngine, ruleSet: BenchRuleSet, whatIf: WhatIf, signalFrom: string, attribute: FairnessAttribute, byIndicator: Fairness[]): Aggregates {
	const bands = ruleSet.bands.map((b, k) => ({ ...b, minScore: whatIf.minScores[k] }));
	const counted = engine.counted!;
	const bandIds = bandIdsOf(counted, bands);
	const from = bands.some((b) => b.id === signalFrom) ? signalFrom : defaultSignalBand(bands);
	const signalled = signalledInMatrix(engine.matrix!, counted, bands, from);
	return { areas: areaTable(engine.records, bandIds, bands), fairness: fairness(engine.records, signalled, attribute), fires: engine.fireCounts(), byIndicator };
}

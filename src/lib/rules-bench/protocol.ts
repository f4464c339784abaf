/** What the bench page asks its worker, and what it gets back: counts, and only the page of records being read. */
import type { BandCounts, BandFilter, RecordRow, WhatIf } from './engine';
import type { PageWindow } from './paging';
import type { BenchRuleSet } from './types';
import type { CsvError } from '$lib/rules/csv';
import type { FairnessAttribute } from '$lib/rules/aggregate';
import type { Aggregates } from './summary';

export type { FairnessAttribute };


export type Request =
	| { type: 'generate'; n: number; seed: number }
	/** The text of an uploaded CSV file, checked against the rule set's fields. */
	| { type: 'csv'; text: string }
	| { type: 'ruleset'; ruleSet: BenchRuleSet }
	/** `signalFrom`: the lowest band that counts as a signal; `attribute`: the fairness view's groups. */
	| { type: 'whatif'; whatIf: WhatIf; signalFrom: string; attribute: FairnessAttribute }
	| { type: 'page'; filter: BandFilter; page: number; size: number };

export type DatasetInfo = { size: number };
export type CsvRefusal = { refused: true; errors: CsvError[]; more: number };
export type WhatIfAnswer = BandCounts & Aggregates & { ms: number };
export type PageAnswer = { window: PageWindow; total: number; rows: RecordRow[] };

export type Response = DatasetInfo | CsvRefusal | WhatIfAnswer | PageAnswer | null;

/** The worker's answers: one engine per worker, one request at a time. */
import { generateRecords } from '$lib/rules/generator';
import { BenchEngine } from './engine';
import type { Request, Response } from './protocol';
import { aggregates, indicatorFairness } from './summary';
import type { Fairness, FairnessAttribute } from '$lib/rules/aggregate';
import { readCsv } from '$lib/rules/csv';
import type { BenchRuleSet } from './types';
import { MAX_RECORDS } from './limits';


export function benchHandler(now: () => number = () => performance.now()) {
	const engine = new BenchEngine();
	let ruleSet: BenchRuleSet | null = null;
	/** Per-indicator fairness for one attribute, until the data, the rule set or the attribute changes. */
	let perIndicator: { attribute: FairnessAttribute; groups: Fairness[] } | null = null;
	return (request: Request): Response => {
		switch (request.type) {
			case 'generate': {
				const n = Math.floor(request.n);
				if (!(n >= 1 && n <= MAX_RECORDS)) throw new Error(`n must be 1 to ${MAX_RECORDS}`);
				engine.load(generateRecords(n, Math.floor(request.seed) >>> 0));
				perIndicator = null;
				return { size: engine.size };
			}
			case 'csv': {
				if (!ruleSet) throw new Error('no rule set yet');
				const read = readCsv(request.text, ruleSet.fields, { maxRows: MAX_RECORDS });
				// Refused whole: the dataset loaded before stays as it was.
				if (!read.ok) return { refused: true, errors: read.errors, more: read.more };
				engine.load(read.records);
				perIndicator = null;
				return { size: engine.size };
			}
			case 'ruleset':
				ruleSet = request.ruleSet;
				engine.setRuleSet(request.ruleSet);
				perIndicator = null;
				return null;
			case 'whatif': {
				const start = now();
				const counts = engine.whatIf(request.whatIf);
				if (perIndicator?.attribute !== request.attribute) perIndicator = { attribute: request.attribute, groups: indicatorFairness(engine, request.attribute) };
				const more = aggregates(engine, ruleSet!, request.whatIf, request.signalFrom, request.attribute, perIndicator.groups);
				return { ...counts, ...more, ms: now() - start };
			}
			case 'page':
				return engine.page(request.filter, request.page, Math.min(100, Math.max(1, request.size)));
		}
	};
}

import { describe, expect, it } from 'vitest';
import { demoRuleSet } from '$lib/rules/demo-ruleset';
import { demoFields } from '$lib/rules/generator';
import { fromExported } from './from-exported';
import { benchHandler } from './handler';
import type { WhatIfAnswer } from './protocol';

const ruleSet = fromExported(demoRuleSet, demoFields);
const whatIf = { weights: ruleSet.indicators.map((i) => i.weight), minScores: ruleSet.bands.map((b) => b.minScore) };

describe('the bench worker', () => {
	it('generates, evaluates and answers a what-if with counts, the area table and fairness', () => {
		const handle = benchHandler(() => 0);
		handle({ type: 'ruleset', ruleSet });
		expect(handle({ type: 'generate', n: 300, seed: 3 })).toEqual({ size: 300 });
		const answer = handle({ type: 'whatif', whatIf, signalFrom: 'aandacht', attribute: 'gender' }) as WhatIfAnswer;
		expect(answer.counts.reduce((a, b) => a + b, 0) + answer.none).toBe(300);
		expect(answer.fires).toHaveLength(ruleSet.indicators.length);
		expect(answer.fairness.attribute).toBe('gender');
		expect(answer.fairness.n).toBe(300);
		// Fairness counts exactly the young people in "aandacht" or higher as signalled.
		expect(answer.fairness.rate).toBeCloseTo((answer.counts[1] + answer.counts[2]) / 300, 12);
		expect(answer.areas.columns).toEqual(['geen', 'aandacht', 'gesprek']);
		// Per indicator: its own rate per gender, over the records it fires on.
		expect(answer.byIndicator).toHaveLength(ruleSet.indicators.length);
		answer.byIndicator.forEach((f, j) => expect(f.rate).toBeCloseTo(answer.fires[j] / 300, 12));
		const byDistrict = handle({ type: 'whatif', whatIf, signalFrom: 'aandacht', attribute: 'district' }) as WhatIfAnswer;
		expect(byDistrict.byIndicator[0].attribute).toBe('district');
	});

	it('refuses a bad CSV whole and keeps the dataset it had', () => {
		const handle = benchHandler();
		handle({ type: 'ruleset', ruleSet });
		handle({ type: 'csv', text: 'age,sports_club\n15,true\n16,false\n' });
		const refused = handle({ type: 'csv', text: 'age,sports_club\n15,true\nveertien,ja\n' });
		expect(refused).toMatchObject({ refused: true, errors: [{ row: 3, column: 'age' }, { row: 3, column: 'sports_club' }] });
		const answer = handle({ type: 'whatif', whatIf, signalFrom: 'aandacht', attribute: 'age_band' }) as WhatIfAnswer;
		expect(answer.size).toBe(2);
	});

	it('refuses a dataset larger than the bench takes', () => {
		const handle = benchHandler();
		expect(() => handle({ type: 'generate', n: 100_001, seed: 1 })).toThrow();
		expect(() => handle({ type: 'generate', n: 0, seed: 1 })).toThrow();
	});
});

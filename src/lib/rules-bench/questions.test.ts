import { describe, expect, it } from 'vitest';
import { demoRuleSet } from '$lib/rules/demo-ruleset';
import { compileRuleSet, evaluate } from '$lib/rules/evaluate';
import { demoFields } from '$lib/rules/generator';
import { fromExported } from './from-exported';
import { questionsFor, recordOf } from './questions';

const ruleSet = fromExported(demoRuleSet, demoFields);

describe('signal check questions', () => {
	it('asks only about the fields the indicators read, in dictionary order, with their units', () => {
		const questions = questionsFor(ruleSet);
		const keys = questions.map((q) => q.key);
		expect(keys).toEqual(demoFields.map((f) => f.key).filter((k) => keys.includes(k)));
		expect(keys).toContain('attendance_pct');
		expect(keys).not.toContain('gender');
		expect(keys).not.toContain('migration_background');
		expect(questions.find((q) => q.key === 'attendance_pct')?.unit).toBe('%');
	});

	it('makes a record of typed answers only; "weet ik niet" and wrong types are missing', () => {
		const questions = questionsFor(ruleSet);
		const record = recordOf(questions, { attendance_pct: 70, sports_club: true, talent: 'muziek', trusted_adult: null, loneliness: Number.NaN, neet: 'yes', debts_at_home: false });
		expect(record).toEqual({ attendance_pct: 70, sports_club: true, talent: 'muziek', debts_at_home: false });
		const result = evaluate(compileRuleSet(ruleSet), record);
		expect(result.fired).toEqual(['talent', 'takes_part', 'school_absence']);
	});

	it('refuses a category value the field does not have', () => {
		expect(recordOf(questionsFor(ruleSet), { talent: 'schaken' })).toEqual({});
	});
});

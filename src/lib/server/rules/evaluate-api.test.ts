import { describe, expect, it } from 'vitest';
import { demoRuleSet } from '$lib/rules/demo-ruleset';
import { checkRecords, evaluateRecords, MAX_RECORDS } from './evaluate-api';

const fields = demoRuleSet.fields;

describe('records sent to the evaluation API', () => {
	it('are taken as {records: [...]} or a bare array; absent fields are missing values', () => {
		expect(checkRecords({ records: [{ neet: true }, {}] }, fields)).toEqual({ ok: true, records: [{ neet: true }, {}] });
		expect(checkRecords([{ attendance_pct: null }], fields)).toEqual({ ok: true, records: [{ attendance_pct: null }] });
	});

	it('are refused whole, saying which record and which field', () => {
		const checked = checkRecords({ records: [{ neet: true }, { neet: 'ja', shoe_size: 44 }, 'x'] }, fields);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.errors).toEqual(['records[1].neet: "ja" is not true or false', 'records[1]: unknown field "shoe_size"', expect.stringMatching(/^records\[2\]: /)]);
		expect(checkRecords({ rows: [] }, fields)).toMatchObject({ ok: false });
		expect(checkRecords({ records: [{ talent: 'skaten' }] }, fields)).toMatchObject({ ok: false, errors: [expect.stringContaining('records[0].talent: "skaten" is not one of')] });
		expect(checkRecords(Array.from({ length: MAX_RECORDS + 1 }, () => ({})), fields)).toMatchObject({ ok: false, errors: [expect.stringContaining(`more than ${MAX_RECORDS} records`)] });
	});

	it('gives a result per record, in input order, with the explanation', () => {
		const [first, second] = evaluateRecords(demoRuleSet, [{ neet: true }, { talent: 'sport', trusted_adult: true }]);
		expect(first).toMatchObject({ score: 3, band: 'aandacht', fired: ['not_in_school_or_work'] });
		expect(first.explanation[0].facts.length).toBeGreaterThan(0);
		expect(second).toMatchObject({ score: -2, band: 'geen', fired: ['talent', 'trusted_adult'] });
	});
});

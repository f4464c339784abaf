import { describe, expect, it } from 'vitest';
import { readRecords } from './records';
import type { ExportedField } from './model';

const fields: ExportedField[] = [
	{ key: 'age', label: 'Leeftijd', type: 'number', source: '' },
	{ key: 'club', label: 'Club', type: 'boolean', source: '' },
	{ key: 'talent', label: 'Talent', type: 'category', values: ['sport'], source: '' }
];

describe('readRecords', () => {
	it('accepts typed values, null and absent keys', () => {
		expect(readRecords([{ age: 15, club: true, talent: 'sport' }, { age: null }, {}], fields)).toEqual({ ok: true, records: [{ age: 15, club: true, talent: 'sport' }, { age: null }, {}] });
	});

	it('refuses the whole list, naming record and field', () => {
		const r = readRecords([{ age: '15' }, { club: 'yes', talent: 'voetbal', postcode: '5611' }, 3, { constructor: 1 }], fields);
		expect(r).toMatchObject({ ok: false, more: 0 });
		if (!r.ok)
			expect(r.errors.map((e) => [e.record, e.field, e.code])).toEqual([
				[0, 'age', 'not_number'],
				[1, 'club', 'not_boolean'],
				[1, 'talent', 'not_in_category'],
				[1, 'postcode', 'field_unknown'],
				[2, null, 'not_an_object'],
				[3, 'constructor', 'field_unknown']
			]);
	});

	it('refuses what is not a list, and too many records', () => {
		expect(readRecords({ age: 1 }, fields)).toMatchObject({ ok: false, errors: [{ code: 'not_a_list' }] });
		expect(readRecords([{}, {}], fields, { maxRecords: 1 })).toMatchObject({ ok: false, errors: [{ code: 'too_many' }] });
	});
});

import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { describeCsvErrors, readCsv, safeCell, writeRecordsCsv, writeResultsCsv } from './csv';
import { generatedKeys, generateRecords, demoFields } from './generator';
import type { ExportedField } from './model';

const fields: ExportedField[] = [
	{ key: 'age', label: 'Leeftijd', type: 'number', source: '' },
	{ key: 'club', label: 'Club', type: 'boolean', source: '' },
	{ key: 'talent', label: 'Talent', type: 'category', values: ['sport', 'muziek'], source: '' }
];

describe('readCsv', () => {
	it('reads typed values; an empty cell is null; a missing column is simply absent', () => {
		const r = readCsv('age,club,talent\n15,true,sport\n,FALSE,\n\n16.5,,muziek\n', fields);
		expect(r).toEqual({
			ok: true,
			columns: ['age', 'club', 'talent'],
			records: [
				{ age: 15, club: true, talent: 'sport' },
				{ age: null, club: false, talent: null },
				{ age: 16.5, club: null, talent: 'muziek' }
			]
		});
		expect(readCsv('\uFEFFclub\r\ntrue\r\n\r\nfalse', fields)).toMatchObject({ ok: true, records: [{ club: true }, { club: null }, { club: false }] });
	});

	it('refuses the whole file for one bad cell, saying row and column', () => {
		const r = readCsv('age,club,talent\n15,true,sport\n15,ja,voetbal\n1e3,true,sport', fields);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[3, 'club', 'not_boolean'],
			[3, 'talent', 'not_in_category'],
			[4, 'age', 'not_number']
		]);
		expect(describeCsvErrors(r)[0]).toBe('row 3, column club: "ja" is not true or false');
	});

	it('refuses unknown and repeated columns, listing them', () => {
		const r = readCsv('age,postcode,age\n1,2,3', fields);
		expect(r).toMatchObject({ ok: false, errors: [{ row: 1, column: 'postcode', code: 'column_unknown' }, { row: 1, column: 'age', code: 'column_duplicate' }] });
	});

	it('refuses rows of the wrong length, broken quotes and an empty file', () => {
		expect(readCsv('age;club\n1;true\n1', fields)).toMatchObject({ ok: false, errors: [{ row: 3, code: 'column_count' }] });
		expect(readCsv('age,talent\n1,"sport', fields)).toMatchObject({ ok: false, errors: [{ code: 'csv_syntax' }] });
		expect(readCsv('', fields)).toMatchObject({ ok: false, errors: [{ row: 1, code: 'csv_empty' }] });
	});

	it('caps the list of errors and says how many more', () => {
		const text = 'age\n' + Array.from({ length: 120 }, () => 'x').join('\n');
		const r = readCsv(text, fields);
		expect(r).toMatchObject({ ok: false, more: 70 });
		if (!r.ok) expect(describeCsvErrors(r).at(-1)).toBe('... and 70 more');
		expect(readCsv('age\n1\n2\n3', fields, { maxRows: 2 })).toMatchObject({ ok: false, errors: [{ code: 'too_many_rows' }] });
	});

	it('reads back exactly what the generator writes', () => {
		const records = generateRecords(500, 3);
		const r = readCsv(writeRecordsCsv(generatedKeys, records), demoFields);
		expect(r).toEqual({ ok: true, columns: generatedKeys, records });
	});
});

describe('writing CSV', () => {
	it('neutralises cells a spreadsheet would read as a formula', () => {
		for (const bad of ['=1+1', '+31', '-2', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(bad)).toBe(`'${bad}`);
		expect(safeCell(-2)).toBe(-2);
		expect(safeCell(null)).toBe('');
		const csv = writeResultsCsv([{ score: -1, band: '=cmd', fired: ['a'], explanation: [{ indicator: 'a', name: '=HYPERLINK()', kind: 'risk', weight: 1, facts: [] }] }]);
		expect(Papa.parse(csv).data).toEqual([
			['row', 'score', 'band', 'fired', 'explanation'],
			['1', '-1', "'=cmd", 'a', "'=HYPERLINK(): "]
		]);
	});
});

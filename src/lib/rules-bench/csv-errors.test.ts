import { describe, expect, it } from 'vitest';
import { readCsv } from '$lib/rules/csv';
import { csvProblem } from './csv-errors';

const fields = [
	{ key: 'age', type: 'number' as const },
	{ key: 'club', type: 'boolean' as const }
];

describe('CSV problems for the test bench', () => {
	it('are said in the reader\'s words, never the parser\'s English', () => {
		const read = readCsv('age,club,foo\n15,true,1\n16,"ja,false,2\n', fields);
		if (read.ok) throw new Error('expected a refusal');
		const said = read.errors.map(csvProblem);
		expect(said.length).toBeGreaterThan(0);
		for (const text of said) expect(text).not.toMatch(/Quoted|unterminated|is not|column/);
		expect(said).toContain('een aanhalingsteken (") wordt hier geopend maar niet goed gesloten.');
	});
});

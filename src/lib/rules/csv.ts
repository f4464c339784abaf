/**
 * CSV in and out for the rules. Reading is all-or-nothing: a file with any problem is refused
 * whole, with the problems listed by row and column, so nothing is ever half-imported.
 * - The header names fields of the rule set (an unknown or repeated column is an error; a field
 *   without a column is simply missing for every record).
 * - number: digits with an optional "-" and a decimal dot; boolean: true / false; category: one
 *   of the field's values, exactly. An empty cell is a missing value (null).
 * Rows are numbered as a spreadsheet shows them: the header is row 1. Cells are separated by ","
 * (or by ";" when the header has no ",", as Dutch spreadsheets save them).
 */
import Papa from 'papaparse';
import type { DataRecord, ExportedField, RecordValue } from './model';
import type { EvaluationResult } from './evaluate';
import { ErrorList } from './error-list';

export type CsvErrorCode = 'csv_syntax' | 'csv_empty' | 'column_unknown' | 'column_duplicate' | 'column_count' | 'not_number' | 'not_boolean' | 'not_in_category' | 'too_many_rows';

export interface CsvError {
	/** 1 = the header row. */
	row: number;
	column: string | null;
	code: CsvErrorCode;
	message: string;
}

export type CsvRead = { ok: true; records: DataRecord[]; columns: string[] } | { ok: false; errors: CsvError[]; more: number };

const NUMBER = /^-?\d+(\.\d+)?$/;

function cellValue(field: Pick<ExportedField, 'type' | 'values'>, raw: string): { value: RecordValue } | { code: CsvErrorCode; message: string } {
	const text = raw.trim();
	if (text === '') return { value: null };
	if (field.type === 'number')
		return NUMBER.test(text) ? { value: Number(text) } : { code: 'not_number', message: `"${text}" is not a number (digits, a decimal dot)` };
	if (field.type === 'boolean') {
		const lower = text.toLowerCase();
		return lower === 'true' || lower === 'false' ? { value: lower === 'true' } : { code: 'not_boolean', message: `"${text}" is not true or false` };
	}
	return field.values?.includes(text) ? { value: text } : { code: 'not_in_category', message: `"${text}" is not one of: ${(field.values ?? []).join(', ')}` };
}

export function readCsv(text: string, fields: Pick<ExportedField, 'key' | 'type' | 'values'>[], options: { maxErrors?: number; maxRows?: number } = {}): CsvRead {
	const errors = new ErrorList<CsvError>(options.maxErrors);
	const fail = (e: CsvError) => errors.add(e);
	const refused = (): CsvRead => ({ ok: false, errors: errors.items, more: errors.more });
	const body = text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
	// Dutch spreadsheets save with ";": taken when the header has a ";" and no ",".
	const firstLine = body.slice(0, body.search(/\r?\n|$/));
	const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
	// Blank lines are kept while parsing (and skipped below) so that row numbers match the file.
	const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
	for (const e of parsed.errors) {
		// Papa's "row" counts data rows from 0 including the header.
		fail({ row: (e.row ?? 0) + 1, column: null, code: 'csv_syntax', message: e.message });
	}
	const [header, ...rows] = parsed.data;
	if (!header || header.every((h) => !h.trim())) {
		fail({ row: 1, column: null, code: 'csv_empty', message: 'the file has no header row' });
		return refused();
	}
	const byKey = new Map(fields.map((f) => [f.key, f]));
	const columns = header.map((h) => h.trim());
	let listedKnown = false;
	columns.forEach((c, i) => {
		if (!byKey.has(c)) {
			// The known columns are listed with the first unknown one only.
			const known = listedKnown ? '' : ` (known: ${fields.map((f) => f.key).join(', ')})`;
			listedKnown = true;
			fail({ row: 1, column: c, code: 'column_unknown', message: `unknown column "${c}"${known}` });
		}
		else if (columns.indexOf(c) !== i) fail({ row: 1, column: c, code: 'column_duplicate', message: `column "${c}" appears more than once` });
	});
	if (options.maxRows !== undefined && rows.length > options.maxRows)
		fail({ row: options.maxRows + 2, column: null, code: 'too_many_rows', message: `more than ${options.maxRows} rows` });
	if (errors.any) return refused();

	const records: DataRecord[] = [];
	rows.forEach((cells, r) => {
		const row = r + 2;
		// A blank line is no record, unless the file has one column (then it is a missing value).
		if (columns.length > 1 && cells.length === 1 && cells[0].trim() === '') return;
		if (cells.length !== columns.length) {
			fail({ row, column: null, code: 'column_count', message: `${cells.length} cells, the header has ${columns.length}` });
			return;
		}
		const record: DataRecord = {};
		columns.forEach((key, c) => {
			const parsedCell = cellValue(byKey.get(key)!, cells[c]);
			if ('value' in parsedCell) record[key] = parsedCell.value;
			else fail({ row, column: key, code: parsedCell.code, message: parsedCell.message });
		});
		records.push(record);
	});
	return errors.any ? refused() : { ok: true, records, columns };
}

/** "row 3, column age: ..." lines for a terminal or a log. */
export function describeCsvErrors(result: Extract<CsvRead, { ok: false }>): string[] {
	const lines = result.errors.map((e) => `row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
	if (result.more) lines.push(`... and ${result.more} more`);
	return lines;
}

// ---- writing -------------------------------------------------------------------------------------

/**
 * A spreadsheet must not read a cell as a formula: text starting with = + - @ tab or CR gets a
 * leading quote. (The same rule as the board's CSV writer; kept here because that module pulls
 * in Yjs and SvelteKit aliases the command-line tool cannot load.)
 */
export function safeCell(value: RecordValue | undefined): string | number | boolean {
	if (value === null || value === undefined) return '';
	return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Records as CSV in the given column order; null is an empty cell, booleans true/false. */
export function writeRecordsCsv(columns: string[], records: readonly DataRecord[]): string {
	return Papa.unparse({ fields: columns.map((c) => String(safeCell(c))), data: records.map((r) => columns.map((c) => safeCell(r[c]))) }, { newline: '\n' });
}

/** Evaluation results as CSV: one line per record, in input order. */
export function writeResultsCsv(results: readonly EvaluationResult[]): string {
	const data = results.map((r, i) => [
		i + 1,
		r.score,
		safeCell(r.band),
		safeCell(r.fired.join(';')),
		safeCell(r.explanation.map((c) => `${c.name}: ${c.facts.map((f) => f.text).join(', ')}`).join(' | '))
	]);
	return Papa.unparse({ fields: ['row', 'score', 'band', 'fired', 'explanation'], data }, { newline: '\n' });
}

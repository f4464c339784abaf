/**
 * Records sent as JSON (the evaluation API, the signal check page) checked against a rule set's
 * fields, all-or-nothing like a CSV file: every problem is listed by record index and field.
 * A value must already have its field's type (no "15" for a number); null or an absent key is a
 * missing value; an unknown key is refused, so a typo never silently becomes a missing value.
 */
import type { DataRecord, ExportedField } from './model';
import { ErrorList } from './error-list';

export interface RecordError {
	/** 0-based index in the list; null when the input is not a list at all. */
	record: number | null;
	field: string | null;
	code: 'not_a_list' | 'too_many' | 'not_an_object' | 'field_unknown' | 'not_number' | 'not_boolean' | 'not_in_category';
	message: string;
}

export type RecordsRead = { ok: true; records: DataRecord[] } | { ok: false; errors: RecordError[]; more: number };

export function readRecords(input: unknown, fields: Pick<ExportedField, 'key' | 'type' | 'values'>[], options: { maxRecords?: number; maxErrors?: number } = {}): RecordsRead {
	const errors = new ErrorList<RecordError>(options.maxErrors);
	const fail = (e: RecordError) => errors.add(e);
	const done = (records: DataRecord[]): RecordsRead => (errors.any ? { ok: false, errors: errors.items, more: errors.more } : { ok: true, records });
	if (!Array.isArray(input)) {
		fail({ record: null, field: null, code: 'not_a_list', message: 'expected a list of records' });
		return done([]);
	}
	if (options.maxRecords !== undefined && input.length > options.maxRecords) {
		fail({ record: null, field: null, code: 'too_many', message: `more than ${options.maxRecords} records` });
		return done([]);
	}
	const byKey = new Map(fields.map((f) => [f.key, f]));
	const records = input.map((item, i): DataRecord => {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			fail({ record: i, field: null, code: 'not_an_object', message: 'a record is an object of field: value' });
			return {};
		}
		const record: DataRecord = {};
		for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
			const field = byKey.get(key);
			if (!field) {
				fail({ record: i, field: key, code: 'field_unknown', message: `unknown field "${key}"` });
				continue;
			}
			if (value === null) record[key] = null;
			else if (field.type === 'number' && !(typeof value === 'number' && Number.isFinite(value))) fail({ record: i, field: key, code: 'not_number', message: `${JSON.stringify(value)} is not a number` });
			else if (field.type === 'boolean' && typeof value !== 'boolean') fail({ record: i, field: key, code: 'not_boolean', message: `${JSON.stringify(value)} is not true or false` });
			else if (field.type === 'category' && !(typeof value === 'string' && field.values?.includes(value)))
				fail({ record: i, field: key, code: 'not_in_category', message: `${JSON.stringify(value)} is not one of: ${(field.values ?? []).join(', ')}` });
			else record[key] = value as number | boolean | string;
		}
		return record;
	});
	return done(records);
}

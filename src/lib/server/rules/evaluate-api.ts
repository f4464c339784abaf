/**
 * The evaluation API: records as JSON in, a result per record with its explanation out. The
 * records are checked against the version's fields first, all of them: one bad record refuses the
 * whole request, saying which record and which field. Nothing about the records is kept; the audit
 * log gets how many there were.
 */
import { compileRuleSet, evaluate, type EvaluationResult } from '$lib/rules/evaluate';
import type { DataRecord, ExportedField, ExportedRuleSet } from '$lib/rules/model';

export const MAX_RECORDS = 10_000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS = 20;

export type Checked = { ok: true; records: DataRecord[] } | { ok: false; errors: string[] };

function valueError(field: Pick<ExportedField, 'type' | 'values'>, value: unknown): string | null {
	if (value === null) return null;
	if (field.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number or null';
	if (field.type === 'boolean') return typeof value === 'boolean' ? null : 'must be true, false or null';
	return typeof value === 'string' && field.values?.includes(value) ? null : `must be one of ${JSON.stringify(field.values ?? [])} or null`;
}

/** `{"records": [...]}` or a bare array of records; each an object of known fields (absent = null). */
export function checkRecords(body: unknown, fields: Pick<ExportedField, 'key' | 'type' | 'values'>[]): Checked {
	const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records : null;
	if (!list) return { ok: false, errors: ['body: expected {"records": [ {field: value, ...}, ... ]}'] };
	if (list.length > MAX_RECORDS) return { ok: false, errors: [`records: at most ${MAX_RECORDS} records per request, got ${list.length}`] };
	const byKey = new Map(fields.map((f) => [f.key, f]));
	const errors: string[] = [];
	const records: DataRecord[] = [];
	list.forEach((raw, i) => {
		if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
			errors.push(`records[${i}]: expected an object`);
			return;
		}
		const record: DataRecord = {};
		for (const [key, value] of Object.entries(raw)) {
			const field = byKey.get(key);
			if (!field) errors.push(`records[${i}]: unknown field "${key}" (known: ${[...byKey.keys()].join(', ')})`);
			else {
				const problem = valueError(field, value);
				if (problem) errors.push(`records[${i}].${key}: ${problem}`);
				else record[key] = value as DataRecord[string];
			}
		}
		records.push(record);
	});
	if (errors.length) return { ok: false, errors: errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), `... and ${errors.length - MAX_ERRORS} more`] : errors };
	return { ok: true, records };
}

export function evaluateRecords(definition: ExportedRuleSet, records: DataRecord[]): EvaluationResult[] {
	const compiled = compileRuleSet(definition);
	return records.map((record) => evaluate(compiled, record));
}

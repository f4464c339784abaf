/**
 * The evaluation API: records as JSON in, a result per record with its explanation out. The
 * records are checked against the version's fields first, all of them (the rules domain's
 * records.ts): one bad record refuses the whole request, saying which record and which field. Nothing about the records is kept; the audit
 * log gets how many there were.
 */
import { compileRuleSet, evaluate, type EvaluationResult } from '$lib/rules/evaluate';
import type { DataRecord, ExportedField, ExportedRuleSet } from '$lib/rules/model';
import { readRecords, type RecordError } from '$lib/rules/records';

export const MAX_RECORDS = 10_000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS = 20;

export type Checked = { ok: true; records: DataRecord[] } | { ok: false; errors: string[] };

/**
 * `{"records": [...]}` or a bare array of records, read by the rules domain (records.ts): each an
 * object of known fields with values of their type (absent or null = missing). Errors as
 * "records[i].field: what".
 */
export function checkRecords(body: unknown, fields: Pick<ExportedField, 'key' | 'type' | 'values'>[]): Checked {
	const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records : null;
	if (!list) return { ok: false, errors: ['body: expected {"records": [ {field: value, ...}, ... ]}'] };
	const read = readRecords(list, fields, { maxRecords: MAX_RECORDS, maxErrors: MAX_ERRORS });
	if (read.ok) return read;
	const where = (e: RecordError) => (e.record === null ? 'records' : e.field && e.code !== 'field_unknown' ? `records[${e.record}].${e.field}` : `records[${e.record}]`);
	const errors = read.errors.map((e) => `${where(e)}: ${e.message}`);
	return { ok: false, errors: read.more ? [...errors, `... and ${read.more} more`] : errors };
}

export function evaluateRecords(definition: ExportedRuleSet, records: DataRecord[]): EvaluationResult[] {
	const compiled = compileRuleSet(definition);
	return records.map((record) => evaluate(compiled, record));
}

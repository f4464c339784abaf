/** The signal check's questions and the record its answers make. */
import type { DataRecord, RecordValue } from '$lib/rules/model';
import type { BenchField, BenchRuleSet } from './types';

/** An answer: a value, "weet ik niet" (null), or not answered yet (absent). Both of the latter are missing. */
export type Answers = Record<string, RecordValue>;

/** The fields the version's indicators read, in dictionary order (a field nobody defined is asked as a number). */
export function questionsFor(ruleSet: BenchRuleSet): BenchField[] {
	const used = new Set(ruleSet.indicators.flatMap((i) => i.fields));
	const known = ruleSet.fields.filter((f) => used.has(f.key));
	const unknown = [...used].filter((k) => !known.some((f) => f.key === k)).map((key): BenchField => ({ key, label: key, type: 'number' }));
	return [...known, ...unknown];
}

/**
 * The record to evaluate: typed answers only. A number field's text that is no number is left out
 * (missing), so a half-typed answer never counts as a value.
 */
export function recordOf(questions: BenchField[], answers: Answers): DataRecord {
	const record: DataRecord = {};
	for (const q of questions) {
		const value = answers[q.key];
		if (value === undefined || value === null) continue;
		if (q.type === 'number' && typeof value === 'number' && Number.isFinite(value)) record[q.key] = value;
		else if (q.type === 'boolean' && typeof value === 'boolean') record[q.key] = value;
		else if (q.type === 'category' && typeof value === 'string' && (q.values ?? []).includes(value)) record[q.key] = value;
	}
	return record;
}

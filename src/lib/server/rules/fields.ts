/**
 * The coalition's data dictionary. Special categories may be described but never used in a
 * condition; a proxy may be described without a justification, but is refused in a condition until
 * it has one (both enforced by the rules domain's checks, $lib/rules/check.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { FIELD_SENSITIVITIES, FIELD_TYPES, ruleFields } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';
import { appendAudit } from './audit';
import type { Actor } from './service';

export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const LABEL_MAX = 120;
const SHORT_MAX = 200;
const TEXT_MAX = 2000;
const VALUES_MAX = 50;

export type FieldRow = typeof ruleFields.$inferSelect;
/** A field as the rules domain sees it (FieldDef in $lib/rules/model). */
export type Field = {
	key: string;
	label: string;
	type: (typeof FIELD_TYPES)[number];
	values?: string[];
	unit?: string;
	source: string;
	description: string;
	sensitivity: (typeof FIELD_SENSITIVITIES)[number];
	justification?: string;
};

export function toField(row: FieldRow): Field {
	return {
		key: row.key,
		label: row.label,
		type: row.type,
		...(row.type === 'category' && row.values?.length ? { values: row.values } : {}),
		...(row.unit ? { unit: row.unit } : {}),
		source: row.source,
		description: row.description,
		sensitivity: row.sensitivity,
		...(row.justification ? { justification: row.justification } : {})
	};
}

export function listFieldRows(db: DB, coalitionId: string): FieldRow[] {
	return db.select().from(ruleFields).where(eq(ruleFields.coalitionId, coalitionId)).orderBy(asc(ruleFields.label)).all();
}

export function listFields(db: DB, coalitionId: string): Field[] {
	return listFieldRows(db, coalitionId).map(toField);
}

export type FieldInput = Partial<Record<'key' | 'label' | 'type' | 'values' | 'unit' | 'source' | 'description' | 'sensitivity' | 'justification', unknown>>;

/** Checks a field as typed in the form: the values of a category one per line or comma-separated. */
export function parseField(input: FieldInput): Result<Omit<Field, 'values'> & { values: string[] | null }> {
	const key = oneLine(input.key);
	const label = oneLine(input.label);
	if (!FIELD_KEY_PATTERN.test(key)) return fail('error_rules_field_key', 'key');
	if (!label) return fail('error_name_required', 'label');
	if (label.length > LABEL_MAX) return fail('error_name_too_long', 'label');
	if (!FIELD_TYPES.includes(input.type as Field['type'])) return fail('error_rules_field_type', 'type');
	const type = input.type as Field['type'];
	if (!FIELD_SENSITIVITIES.includes(input.sensitivity as Field['sensitivity'])) return fail('error_rules_field_sensitivity', 'sensitivity');
	const sensitivity = input.sensitivity as Field['sensitivity'];
	const list = Array.isArray(input.values) ? input.values : typeof input.values === 'string' ? input.values.split(/[\n,]/) : [];
	const values = [...new Set(list.map(oneLine).filter(Boolean))];
	if (type === 'category' && (values.length < 1 || values.length > VALUES_MAX || values.some((v) => v.length > SHORT_MAX))) return fail('error_rules_field_values', 'values');
	const unit = oneLine(input.unit);
	const source = oneLine(input.source);
	const description = typeof input.description === 'string' ? input.description.trim() : '';
	const justification = typeof input.justification === 'string' ? input.justification.trim() : '';
	if (unit.length > 40 || source.length > SHORT_MAX || description.length > TEXT_MAX || justification.length > TEXT_MAX) return fail('error_rules_field_too_long');
	return ok({ key, label, type, values: type === 'category' ? values : null, unit, source, description, sensitivity, justification });
}

/** Adds a field, or changes the one with `id`; the key stays unique in the coalition. */
export function saveField(db: DB, coalitionId: string, actor: Actor, input: FieldInput, id?: string): Result<{ id: string }> {
	const parsed = parseField(input);
	if (!parsed.ok) return parsed;
	const field = parsed.value;
	const now = new Date();
	return db.transaction((tx) => {
		const clash = tx.select({ id: ruleFields.id }).from(ruleFields).where(and(eq(ruleFields.coalitionId, coalitionId), eq(ruleFields.key, field.key))).get();
		if (clash && clash.id !== id) return fail('error_rules_field_key_taken', 'key');
		const values = { ...field, unit: field.unit ?? '', justification: field.justification ?? '', updatedAt: now };
		if (id) {
			const before = tx.select().from(ruleFields).where(and(eq(ruleFields.id, id), eq(ruleFields.coalitionId, coalitionId))).get();
			if (!before) return fail('error_not_found');
			tx.update(ruleFields).set(values).where(eq(ruleFields.id, id)).run();
			appendAudit(tx as unknown as DB, { coalitionId, userId: actor.id, actor: actor.name, action: 'field_changed', detail: { key: field.key, before: toField(before), after: toField({ ...before, ...values }) } });
			return ok({ id });
		}
		const newFieldId = newId();
		tx.insert(ruleFields).values({ id: newFieldId, coalitionId, ...values }).run();
		appendAudit(tx as unknown as DB, { coalitionId, userId: actor.id, actor: actor.name, action: 'field_created', detail: { field: toField({ id: newFieldId, coalitionId, createdAt: now, ...values }) } });
		return ok({ id: newFieldId });
	});
}

export function deleteField(db: DB, coalitionId: string, actor: Actor, id: unknown): Result<null> {
	if (typeof id !== 'string') return fail('error_not_found');
	return db.transaction((tx) => {
		const row = tx.select().from(ruleFields).where(and(eq(ruleFields.id, id), eq(ruleFields.coalitionId, coalitionId))).get();
		if (!row) return fail('error_not_found');
		tx.delete(ruleFields).where(eq(ruleFields.id, id)).run();
		appendAudit(tx as unknown as DB, { coalitionId, userId: actor.id, actor: actor.name, action: 'field_deleted', detail: { key: row.key } });
		return ok(null);
	});
}

/** Puts a list of fields into the dictionary, skipping keys it has (the demo seed). */
export function seedFields(db: DB, coalitionId: string, fields: Field[]) {
	const now = new Date();
	for (const field of fields) {
		db.insert(ruleFields)
			.values({ id: newId(), coalitionId, key: field.key, label: field.label, type: field.type, values: field.values ?? null, unit: field.unit ?? '', source: field.source, description: field.description, sensitivity: field.sensitivity, justification: field.justification ?? '', updatedAt: now })
			.onConflictDoNothing()
			.run();
	}
}

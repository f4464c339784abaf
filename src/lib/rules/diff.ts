/**
 * What changed between two published versions, as data for the version page: indicators, bands
 * and fields added, removed or changed (which property, old -> new). Items are matched by id
 * (fields by key); a renamed id is a removal plus an addition.
 */
import type { ExportedRuleSet, JsonLogic } from './model';

type Value = JsonLogic | string[] | undefined;
export interface PropertyChange {
	property: string;
	from: Value;
	to: Value;
}

export type Change =
	| { kind: 'name_changed'; from: string; to: string }
	| { kind: 'indicator_added' | 'indicator_removed'; id: string; name: string }
	| { kind: 'indicator_changed'; id: string; name: string; changes: PropertyChange[] }
	| { kind: 'band_added' | 'band_removed'; id: string; label: string; minScore: number }
	| { kind: 'band_changed'; id: string; label: string; changes: PropertyChange[] }
	| { kind: 'field_added' | 'field_removed'; key: string; label: string }
	| { kind: 'field_changed'; key: string; label: string; changes: PropertyChange[] };

/** Key-order independent JSON, so {"a":1,"b":2} equals {"b":2,"a":1}. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(value) ?? 'undefined';
}

function changesOf<T extends object>(a: T, b: T, properties: (keyof T & string)[]): PropertyChange[] {
	return properties.filter((p) => canonical(a[p]) !== canonical(b[p])).map((p) => ({ property: p, from: a[p] as Value, to: b[p] as Value }));
}

function diffById<T extends object>(before: T[], after: T[], id: (x: T) => string, onAdd: (x: T) => Change, onRemove: (x: T) => Change, onChange: (a: T, b: T) => Change | null): Change[] {
	const old = new Map(before.map((x) => [id(x), x]));
	const now = new Map(after.map((x) => [id(x), x]));
	const out: Change[] = [];
	for (const x of before) if (!now.has(id(x))) out.push(onRemove(x));
	for (const x of after) {
		const prev = old.get(id(x));
		const change = prev ? onChange(prev, x) : onAdd(x);
		if (change) out.push(change);
	}
	return out;
}

export function diffRuleSets(before: ExportedRuleSet, after: ExportedRuleSet): Change[] {
	const out: Change[] = [];
	if (before.name !== after.name) out.push({ kind: 'name_changed', from: before.name, to: after.name });
	out.push(
		...diffById(
			before.indicators,
			after.indicators,
			(i) => i.id,
			(i) => ({ kind: 'indicator_added', id: i.id, name: i.name }),
			(i) => ({ kind: 'indicator_removed', id: i.id, name: i.name }),
			(a, b) => {
				const changes = changesOf(a, b, ['name', 'kind', 'weight', 'jsonlogic', 'description', 'rationale', 'sourceIdeas', 'reviewBy']);
				return changes.length ? { kind: 'indicator_changed', id: b.id, name: b.name, changes } : null;
			}
		),
		...diffById(
			before.bands,
			after.bands,
			(b) => b.id,
			(b) => ({ kind: 'band_added', id: b.id, label: b.label, minScore: b.minScore }),
			(b) => ({ kind: 'band_removed', id: b.id, label: b.label, minScore: b.minScore }),
			(a, b) => {
				const changes = changesOf(a, b, ['label', 'minScore']);
				return changes.length ? { kind: 'band_changed', id: b.id, label: b.label, changes } : null;
			}
		),
		...diffById(
			before.fields,
			after.fields,
			(f) => f.key,
			(f) => ({ kind: 'field_added', key: f.key, label: f.label }),
			(f) => ({ kind: 'field_removed', key: f.key, label: f.label }),
			(a, b) => {
				const changes = changesOf(a, b, ['label', 'type', 'values', 'source']);
				return changes.length ? { kind: 'field_changed', key: b.key, label: b.label, changes } : null;
			}
		)
	);
	return out;
}

/** One line per change, with + - ~ and ->, for a terminal or a log (the UI renders the data). */
export function formatDiff(changes: Change[]): string[] {
	const show = (v: Value) => (v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));
	const props = (cs: PropertyChange[]) => cs.map((c) => `${c.property} ${show(c.from)} -> ${show(c.to)}`).join('; ');
	return changes.map((c) => {
		switch (c.kind) {
			case 'name_changed':
				return `~ name: ${c.from} -> ${c.to}`;
			case 'indicator_added':
			case 'indicator_removed':
				return `${c.kind === 'indicator_added' ? '+' : '-'} indicator ${c.id} (${c.name})`;
			case 'indicator_changed':
				return `~ indicator ${c.id}: ${props(c.changes)}`;
			case 'band_added':
			case 'band_removed':
				return `${c.kind === 'band_added' ? '+' : '-'} band ${c.id} (${c.label}, from ${c.minScore})`;
			case 'band_changed':
				return `~ band ${c.id}: ${props(c.changes)}`;
			case 'field_added':
			case 'field_removed':
				return `${c.kind === 'field_added' ? '+' : '-'} field ${c.key} (${c.label})`;
			case 'field_changed':
				return `~ field ${c.key}: ${props(c.changes)}`;
		}
	});
}

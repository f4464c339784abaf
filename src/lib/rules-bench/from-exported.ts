import type { ExportedRuleSet } from '$lib/rules/model';
import { varsOf } from '$lib/rules/ruleset-file';
import type { BenchField, BenchRuleSet } from './types';

/**
 * A published version for the bench or the signal check. The version's own field list wins (it is
 * what was approved); the dictionary adds units and descriptions, and the fields the version does
 * not list (columns of a synthetic or uploaded dataset).
 */
export function fromExported(def: ExportedRuleSet, dictionary: BenchField[] = []): BenchRuleSet {
	const known = new Map(dictionary.map((f) => [f.key, f]));
	const fields: BenchField[] = def.fields.map((f) => ({ ...known.get(f.key), key: f.key, label: f.label, type: f.type, ...(f.values ? { values: f.values } : {}) }));
	for (const f of dictionary) if (!def.fields.some((x) => x.key === f.key)) fields.push(f);
	return {
		name: def.name,
		version: def.version,
		fields,
		indicators: def.indicators.map((i) => ({ id: i.id, name: i.name, kind: i.kind, weight: i.weight, jsonlogic: i.jsonlogic, description: i.description, fields: [...varsOf(i.jsonlogic)] })),
		bands: def.bands.map((b) => ({ ...b })),
		skipped: []
	};
}

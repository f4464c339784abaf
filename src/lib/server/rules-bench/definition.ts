/**
 * The rule set to test or to use in a conversation, read on the server and sent to the browser,
 * which evaluates it there (records never come to the server). A draft indicator whose condition is
 * not finished yet is left out and named, so a half-built draft can still be tried.
 */
import { compileLogic } from '$lib/rules/evaluate';
import { demoFields } from '$lib/rules/generator';
import { conditionSchema, describeIssues, type ExportedRuleSet } from '$lib/rules/model';
import { fieldsOf, toJsonLogic } from '$lib/rules/to-jsonlogic';
import { fromExported } from '$lib/rules-bench/from-exported';
import type { BenchField, BenchIndicator, BenchRuleSet } from '$lib/rules-bench/types';
import type { DB } from '../db';
import { readDraftDefinition } from '../rules/draft';
import { listFields } from '../rules/fields';
import type { RuleSet } from '../rules/service';
import { getVersion } from '../rules/versions';

/**
 * The coalition's dictionary, completed with the demo dictionary's fields it does not define (the
 * synthetic young people carry those), so every value on the bench has a label and a unit.
 */
export function benchFields(db: DB, coalitionId: string): BenchField[] {
	const own = listFields(db, coalitionId);
	const keys = new Set(own.map((f) => f.key));
	return [...own, ...demoFields.filter((f) => !keys.has(f.key) && f.sensitivity !== 'special')].map((f) => ({
		key: f.key,
		label: f.label,
		type: f.type,
		...(f.values ? { values: f.values } : {}),
		...(f.unit ? { unit: f.unit } : {}),
		description: f.description,
		sensitivity: f.sensitivity
	}));
}

export function draftForBench(db: DB, ruleSet: Pick<RuleSet, 'id' | 'sprintId' | 'name' | 'coalitionId'>): BenchRuleSet {
	const draft = readDraftDefinition(db, ruleSet);
	const indicators: BenchIndicator[] = [];
	const skipped: BenchRuleSet['skipped'] = [];
	for (const ind of draft.indicators) {
		const name = ind.name || ind.id;
		const condition = conditionSchema.safeParse(ind.condition);
		if (!condition.success) {
			skipped.push({ name, reason: describeIssues(condition.error, 1)[0] ?? '' });
			continue;
		}
		if (!(ind.weight > 0)) {
			skipped.push({ name, reason: 'weight' });
			continue;
		}
		try {
			const jsonlogic = toJsonLogic(condition.data);
			compileLogic(jsonlogic);
			indicators.push({ id: ind.id, name, kind: ind.kind, weight: ind.weight, jsonlogic, description: ind.description, fields: fieldsOf(condition.data) });
		} catch (e) {
			skipped.push({ name, reason: e instanceof Error ? e.message : String(e) });
		}
	}
	return { name: ruleSet.name, version: null, fields: benchFields(db, ruleSet.coalitionId), indicators, bands: draft.bands, skipped };
}

/** A published version, or null when the rule set has no such version. */
export function versionForBench(db: DB, ruleSet: Pick<RuleSet, 'id' | 'coalitionId'>, n: number): BenchRuleSet | null {
	const row = getVersion<ExportedRuleSet>(db, ruleSet.id, n);
	return row ? { ...fromExported(row.definition, benchFields(db, ruleSet.coalitionId)), version: row.number } : null;
}

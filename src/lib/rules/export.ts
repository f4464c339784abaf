/**
 * A draft plus its publication metadata -> the portable `meedoen.ruleset/1` export. The builder
 * conditions become JsonLogic (see to-jsonlogic.ts for what a missing value means); the dictionary
 * keeps only what an evaluator needs (key, label, type, values, source).
 */
import { RULESET_FORMAT, type Approval, type ExportedRuleSet, type RuleSetDraft } from './model';
import { toJsonLogic } from './to-jsonlogic';

export interface PublicationMeta {
	id: string;
	version: number;
	/** ISO date-time. */
	publishedAt: string;
	approvals: Approval[];
}

export function exportRuleSet(draft: RuleSetDraft, meta: PublicationMeta): ExportedRuleSet {
	return {
		format: RULESET_FORMAT,
		id: meta.id,
		name: draft.name,
		version: meta.version,
		publishedAt: meta.publishedAt,
		approvals: meta.approvals.map((a) => ({ ...a })),
		fields: (draft.fields ?? []).map((f) => ({ key: f.key, label: f.label, type: f.type, ...(f.type === 'category' ? { values: [...(f.values ?? [])] } : {}), source: f.source })),
		indicators: draft.indicators.map((i) => ({
			id: i.id,
			name: i.name,
			kind: i.kind,
			weight: i.weight,
			jsonlogic: toJsonLogic(i.condition),
			description: i.description,
			rationale: i.rationale,
			sourceIdeas: [...i.sourceIdeas],
			reviewBy: i.reviewBy
		})),
		bands: draft.bands.map((b) => ({ id: b.id, label: b.label, minScore: b.minScore }))
	};
}

/**
 * From the live draft (draft-doc.ts) to the rules domain's RuleSetDraft, and what stands in the way
 * of publishing it (the domain's checks, check.ts). Shared: the editor shows the same problems the
 * server refuses a request for.
 */
import { checkRuleSet, type IssueCode } from './check';
import type { Draft } from './draft-doc';
import { conditionSchema, type Condition, type FieldDef, type RuleSetDraft } from './model';
import { fieldsOf } from './to-jsonlogic';

export type Problem = {
	/** An indicator's or band's id; null for the rule set as a whole. */
	where: string | null;
	severity: 'error' | 'warning';
	/** A message key (rules_issue_<code>) and its parameters. */
	key: string;
	params?: Record<string, string | number>;
};

/** What a condition that is not (yet) a valid tree is read as: an empty group, which the checks refuse. */
const EMPTY: Condition = { type: 'group', op: 'all', children: [] };

/** The draft as a RuleSetDraft; `fields` is the dictionary, or only the fields its conditions read (for the export). */
export function toRuleSetDraft(name: string, draft: Draft, dictionary: FieldDef[], { usedOnly = false } = {}): RuleSetDraft {
	const indicators = draft.indicators.map(({ id, kind, name, description, rationale, evidence, sourceIdeas, weight, reviewBy, condition }) => {
		const parsed = conditionSchema.safeParse(condition);
		return { id, kind, name, description, rationale, evidence, sourceIdeas, weight, reviewBy, condition: parsed.success ? parsed.data : EMPTY };
	});
	const used = new Set(indicators.flatMap((i) => fieldsOf(i.condition)));
	return { name, fields: usedOnly ? dictionary.filter((f) => used.has(f.key)) : dictionary, indicators, bands: draft.bands };
}

/** Everything that blocks publication (errors) or deserves a second look (warnings). `today`: YYYY-MM-DD. */
export function draftProblems(draft: Draft, dictionary: FieldDef[], today: string): Problem[] {
	const labels = new Map(dictionary.map((f) => [f.key, f.label]));
	const problems: Problem[] = [];
	if (!draft.indicators.length) problems.push({ where: null, severity: 'error', key: 'rules_issue_no_indicators' });
	else if (!draft.indicators.some((i) => i.kind === 'protective')) problems.push({ where: null, severity: 'warning', key: 'rules_issue_no_talents' });
	for (const i of draft.indicators) {
		if (i.condition !== null && !conditionSchema.safeParse(i.condition).success) problems.push({ where: i.id, severity: 'error', key: 'rules_issue_condition_invalid' });
	}
	for (const b of draft.bands) if (!b.label.trim()) problems.push({ where: b.id, severity: 'error', key: 'rules_issue_band_label_missing' });
	for (const issue of checkRuleSet(toRuleSetDraft('', draft, dictionary), { today })) {
		const code: IssueCode = issue.code;
		const field = issue.field ? (labels.get(issue.field) ?? issue.field) : '';
		problems.push({
			where: issue.indicatorId ?? issue.bandId ?? null,
			severity: issue.severity,
			key: 'rules_issue_' + code,
			params: { field, value: issue.value === undefined ? '' : String(issue.value) }
		});
	}
	return problems;
}

/**
 * The safeguards, checked on a draft against its data dictionary. Each finding is data the UI
 * translates by its `code`: an error blocks publication, a warning is shown wherever the
 * indicator is (a justified proxy, for instance). Rules, in the words of the guide:
 * - special categories (ethnicity, migration background, religion, health diagnosis, sexual
 *   orientation, criminal record) never in a condition;
 * - proxies (postcode, neighbourhood, school type, relatives) only with a written justification,
 *   and then with a warning;
 * - every indicator has a description, a rationale and a re-evaluation date that has not passed;
 * - weights > 0; bands present with distinct minimum scores; ids unique; values fit their field.
 */
import { isFieldKey, type Comparison, type Condition, type FieldDef, type Literal, type RuleSetDraft } from './model';
import { isFieldRef } from './to-jsonlogic';

export type IssueCode =
	| 'field_unknown'
	| 'field_special'
	| 'field_proxy_unjustified'
	| 'field_proxy'
	| 'op_not_for_type'
	| 'value_missing'
	| 'value_type'
	| 'value_not_in_category'
	| 'list_empty'
	| 'fields_type_differ'
	| 'group_empty'
	| 'weight_not_positive'
	| 'indicator_id_duplicate'
	| 'indicator_name_missing'
	| 'description_missing'
	| 'rationale_missing'
	| 'source_ideas_missing'
	| 'review_missing'
	| 'review_overdue'
	| 'bands_missing'
	| 'band_id_duplicate'
	| 'band_min_duplicate'
	| 'dictionary_key_invalid'
	| 'dictionary_key_duplicate'
	| 'dictionary_category_without_values';

export interface Issue {
	severity: 'error' | 'warning';
	code: IssueCode;
	indicatorId?: string;
	field?: string;
	bandId?: string;
	/** Where in the condition tree, e.g. "children[1].children[0]"; "" for the root. */
	path?: string;
	/** The offending value, when there is one. */
	value?: Literal;
}

export interface CheckOptions {
	/** Today as YYYY-MM-DD (the caller's clock, so checks stay pure and testable). */
	today: string;
}

const NUMBER_ONLY = new Set(['<', '<=', '>', '>=']);

function literalFits(field: FieldDef, value: Literal): IssueCode | null {
	if (field.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : 'value_type';
	if (field.type === 'boolean') return typeof value === 'boolean' ? null : 'value_type';
	if (typeof value !== 'string') return 'value_type';
	return field.values?.includes(value) ? null : 'value_not_in_category';
}

function checkField(key: string, fields: Map<string, FieldDef>, at: Omit<Issue, 'severity' | 'code'>, out: Issue[]): FieldDef | null {
	const field = fields.get(key);
	if (!field) {
		out.push({ severity: 'error', code: 'field_unknown', field: key, ...at });
		return null;
	}
	if (field.sensitivity === 'special') out.push({ severity: 'error', code: 'field_special', field: key, ...at });
	if (field.sensitivity === 'proxy')
		out.push(field.justification?.trim() ? { severity: 'warning', code: 'field_proxy', field: key, ...at } : { severity: 'error', code: 'field_proxy_unjustified', field: key, ...at });
	return field;
}

function checkComparison(c: Comparison, fields: Map<string, FieldDef>, at: { indicatorId: string; path: string }, out: Issue[]) {
	const field = checkField(c.field, fields, at, out);
	if (c.op === 'missing' || c.op === 'present') return;
	const issue = (code: IssueCode, extra: Partial<Issue> = {}) => out.push({ severity: 'error', code, field: c.field, ...at, ...extra });
	if (field && NUMBER_ONLY.has(c.op) && field.type !== 'number') issue('op_not_for_type');
	if (c.value === undefined) return issue('value_missing');
	if (isFieldRef(c.value)) {
		const other = checkField(c.value.field, fields, at, out);
		if (c.op === 'in' || c.op === 'not_in') issue('op_not_for_type');
		else if (field && other && field.type !== other.type) issue('fields_type_differ');
		return;
	}
	const list = c.op === 'in' || c.op === 'not_in';
	if (list && (!Array.isArray(c.value) || c.value.length === 0)) return issue('list_empty');
	if (!list && Array.isArray(c.value)) return issue('value_type');
	if (!field) return;
	for (const value of Array.isArray(c.value) ? c.value : [c.value]) {
		const code = literalFits(field, value);
		if (code) issue(code, { value });
	}
}

function checkCondition(c: Condition, fields: Map<string, FieldDef>, at: { indicatorId: string; path: string }, out: Issue[]) {
	if (c.type === 'compare') return checkComparison(c, fields, at, out);
	if (c.children.length === 0) out.push({ severity: 'error', code: 'group_empty', ...at });
	c.children.forEach((child, i) => checkCondition(child, fields, { ...at, path: `${at.path ? at.path + '.' : ''}children[${i}]` }, out));
}

function duplicates<T>(items: T[]): Set<T> {
	return new Set(items.filter((x, i) => items.indexOf(x) !== i));
}

export function checkRuleSet(draft: RuleSetDraft, options: CheckOptions): Issue[] {
	const out: Issue[] = [];
	const dictionary = draft.fields ?? [];
	for (const key of duplicates(dictionary.map((f) => f.key))) out.push({ severity: 'error', code: 'dictionary_key_duplicate', field: key });
	for (const f of dictionary) {
		if (!isFieldKey(f.key)) out.push({ severity: 'error', code: 'dictionary_key_invalid', field: f.key });
		if (f.type === 'category' && !f.values?.length) out.push({ severity: 'error', code: 'dictionary_category_without_values', field: f.key });
	}
	const fields = new Map(dictionary.map((f) => [f.key, f]));

	for (const id of duplicates(draft.indicators.map((i) => i.id))) out.push({ severity: 'error', code: 'indicator_id_duplicate', indicatorId: id });
	for (const ind of draft.indicators) {
		const at = { indicatorId: ind.id };
		const missing = (text: string | undefined, code: IssueCode, severity: Issue['severity'] = 'error') => {
			if (!text?.trim()) out.push({ severity, code, ...at });
		};
		missing(ind.name, 'indicator_name_missing');
		missing(ind.description, 'description_missing');
		missing(ind.rationale, 'rationale_missing');
		if (!ind.sourceIdeas.some((s) => s.trim())) out.push({ severity: 'warning', code: 'source_ideas_missing', ...at });
		if (!(ind.weight > 0) || !Number.isFinite(ind.weight)) out.push({ severity: 'error', code: 'weight_not_positive', ...at });
		if (!/^\d{4}-\d{2}-\d{2}$/.test(ind.reviewBy ?? '')) out.push({ severity: 'error', code: 'review_missing', ...at });
		else if (ind.reviewBy < options.today) out.push({ severity: 'error', code: 'review_overdue', ...at });
		checkCondition(ind.condition, fields, { ...at, path: '' }, out);
	}

	if (draft.bands.length === 0) out.push({ severity: 'error', code: 'bands_missing' });
	for (const id of duplicates(draft.bands.map((b) => b.id))) out.push({ severity: 'error', code: 'band_id_duplicate', bandId: id });
	const mins = draft.bands.map((b) => b.minScore);
	for (const b of draft.bands) if (mins.indexOf(b.minScore) !== mins.lastIndexOf(b.minScore)) out.push({ severity: 'error', code: 'band_min_duplicate', bandId: b.id });
	// A justified proxy is listed once per indicator, however often the condition uses it.
	const listed = new Set<string>();
	return out.filter((i) => {
		if (i.code !== 'field_proxy') return true;
		const key = `${i.indicatorId}\u0000${i.field}`;
		return !listed.has(key) && !!listed.add(key);
	});
}

/** Publication needs a check without errors (warnings are shown, not blocking). */
export function blocksPublication(issues: Issue[]): boolean {
	return issues.some((i) => i.severity === 'error');
}

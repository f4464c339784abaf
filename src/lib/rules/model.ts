/**
 * The rules domain: the data dictionary (fields), indicators with a condition made in the visual
 * builder, bands, and the published export format `meedoen.ruleset/1`. Shared by browser and server;
 * no database, no Svelte. The zod schemas check a rule set read from a file, an upload or a Y.Doc.
 */
import { z } from 'zod';

export const RULESET_FORMAT = 'meedoen.ruleset/1';

export type FieldType = 'number' | 'boolean' | 'category';
/**
 * normal: may be used in a condition. special: a special category of personal data (ethnicity,
 * migration background, religion, health diagnosis, sexual orientation, criminal record): may be
 * described, never used in a condition. proxy: may stand in for a special category or a protected
 * ground (postcode, neighbourhood, school type, relatives): needs a written justification to be used.
 */
export type Sensitivity = 'normal' | 'special' | 'proxy';

export interface FieldDef {
	key: string;
	label: string;
	type: FieldType;
	/** The allowed values of a category field. */
	values?: string[];
	unit?: string;
	/** Where the data comes from, e.g. "leerplicht / schoolverzuim". */
	source: string;
	description: string;
	sensitivity: Sensitivity;
	/** Why a proxy field may be used (required before it appears in a condition). */
	justification?: string;
}

export type Literal = number | boolean | string;
/** The other side of a comparison when it is another field of the same record. */
export interface FieldRef {
	field: string;
}

/** `missing` and `present` take no value: "is unknown" / "is known". */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not_in' | 'missing' | 'present';
export const COMPARE_OPS: readonly CompareOp[] = ['==', '!=', '<', '<=', '>', '>=', 'in', 'not_in', 'missing', 'present'];

export interface Comparison {
	type: 'compare';
	field: string;
	op: CompareOp;
	/** A literal; a list of literals for `in`/`not_in`; another field; absent for `missing`/`present`. */
	value?: Literal | Literal[] | FieldRef;
}

/** all: every child holds. any: at least one holds. not: none of the children holds. */
export type GroupOp = 'all' | 'any' | 'not';
export interface Group {
	type: 'group';
	op: GroupOp;
	children: Condition[];
}

export type Condition = Group | Comparison;

export type IndicatorKind = 'risk' | 'protective';

export interface Indicator {
	id: string;
	name: string;
	kind: IndicatorKind;
	/** Plain-language (B1) description of what the indicator notices. */
	description: string;
	rationale: string;
	evidence: string;
	/** Titles (or ids) of the validated ideas this indicator came from. */
	sourceIdeas: string[];
	condition: Condition;
	/** > 0; a protective indicator subtracts its weight. */
	weight: number;
	/** ISO date (YYYY-MM-DD) by which the indicator must be reviewed again. */
	reviewBy: string;
}

export interface Band {
	id: string;
	label: string;
	minScore: number;
}

export interface RuleSetDraft {
	name: string;
	fields?: FieldDef[];
	indicators: Indicator[];
	bands: Band[];
}

/** A JsonLogic expression, as JSON. */
export type JsonLogic = null | boolean | number | string | JsonLogic[] | { [operator: string]: JsonLogic };

export interface ExportedField {
	key: string;
	label: string;
	type: FieldType;
	values?: string[];
	source: string;
}

export interface ExportedIndicator {
	id: string;
	name: string;
	kind: IndicatorKind;
	weight: number;
	jsonlogic: JsonLogic;
	description: string;
	rationale: string;
	sourceIdeas: string[];
	reviewBy: string;
}

export interface Approval {
	organisation: string;
	/** ISO date-time. */
	approvedAt: string;
	approvedBy?: string;
}

/** The published, portable form: evaluable by any JsonLogic library in any language. */
export interface ExportedRuleSet {
	format: typeof RULESET_FORMAT;
	id: string;
	name: string;
	version: number;
	publishedAt: string;
	approvals: Approval[];
	fields: ExportedField[];
	indicators: ExportedIndicator[];
	bands: Band[];
}

/** The input of an evaluation: field key -> value; null (or absent) is a missing value. */
export type RecordValue = number | boolean | string | null;
export type DataRecord = Record<string, RecordValue | undefined>;

// ---- zod schemas ---------------------------------------------------------------------------------

/** Keys are identifiers: no dots (JsonLogic would read "a.b" as a path) and no surprises in CSV headers. */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A record is a plain object, so a key like "constructor" would read an inherited value when the
 * field is missing (in json-logic-js too): such names are not field keys.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
export function isFieldKey(key: string): boolean {
	return FIELD_KEY.test(key) && !INHERITED.has(key);
}

const key = z.string().refine(isFieldKey, 'must be lower-case letters, digits and _, starting with a letter (and not a built-in name like "constructor")');
const id = z.string().min(1, 'must not be empty').max(100);
const text = z.string().max(10_000);
const isoDate = z.string().regex(ISO_DATE, 'must be a date YYYY-MM-DD');
const literal = z.union([z.number(), z.boolean(), z.string()]);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const fieldDefSchema = z.object({
	key,
	label: z.string().min(1, 'must not be empty').max(200),
	type: z.enum(['number', 'boolean', 'category']),
	values: z.array(z.string().min(1)).min(1).optional(),
	unit: z.string().max(50).optional(),
	source: text,
	description: text,
	sensitivity: z.enum(['normal', 'special', 'proxy']),
	justification: text.optional()
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.object({ type: z.literal('group'), op: z.enum(['all', 'any', 'not']), children: z.array(conditionSchema).max(200) }),
		z.object({
			type: z.literal('compare'),
			field: key,
			op: z.enum(COMPARE_OPS as [CompareOp, ...CompareOp[]]),
			value: z.union([literal, z.array(literal).max(500), z.object({ field: key })]).optional()
		})
	])
);

export const bandSchema = z.object({ id, label: z.string().min(1).max(200), minScore: finite });

export const indicatorSchema = z.object({
	id,
	name: z.string().min(1, 'must not be empty').max(200),
	kind: z.enum(['risk', 'protective']),
	description: text,
	rationale: text,
	evidence: text,
	sourceIdeas: z.array(z.string().max(500)).max(50),
	condition: conditionSchema,
	weight: finite,
	reviewBy: z.string()
});

export const ruleSetDraftSchema = z.object({
	name: z.string().min(1).max(200),
	fields: z.array(fieldDefSchema).optional(),
	indicators: z.array(indicatorSchema).max(200),
	bands: z.array(bandSchema).max(20)
});

const jsonLogicSchema: z.ZodType<JsonLogic> = z.lazy(() =>
	z.union([z.null(), z.boolean(), finite, z.string(), z.array(jsonLogicSchema), z.record(z.string(), jsonLogicSchema)])
);

export const exportedRuleSetSchema = z.object({
	format: z.literal(RULESET_FORMAT, { error: `must be "${RULESET_FORMAT}"` }),
	id,
	name: z.string().min(1).max(200),
	version: z.number().int().min(1),
	publishedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time'),
	approvals: z.array(z.object({ organisation: z.string().min(1), approvedAt: z.string(), approvedBy: z.string().optional() })),
	fields: z.array(
		z.object({
			key,
			label: z.string().min(1).max(200),
			type: z.enum(['number', 'boolean', 'category']),
			values: z.array(z.string().min(1)).min(1).optional(),
			source: text
		})
	),
	indicators: z.array(
		z.object({
			id,
			name: z.string().min(1).max(200),
			kind: z.enum(['risk', 'protective']),
			weight: finite.refine((w) => w > 0, 'must be greater than 0'),
			jsonlogic: jsonLogicSchema,
			description: text,
			rationale: text,
			sourceIdeas: z.array(z.string()),
			reviewBy: isoDate
		})
	),
	bands: z.array(bandSchema)
});

/** "indicators[2].weight" for zod's path ["indicators", 2, "weight"]. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
	return out || '(top level)';
}

/** zod issues as "where: what" lines, at most `max` of them. */
export function describeIssues(error: z.ZodError, max = 20): string[] {
	const lines = error.issues.slice(0, max).map((i) => `${formatPath(i.path)}: ${i.message}`);
	if (error.issues.length > max) lines.push(`... and ${error.issues.length - max} more`);
	return lines;
}

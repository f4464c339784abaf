/**
 * The evaluator. A rule set's JsonLogic is compiled once into plain closures (no `eval`/`new
 * Function`: the pages run under a CSP) and then run over records.
 *
 * Meaning, exactly: an indicator fires when its JsonLogic is truthy under JsonLogic's rules (an
 * empty array is falsy); score = sum of the weights of the firing risk indicators minus the sum of
 * the weights of the firing protective ones (each sum in indicator order, so floating-point results
 * are the same everywhere in this code); band = the band with the highest minScore <= score, none
 * if no band qualifies (equal minScores: the first listed).
 *
 * Only the operators the builder produces are accepted: var, ==, !=, <, <=, >, >=, in (against a
 * list of literals), !, and, or. Each behaves exactly as in json-logic-js 2.0.5, including
 * JavaScript's coercions (a differential test holds us to that).
 */
import type { Band, ExportedField, ExportedIndicator, IndicatorKind, JsonLogic, Literal, DataRecord, RecordValue } from './model';

export class LogicError extends Error {
	constructor(
		message: string,
		/** Where in the JsonLogic, e.g. `and[1].<[0]`. */
		readonly where: string
	) {
		super(where ? `${where}: ${message}` : message);
	}
}

export const ALLOWED_OPERATORS = ['var', '==', '!=', '<', '<=', '>', '>=', 'in', '!', 'and', 'or'] as const;
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

type Value = unknown;
type Fn = (record: DataRecord) => Value;

/** JsonLogic truthiness: JavaScript's, except that an empty array is false. */
export function truthy(value: Value): boolean {
	return Array.isArray(value) ? value.length > 0 : !!value;
}

function isLiteral(x: unknown): x is Literal | null {
	return x === null || typeof x === 'boolean' || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
}

/** The field key of a `{"var": key}` node, refusing defaults, paths and the whole-record form. */
export function varKey(args: JsonLogic, where: string): string {
	const list = Array.isArray(args) ? args : [args];
	if (list.length !== 1) throw new LogicError('"var" takes exactly one field key (no default value)', where);
	const key = list[0];
	if (typeof key !== 'string' || key === '' || key.includes('.')) throw new LogicError('"var" must name one field (a non-empty key without dots)', where);
	return key;
}

/** Splits a one-key object into its operator and argument list (JsonLogic's "unary sugar" included). */
export function operatorOf(node: JsonLogic, where: string): { op: string; args: JsonLogic[] } {
	if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new LogicError('expected an operation', where);
	const keys = Object.keys(node);
	if (keys.length !== 1) throw new LogicError(`an operation has exactly one operator, found ${keys.length}`, where);
	const op = keys[0];
	if (!(ALLOWED_OPERATORS as readonly string[]).includes(op)) throw new LogicError(`operator "${op}" is not allowed (allowed: ${ALLOWED_OPERATORS.join(', ')})`, where);
	const raw = node[op];
	return { op, args: op === 'var' ? [raw] : Array.isArray(raw) ? raw : [raw] };
}

/** Compiles one JsonLogic expression into a closure returning exactly what json-logic-js returns. */
export function compileLogic(node: JsonLogic, where = ''): Fn {
	return compileNode(node, where).fn;
}

/**
 * A compiled node, and whether it always returns true or false. Comparisons, `in` and `!` do;
 * `and` / `or` do when all their parts do, and then plain && and || give JsonLogic's answer
 * (its "first falsy / first truthy part" is then that boolean itself) without the truthiness call.
 */
interface Compiled {
	fn: Fn;
	bool: boolean;
}

function compileNode(node: JsonLogic, where: string): Compiled {
	if (isLiteral(node)) return { fn: () => node, bool: typeof node === 'boolean' };
	if (Array.isArray(node)) throw new LogicError('a list is only allowed as the second argument of "in"', where);
	const { op, args } = operatorOf(node, where);
	const at = (i: number) => `${where ? where + '.' : ''}${op}[${i}]`;
	if (op === 'var') {
		const key = varKey(args[0], `${where ? where + '.' : ''}var`);
		return { fn: (r) => r[key] ?? null, bool: false };
	}
	if (op === 'and' || op === 'or') {
		if (args.length === 0) throw new LogicError(`"${op}" needs at least one argument`, where);
		const parts = args.map((a, i) => compileNode(a, at(i)));
		if (parts.length === 1) return parts[0];
		const fns = parts.map((p) => p.fn);
		if (parts.every((p) => p.bool)) return { fn: op === 'and' ? allOf(fns) : anyOf(fns), bool: true };
		if (op === 'and')
			return {
				fn: (r) => {
					let current: Value;
					for (let i = 0; i < fns.length; i++) if (!truthy((current = fns[i](r)))) return current;
					return current;
				},
				bool: false
			};
		return {
			fn: (r) => {
				let current: Value;
				for (let i = 0; i < fns.length; i++) if (truthy((current = fns[i](r)))) return current;
				return current;
			},
			bool: false
		};
	}
	if (op === '!') {
		if (args.length !== 1) throw new LogicError('"!" takes one argument', where);
		const inner = compileNode(args[0], at(0));
		const f = inner.fn;
		return { fn: inner.bool ? (r) => !f(r) : (r) => !truthy(f(r)), bool: true };
	}
	if (op === 'in') {
		if (args.length !== 2) throw new LogicError('"in" takes two arguments', where);
		const list = args[1];
		if (!Array.isArray(list) || !list.every(isLiteral)) throw new LogicError('the second argument of "in" must be a list of values', at(1));
		const needle = compileNode(args[0], at(0)).fn;
		// indexOf (strict equality), as json-logic-js; a Set would find NaN where indexOf does not.
		const values = new Set<unknown>(list);
		return {
			fn: (r) => {
				const a = needle(r);
				return a === a && values.has(a);
			},
			bool: true
		};
	}
	if (COMPARISONS.has(op)) {
		if (args.length !== 2) throw new LogicError(`"${op}" takes two arguments`, where);
		const a = compileNode(args[0], at(0)).fn;
		const b = compileNode(args[1], at(1)).fn;
		const key = varOnly(args[0]);
		// The builder's usual shape, a field against a literal, read without the extra calls.
		return { fn: key !== null && isLiteral(args[1]) ? fieldComparison(op, key, args[1]) : comparison(op, a, b), bool: true };
	}
	/* c8 ignore next */
	throw new LogicError(`operator "${op}" is not allowed`, where);
}

/** `and` of boolean parts, unrolled for the short lists the builder makes. */
function allOf(fns: Fn[]): Fn {
	const [a, b, c] = fns;
	if (fns.length === 2) return (r) => a(r) && b(r);
	if (fns.length === 3) return (r) => a(r) && b(r) && c(r);
	return (r) => {
		for (let i = 0; i < fns.length; i++) if (!fns[i](r)) return false;
		return true;
	};
}

function anyOf(fns: Fn[]): Fn {
	const [a, b, c] = fns;
	if (fns.length === 2) return (r) => a(r) || b(r);
	if (fns.length === 3) return (r) => a(r) || b(r) || c(r);
	return (r) => {
		for (let i = 0; i < fns.length; i++) if (fns[i](r)) return true;
		return false;
	};
}

/** The key of a plain `{"var": key}` node (already checked by compileLogic), else null. */
function varOnly(node: JsonLogic): string | null {
	if (!node || typeof node !== 'object' || Array.isArray(node) || !('var' in node)) return null;
	const raw = node.var;
	return typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : null;
}

/* eslint-disable eqeqeq -- JsonLogic's == and != are JavaScript's loose comparisons, on purpose. */
/** Same as comparison(op, var key, literal); a missing key reads as null, as `var` does. */
function fieldComparison(op: string, key: string, literal: Literal | null): Fn {
	const b = literal as number;
	switch (op) {
		case '==':
			return literal === null ? (r) => r[key] == null : (r) => (r[key] ?? null) == b;
		case '!=':
			return literal === null ? (r) => r[key] != null : (r) => (r[key] ?? null) != b;
		case '<':
			return (r) => ((r[key] ?? null) as number) < b;
		case '<=':
			return (r) => ((r[key] ?? null) as number) <= b;
		case '>':
			return (r) => ((r[key] ?? null) as number) > b;
		default:
			return (r) => ((r[key] ?? null) as number) >= b;
	}
}

function comparison(op: string, a: Fn, b: Fn): Fn {
	switch (op) {
		case '==':
			return (r) => a(r) == b(r);
		case '!=':
			return (r) => a(r) != b(r);
		case '<':
			return (r) => (a(r) as number) < (b(r) as number);
		case '<=':
			return (r) => (a(r) as number) <= (b(r) as number);
		case '>':
			return (r) => (a(r) as number) > (b(r) as number);
		default:
			return (r) => (a(r) as number) >= (b(r) as number);
	}
}
/* eslint-enable eqeqeq */

// ---- rule sets -----------------------------------------------------------------------------------

export interface CompiledIndicator {
	id: string;
	name: string;
	kind: IndicatorKind;
	weight: number;
	jsonlogic: JsonLogic;
	fires: (record: DataRecord) => boolean;
	/** The facts that made it fire, for a record on which it fires. */
	explain: (record: DataRecord) => Fact[];
}

export interface CompiledRuleSet {
	indicators: CompiledIndicator[];
	/** Highest minScore first; ties keep their listed order. */
	bands: Band[];
	/** Field key -> label, for explanations. */
	labels: Map<string, string>;
}

export type RuleSetInput = { indicators: Pick<ExportedIndicator, 'id' | 'name' | 'kind' | 'weight' | 'jsonlogic'>[]; bands: Band[]; fields?: Pick<ExportedField, 'key' | 'label'>[] };

/** Compiles every indicator once; throws LogicError saying which indicator and where. */
export function compileRuleSet(ruleSet: RuleSetInput): CompiledRuleSet {
	const labels = new Map((ruleSet.fields ?? []).map((f) => [f.key, f.label]));
	const indicators = ruleSet.indicators.map((ind, i) => {
		const { fn: test, bool } = compileNode(ind.jsonlogic, `indicators[${i}].jsonlogic`);
		const explainer = compileExplainer(ind.jsonlogic, labels);
		const explain = (r: DataRecord) => {
			const out: Fact[] = [];
			explainer(r, out, false);
			return tidy(out);
		};
		return { id: ind.id, name: ind.name, kind: ind.kind, weight: ind.weight, jsonlogic: ind.jsonlogic, fires: bool ? (test as (r: DataRecord) => boolean) : (r: DataRecord) => truthy(test(r)), explain };
	});
	return { indicators, bands: sortBands(ruleSet.bands), labels };
}

export function sortBands(bands: Band[]): Band[] {
	return bands
		.map((band, i) => ({ band, i }))
		.sort((x, y) => y.band.minScore - x.band.minScore || x.i - y.i)
		.map((x) => x.band);
}

/** The band for a score: bands sorted by sortBands. */
export function bandFor(sortedBands: Band[], score: number): string | null {
	for (const band of sortedBands) if (band.minScore <= score) return band.id;
	return null;
}

/** One fact behind a fired indicator: a field's value and the test it met (or, under "not", failed). */
export interface Fact {
	field: string;
	/** The field's label from the rule set's fields, or the key. */
	label: string;
	value: RecordValue;
	op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'missing' | 'present';
	/** A literal, a list (for in), or the other field and its value. */
	against: Literal | Literal[] | { field: string; label: string; value: RecordValue } | null;
	/** Whether the test held. False under a "not": the indicator fired because it did not hold. */
	holds: boolean;
	/** Language-neutral summary with symbols, e.g. "Aanwezigheid (%) = 72 (< 80)", "Sportclub = – (= ∅)". */
	text: string;
}

export interface Contribution {
	indicator: string;
	name: string;
	kind: IndicatorKind;
	weight: number;
	facts: Fact[];
}

export interface EvaluationResult {
	score: number;
	band: string | null;
	/** Ids of the firing indicators, in rule-set order. */
	fired: string[];
	/** Per firing indicator, the values that made it fire. */
	explanation: Contribution[];
}

export function evaluate(compiled: CompiledRuleSet, record: DataRecord, explain = true): EvaluationResult {
	let risk = 0;
	let protective = 0;
	const fired: string[] = [];
	const explanation: Contribution[] = [];
	for (const ind of compiled.indicators) {
		if (!ind.fires(record)) continue;
		if (ind.kind === 'risk') risk += ind.weight;
		else protective += ind.weight;
		fired.push(ind.id);
		if (explain) explanation.push({ indicator: ind.id, name: ind.name, kind: ind.kind, weight: ind.weight, facts: ind.explain(record) });
	}
	const score = risk - protective;
	return { score, band: bandFor(compiled.bands, score), fired, explanation };
}

// ---- explanation ---------------------------------------------------------------------------------

/** Collects the facts of one record into `out`; `all`: inside a "not", where every test counts. */
type Explainer = (record: DataRecord, out: Fact[], all: boolean) => void;

/**
 * The facts behind a truthy expression: under `and` all parts, under `or` the parts that held,
 * under `!` every test inside (each failed, or did not matter). Compiled once per indicator,
 * like the condition itself.
 */
export function compileExplainer(node: JsonLogic, labels = new Map<string, string>()): Explainer {
	if (node === null || typeof node !== 'object' || Array.isArray(node)) return () => {};
	const { op, args } = operatorOf(node, '');
	if (op === 'and') {
		const parts = args.map((a) => compileExplainer(a, labels));
		return (r, out, all) => parts.forEach((p) => p(r, out, all));
	}
	if (op === 'or') {
		const parts = args.map((a) => ({ holds: compileLogic(a), explain: compileExplainer(a, labels) }));
		return (r, out, all) => parts.forEach((p) => (all || truthy(p.holds(r))) && p.explain(r, out, all));
	}
	if (op === '!') {
		const inner = compileExplainer(args[0], labels);
		return (r, out) => inner(r, out, true);
	}
	const left = args[0];
	if (!left || typeof left !== 'object' || Array.isArray(left) || !('var' in left)) return () => {};
	const field = varKey(left.var, '');
	const label = labels.get(field) ?? field;
	const holds = compileLogic(node);
	const right = args[1];
	const gap = right === null && (op === '==' || op === '!=');
	const factOp = (gap ? (op === '==' ? 'missing' : 'present') : op) as Fact['op'];
	const other = !gap && right && typeof right === 'object' && !Array.isArray(right) && 'var' in right ? varKey(right.var, '') : null;
	const otherLabel = other === null ? '' : (labels.get(other) ?? other);
	const literal = gap || other !== null ? null : (right as Literal | Literal[]);
	return (r, out) => {
		const value = read(r, field);
		const held = truthy(holds(r));
		const against: Fact['against'] = other === null ? literal : { field: other, label: otherLabel, value: read(r, other) };
		const shown = against === null ? '' : typeof against === 'object' && !Array.isArray(against) ? ` ${otherLabel} = ${show(against.value)}` : ` ${show(against)}`;
		out.push({ field, label, value, op: factOp, against, holds: held, text: `${label} = ${show(value)} (${SYMBOL[factOp][held ? 0 : 1]}${shown})` });
	};
}

/** Presence checks are dropped when a more telling fact names the same field (either side); repeats once. */
function tidy(facts: Fact[]): Fact[] {
	const told = new Set<string>();
	for (const f of facts) {
		if (f.op === 'present') continue;
		told.add(f.field);
		if (f.against !== null && typeof f.against === 'object' && !Array.isArray(f.against)) told.add(f.against.field);
	}
	const seen = new Set<string>();
	return facts.filter((f) => {
		if (f.op === 'present' && told.has(f.field)) return false;
		const id = f.text + f.holds;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

/** The facts behind a truthy expression for one record (compiles each call: for one-offs). */
export function factsOf(logic: JsonLogic, record: DataRecord, labels = new Map<string, string>()): Fact[] {
	const out: Fact[] = [];
	compileExplainer(logic, labels)(record, out, false);
	return tidy(out);
}

function read(record: DataRecord, key: string): RecordValue {
	const value = record[key];
	return value === undefined ? null : value;
}

function show(value: unknown): string {
	if (value === null || value === undefined) return '–';
	if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
	return String(value);
}

const SYMBOL: Record<Fact['op'], [string, string]> = {
	'==': ['=', '≠'],
	'!=': ['≠', '='],
	'<': ['<', '≥'],
	'<=': ['≤', '>'],
	'>': ['>', '≤'],
	'>=': ['≥', '<'],
	in: ['∈', '∉'],
	missing: ['= ∅', '≠ ∅'],
	present: ['≠ ∅', '= ∅']
};

// ---- what-if -------------------------------------------------------------------------------------

/** Which indicator fired on which record: one byte per record per indicator. */
export interface FiredMatrix {
	ids: string[];
	kinds: IndicatorKind[];
	count: number;
	fired: Uint8Array[];
}

/** Evaluates the conditions once; recount() then answers what-if questions without them. */
export function firedMatrix(compiled: CompiledRuleSet, records: readonly DataRecord[]): FiredMatrix {
	const fired = compiled.indicators.map(() => new Uint8Array(records.length));
	for (let j = 0; j < compiled.indicators.length; j++) {
		const fires = compiled.indicators[j].fires;
		const row = fired[j];
		for (let i = 0; i < records.length; i++) row[i] = fires(records[i]) ? 1 : 0;
	}
	return { ids: compiled.indicators.map((i) => i.id), kinds: compiled.indicators.map((i) => i.kind), count: records.length, fired };
}

export interface Recount {
	scores: Float64Array;
	/** Index into `bands` (as given, not sorted) per record; -1 for no band. */
	bandIndex: Int16Array;
	/** Records per band, in the order of `bands`; `none` for no band. */
	counts: number[];
	none: number;
}

/**
 * Scores and bands for new weights (one per indicator, in matrix order) and bands, with the same
 * arithmetic as evaluate(): risk and protective sums in indicator order, then their difference.
 */
export function recount(matrix: FiredMatrix, weights: readonly number[], bands: readonly Band[]): Recount {
	const n = matrix.count;
	const risk = new Float64Array(n);
	const protective = new Float64Array(n);
	for (let j = 0; j < matrix.ids.length; j++) {
		const row = matrix.fired[j];
		const w = weights[j];
		const sum = matrix.kinds[j] === 'risk' ? risk : protective;
		for (let i = 0; i < n; i++) if (row[i]) sum[i] += w;
	}
	const order = sortBands([...bands]).map((b) => bands.indexOf(b));
	const mins = order.map((k) => bands[k].minScore);
	const scores = new Float64Array(n);
	const bandIndex = new Int16Array(n);
	const counts = new Array<number>(bands.length).fill(0);
	let none = 0;
	for (let i = 0; i < n; i++) {
		const score = risk[i] - protective[i];
		scores[i] = score;
		let k = -1;
		for (let b = 0; b < mins.length; b++)
			if (mins[b] <= score) {
				k = order[b];
				break;
			}
		bandIndex[i] = k;
		if (k < 0) none++;
		else counts[k]++;
	}
	return { scores, bandIndex, counts, none };
}

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
	if (isLiteral(node)) return () => node;
	if (Array.isArray(node)) throw new LogicError('a list is only allowed as the second argument of "in"', where);
	const { op, args } = operatorOf(node, where);
	const at = (i: number) => `${where ? where + '.' : ''}${op}[${i}]`;
	if (op === 'var') {
		const key = varKey(args[0], `${where ? where + '.' : ''}var`);
		return (r) => {
			const value = r[key];
			return value === undefined ? null : value;
		};
	}
	if (op === 'and' || op === 'or') {
		if (args.length === 0) throw new LogicError(`"${op}" needs at least one argument`, where);
		const parts = args.map((a, i) => compileLogic(a, at(i)));
		if (parts.length === 1) return parts[0];
		if (op === 'and')
			return (r) => {
				let current: Value;
				for (let i = 0; i < parts.length; i++) if (!truthy((current = parts[i](r)))) return current;
				return current;
			};
		return (r) => {
			let current: Value;
			for (let i = 0; i < parts.length; i++) if (truthy((current = parts[i](r)))) return current;
			return current;
		};
	}
	if (op === '!') {
		if (args.length !== 1) throw new LogicError('"!" takes one argument', where);
		const inner = compileLogic(args[0], at(0));
		return (r) => !truthy(inner(r));
	}
	if (op === 'in') {
		if (args.length !== 2) throw new LogicError('"in" takes two arguments', where);
		const list = args[1];
		if (!Array.isArray(list) || !list.every(isLiteral)) throw new LogicError('the second argument of "in" must be a list of values', at(1));
		const needle = compileLogic(args[0], at(0));
		// indexOf (strict equality), as json-logic-js; a Set would find NaN where indexOf does not.
		const values = new Set<unknown>(list);
		return (r) => {
			const a = needle(r);
			return a === a && values.has(a);
		};
	}
	if (COMPARISONS.has(op)) {
		if (args.length !== 2) throw new LogicError(`"${op}" takes two arguments`, where);
		return comparison(op, compileLogic(args[0], at(0)), compileLogic(args[1], at(1)));
	}
	/* c8 ignore next */
	throw new LogicError(`operator "${op}" is not allowed`, where);
}

/* eslint-disable eqeqeq -- JsonLogic's == and != are JavaScript's loose comparisons, on purpose. */
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
	const indicators = ruleSet.indicators.map((ind, i) => {
		const test = compileLogic(ind.jsonlogic, `indicators[${i}].jsonlogic`);
		return { id: ind.id, name: ind.name, kind: ind.kind, weight: ind.weight, jsonlogic: ind.jsonlogic, fires: (r: DataRecord) => truthy(test(r)) };
	});
	return { indicators, bands: sortBands(ruleSet.bands), labels: new Map((ruleSet.fields ?? []).map((f) => [f.key, f.label])) };
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
		if (explain) explanation.push({ indicator: ind.id, name: ind.name, kind: ind.kind, weight: ind.weight, facts: factsOf(ind.jsonlogic, record, compiled.labels) });
	}
	const score = risk - protective;
	return { score, band: bandFor(compiled.bands, score), fired, explanation };
}

// ---- explanation ---------------------------------------------------------------------------------

/**
 * The facts behind a truthy expression: under `and` all parts, under `or` the parts that held,
 * under `!` every test inside (each failed or was irrelevant). Presence checks are dropped when the
 * same field has a more telling fact. Runs only for firing indicators, so it may interpret.
 */
export function factsOf(logic: JsonLogic, record: DataRecord, labels = new Map<string, string>()): Fact[] {
	const facts: Fact[] = [];
	collect(logic, record, labels, facts, false);
	const told = new Set(facts.filter((f) => f.op !== 'present').map((f) => f.field));
	const seen = new Set<string>();
	return facts.filter((f) => {
		if (f.op === 'present' && told.has(f.field)) return false;
		const id = f.text + f.holds;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
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

const SYMBOL: Record<string, [string, string]> = {
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

/** Sub-expressions compiled once per node, for explanations. */
const compiledNodes = new WeakMap<object, Fn>();
function holdsOn(node: JsonLogic & object, record: DataRecord): boolean {
	let fn = compiledNodes.get(node);
	if (!fn) compiledNodes.set(node, (fn = compileLogic(node)));
	return truthy(fn(record));
}

function collect(node: JsonLogic, record: DataRecord, labels: Map<string, string>, out: Fact[], all: boolean): void {
	if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
	const { op, args } = operatorOf(node, '');
	if (op === 'and') return args.forEach((a) => collect(a, record, labels, out, all));
	if (op === 'or') {
		for (const a of args) if (all || (a !== null && typeof a === 'object' && holdsOn(a, record))) collect(a, record, labels, out, all);
		return;
	}
	if (op === '!') return collect(args[0], record, labels, out, true);
	const left = args[0];
	if (!left || typeof left !== 'object' || Array.isArray(left) || !('var' in left)) return;
	const field = varKey(left.var, '');
	const label = labels.get(field) ?? field;
	const value = read(record, field);
	const holds = holdsOn(node, record);
	const right = args[1];
	let against: Fact['against'];
	let factOp = op as Fact['op'];
	if (right === null && (op === '==' || op === '!=')) {
		factOp = op === '==' ? 'missing' : 'present';
		against = null;
	} else if (right && typeof right === 'object' && !Array.isArray(right) && 'var' in right) {
		const other = varKey(right.var, '');
		against = { field: other, label: labels.get(other) ?? other, value: read(record, other) };
	} else {
		against = right as Literal | Literal[];
	}
	const symbol = SYMBOL[factOp][holds ? 0 : 1];
	const shown = against === null ? '' : typeof against === 'object' && !Array.isArray(against) ? ` ${against.label} = ${show(against.value)}` : ` ${show(against)}`;
	out.push({ field, label, value, op: factOp, against, holds, text: `${label} = ${show(value)} (${symbol}${shown})` });
}

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

/**
 * Reading an exported rule set (`meedoen.ruleset/1`) from a file, an upload or a request: the
 * shape (zod), then the JsonLogic (only the builder's operators, only declared fields), then
 * unique ids. Every problem is reported as "where: what".
 */
import { describeIssues, exportedRuleSetSchema, type ExportedRuleSet, type JsonLogic } from './model';
import { compileLogic, LogicError, operatorOf, varKey } from './evaluate';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** The field keys a JsonLogic expression reads (assumes it compiles). */
export function varsOf(node: JsonLogic, out = new Set<string>()): Set<string> {
	if (Array.isArray(node)) node.forEach((n) => varsOf(n, out));
	else if (node !== null && typeof node === 'object') {
		const { op, args } = operatorOf(node, '');
		if (op === 'var') out.add(varKey(args[0], ''));
		else args.forEach((a) => varsOf(a, out));
	}
	return out;
}

function duplicates(ids: string[]): string[] {
	return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

export function parseRuleSet(input: unknown): Parsed<ExportedRuleSet> {
	const shape = exportedRuleSetSchema.safeParse(input);
	if (!shape.success) return { ok: false, errors: describeIssues(shape.error) };
	const ruleSet = shape.data as ExportedRuleSet;
	const errors: string[] = [];
	const known = new Set(ruleSet.fields.map((f) => f.key));
	ruleSet.indicators.forEach((ind, i) => {
		try {
			compileLogic(ind.jsonlogic, `indicators[${i}].jsonlogic`);
			for (const key of varsOf(ind.jsonlogic)) if (!known.has(key)) errors.push(`indicators[${i}].jsonlogic: unknown field "${key}" (not in fields)`);
		} catch (e) {
			if (!(e instanceof LogicError)) throw e;
			errors.push(e.message);
		}
	});
	for (const [what, ids] of [
		['field key', ruleSet.fields.map((f) => f.key)],
		['indicator id', ruleSet.indicators.map((i) => i.id)],
		['band id', ruleSet.bands.map((b) => b.id)]
	] as const)
		for (const id of duplicates(ids)) errors.push(`${what} "${id}" appears more than once`);
	ruleSet.fields.forEach((f, i) => {
		if (f.type === 'category' && !f.values) errors.push(`fields[${i}].values: a category field needs its values`);
	});
	return errors.length ? { ok: false, errors } : { ok: true, value: ruleSet };
}

/** JSON text -> rule set; a syntax error is reported with its position. */
export function readRuleSet(text: string): Parsed<ExportedRuleSet> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
	}
	return parseRuleSet(json);
}

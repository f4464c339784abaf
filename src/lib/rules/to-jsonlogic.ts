/**
 * Builder condition -> JsonLogic, the portable form partners evaluate with any JsonLogic library.
 *
 * Missing values (null, or the field absent) follow one rule a policy advisor can check:
 * **nothing is concluded from a value we do not know.**
 * - A comparison about a missing value is false: `attendance < 80` does not hold when attendance is
 *   unknown, nor does `school_type != "vwo"`. JavaScript would say `null < 80` is true; so every
 *   comparison that could be true for null carries a presence check `{"!=": [{"var": k}, null]}`
 *   in the JsonLogic itself, and every JsonLogic library gives the same answer.
 *   `==` and `in` against a literal need no check: null equals no literal.
 * - Field against field: both must be present.
 * - A `not` group ("none of these holds") is false when one of its fields is missing: we do not
 *   know that a young person is *not* a member of a sports club when the answer is missing.
 * - `missing` / `present` ask about the gap itself: `{"==": [var, null]}` / `{"!=": [var, null]}`.
 * - An empty group never fires (`false`); the checks refuse it anyway.
 *
 * Equality is JsonLogic's `==` (JavaScript's loose equality). Records are checked against the field
 * types before evaluation (numbers are numbers, booleans booleans), so loose and strict agree.
 */
import type { Comparison, Condition, FieldRef, JsonLogic, Literal } from './model';

const v = (key: string): JsonLogic => ({ var: key });
const present = (key: string): JsonLogic => ({ '!=': [v(key), null] });

export function isFieldRef(value: Comparison['value']): value is FieldRef {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `and` of the parts, with nested `and`s spliced in (same value, easier to read). */
function and(parts: JsonLogic[]): JsonLogic {
	const flat = parts.flatMap((p) => (p && typeof p === 'object' && !Array.isArray(p) && 'and' in p ? (p.and as JsonLogic[]) : [p]));
	return flat.length === 1 ? flat[0] : { and: flat };
}

function compare(c: Comparison): JsonLogic {
	const left = v(c.field);
	if (c.op === 'missing') return { '==': [left, null] };
	if (c.op === 'present') return present(c.field);
	if (isFieldRef(c.value)) {
		// "in a list" against another field has no meaning: the checks refuse it; it never fires.
		if (c.op === 'in' || c.op === 'not_in') return false;
		return and([present(c.field), present(c.value.field), { [c.op]: [left, v(c.value.field)] }]);
	}
	if (c.op === 'in' || c.op === 'not_in') {
		const list: Literal[] = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
		const test: JsonLogic = { in: [left, list] };
		return c.op === 'in' ? test : and([present(c.field), { '!': test }]);
	}
	const value = c.value as Literal;
	const test: JsonLogic = { [c.op]: [left, value] };
	return c.op === '==' ? test : and([present(c.field), test]);
}

/** Every field a condition reads, in order of first appearance. */
export function fieldsOf(condition: Condition, out: string[] = []): string[] {
	if (condition.type === 'group') {
		for (const child of condition.children) fieldsOf(child, out);
		return out;
	}
	if (!out.includes(condition.field)) out.push(condition.field);
	if (isFieldRef(condition.value) && !out.includes(condition.value.field)) out.push(condition.value.field);
	return out;
}

export function toJsonLogic(condition: Condition): JsonLogic {
	if (condition.type === 'compare') return compare(condition);
	const children = condition.children.map(toJsonLogic);
	if (children.length === 0) return false;
	if (condition.op === 'all') return and(children);
	const any = children.length === 1 ? children[0] : { or: children };
	if (condition.op === 'any') return any;
	// `missing` asks about the gap; it does not need the field present to be answered.
	const needed = fieldsOfNonGap(condition);
	return and([...needed.map(present), { '!': any }]);
}

function fieldsOfNonGap(condition: Condition, out: string[] = []): string[] {
	if (condition.type === 'group') {
		for (const child of condition.children) fieldsOfNonGap(child, out);
	} else if (condition.op !== 'missing' && condition.op !== 'present') {
		fieldsOf(condition, out);
	}
	return out;
}

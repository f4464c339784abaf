import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { fieldsOf, toJsonLogic } from './to-jsonlogic';
import type { Condition } from './model';

const cmp = (field: string, op: Condition & { type: 'compare' } extends { op: infer O } ? O : never, value?: unknown): Condition =>
	({ type: 'compare', field, op, value }) as Condition;
const fires = (c: Condition, record: Record<string, unknown>) => jsonLogic.truthy(jsonLogic.apply(toJsonLogic(c) as jsonLogic.RulesLogic, record));

describe('toJsonLogic', () => {
	it('writes == and in against literals without a presence check (null equals no literal)', () => {
		expect(toJsonLogic(cmp('school_type', '==', 'vmbo'))).toEqual({ '==': [{ var: 'school_type' }, 'vmbo'] });
		expect(toJsonLogic(cmp('talent', 'in', ['sport', 'muziek']))).toEqual({ in: [{ var: 'talent' }, ['sport', 'muziek']] });
	});

	it('guards comparisons that JavaScript would answer true for null', () => {
		expect(toJsonLogic(cmp('attendance_pct', '<', 80))).toEqual({ and: [{ '!=': [{ var: 'attendance_pct' }, null] }, { '<': [{ var: 'attendance_pct' }, 80] }] });
		// Without the guard json-logic-js says null < 80.
		expect(jsonLogic.apply({ '<': [{ var: 'a' }, 80] }, { a: null })).toBe(true);
		for (const op of ['<', '<=', '!='] as const) expect(fires(cmp('a', op, 80), { a: null })).toBe(false);
		expect(fires(cmp('a', 'not_in', ['x']), {})).toBe(false);
		expect(fires(cmp('a', '>=', 0), { a: null })).toBe(false);
		expect(fires(cmp('a', '<', 80), { a: 79 })).toBe(true);
	});

	it('compares a field with another field only when both are known', () => {
		const c = cmp('absence_hours', '>', { field: 'age' });
		expect(toJsonLogic(c)).toEqual({
			and: [{ '!=': [{ var: 'absence_hours' }, null] }, { '!=': [{ var: 'age' }, null] }, { '>': [{ var: 'absence_hours' }, { var: 'age' }] }]
		});
		expect(fires(c, { absence_hours: 20, age: 15 })).toBe(true);
		expect(fires(cmp('a', '==', { field: 'b' }), { a: null, b: null })).toBe(false);
		// a list test against a field has no meaning (the checks refuse it): it never fires
		expect(toJsonLogic(cmp('a', 'in', { field: 'b' }))).toBe(false);
	});

	it('reads groups as all / any / none-of, and a not-group needs its fields known', () => {
		const none: Condition = { type: 'group', op: 'not', children: [cmp('sports_club', '==', true), cmp('volunteer', '==', true)] };
		expect(toJsonLogic(none)).toEqual({
			and: [
				{ '!=': [{ var: 'sports_club' }, null] },
				{ '!=': [{ var: 'volunteer' }, null] },
				{ '!': { or: [{ '==': [{ var: 'sports_club' }, true] }, { '==': [{ var: 'volunteer' }, true] }] } }
			]
		});
		expect(fires(none, { sports_club: false, volunteer: false })).toBe(true);
		expect(fires(none, { sports_club: false, volunteer: null })).toBe(false);
		expect(fires(none, { sports_club: true, volunteer: false })).toBe(false);
		const all: Condition = { type: 'group', op: 'all', children: [cmp('a', '<', 3), cmp('b', '==', 1)] };
		// nested ands are spliced into one
		expect(toJsonLogic(all)).toEqual({ and: [{ '!=': [{ var: 'a' }, null] }, { '<': [{ var: 'a' }, 3] }, { '==': [{ var: 'b' }, 1] }] });
		const any: Condition = { type: 'group', op: 'any', children: [cmp('a', '<', 3), cmp('b', '==', 1)] };
		expect(fires(any, { a: null, b: 1 })).toBe(true);
		expect(fires(any, { a: null, b: 2 })).toBe(false);
	});

	it('asks about the gap itself with missing / present, also inside not', () => {
		expect(toJsonLogic(cmp('a', 'missing'))).toEqual({ '==': [{ var: 'a' }, null] });
		expect(fires(cmp('a', 'missing'), {})).toBe(true);
		expect(fires(cmp('a', 'present'), { a: 0 })).toBe(true);
		expect(fires({ type: 'group', op: 'not', children: [cmp('a', 'missing')] }, { a: 3 })).toBe(true);
	});

	it('never fires an empty group, whatever its kind', () => {
		for (const op of ['all', 'any', 'not'] as const) expect(toJsonLogic({ type: 'group', op, children: [] })).toBe(false);
	});

	it('lists the fields a condition reads', () => {
		expect(fieldsOf({ type: 'group', op: 'all', children: [cmp('a', '<', 1), cmp('b', '>', { field: 'a' }), cmp('c', 'missing')] })).toEqual(['a', 'b', 'c']);
	});
});

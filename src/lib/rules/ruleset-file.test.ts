import { describe, expect, it } from 'vitest';
import { parseRuleSet, readRuleSet } from './ruleset-file';
import { RULESET_FORMAT } from './model';

const valid = () => ({
	format: RULESET_FORMAT,
	id: 'rs1',
	name: 'Voorbeeld',
	version: 1,
	publishedAt: '2026-11-25T12:00:00Z',
	approvals: [{ organisation: 'Lumens', approvedAt: '2026-11-24T10:00:00Z' }],
	fields: [
		{ key: 'att', label: 'Aanwezigheid', type: 'number', source: 'leerplicht' },
		{ key: 'talent', label: 'Talent', type: 'category', values: ['sport'], source: 'jongerenwerk' }
	],
	indicators: [
		{ id: 'low', name: 'Laag', kind: 'risk', weight: 1, jsonlogic: { '<': [{ var: 'att' }, 80] }, description: 'd', rationale: 'r', sourceIdeas: [], reviewBy: '2027-06-01' }
	],
	bands: [{ id: 'aandacht', label: 'Aandacht', minScore: 1 }]
});

describe('parseRuleSet', () => {
	it('accepts a valid export', () => {
		expect(parseRuleSet(valid())).toMatchObject({ ok: true, value: { id: 'rs1' } });
	});

	it('says what is wrong and where', () => {
		const rs = valid();
		rs.indicators[0].weight = 0;
		(rs as { format: string }).format = 'other';
		const r = parseRuleSet(rs);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toEqual(expect.arrayContaining(['format: must be "meedoen.ruleset/1"', 'indicators[0].weight: must be greater than 0']));
	});

	it('refuses unknown operators and unknown fields in the JsonLogic', () => {
		const rs = valid();
		rs.indicators[0].jsonlogic = { or: [{ '<': [{ var: 'att' }, 80] }, { '==': [{ var: 'postcode' }, '5611'] }] } as never;
		expect(parseRuleSet(rs)).toEqual({ ok: false, errors: ['indicators[0].jsonlogic: unknown field "postcode" (not in fields)'] });
		rs.indicators[0].jsonlogic = { some: [{ var: 'att' }, true] } as never;
		expect(parseRuleSet(rs)).toMatchObject({ ok: false, errors: [expect.stringContaining('indicators[0].jsonlogic: operator "some" is not allowed')] });
	});

	it('refuses field keys that a plain object inherits', () => {
		const rs = valid();
		rs.fields[0].key = 'constructor';
		expect(parseRuleSet(rs)).toMatchObject({ ok: false, errors: [expect.stringContaining('fields[0].key: must be lower-case letters')] });
	});

	it('refuses duplicate ids and a category without values', () => {
		const rs = valid();
		rs.bands.push({ id: 'aandacht', label: 'x', minScore: 2 });
		delete (rs.fields[1] as { values?: string[] }).values;
		expect(parseRuleSet(rs)).toEqual({ ok: false, errors: ['band id "aandacht" appears more than once', 'fields[1].values: a category field needs its values'] });
	});

	it('reports a JSON syntax error', () => {
		expect(readRuleSet('{"format":')).toMatchObject({ ok: false, errors: [expect.stringContaining('not valid JSON')] });
	});
});

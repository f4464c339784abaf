import { describe, expect, it } from 'vitest';
import { blocksPublication, checkRuleSet } from './check';
import { demoDraft } from './demo-ruleset';
import type { Condition, FieldDef, Indicator, RuleSetDraft } from './model';

const fields: FieldDef[] = [
	{ key: 'att', label: 'Aanwezigheid', type: 'number', source: 'leerplicht', description: '', sensitivity: 'normal' },
	{ key: 'club', label: 'Club', type: 'boolean', source: 'GGD', description: '', sensitivity: 'normal' },
	{ key: 'school_type', label: 'Schooltype', type: 'category', values: ['vmbo', 'havo'], source: 'DUO', description: '', sensitivity: 'proxy' },
	{ key: 'buurt', label: 'Buurt', type: 'category', values: ['A', 'B'], source: 'BRP', description: '', sensitivity: 'proxy', justification: 'Om aanbod in de buurt te plannen.' },
	{ key: 'origin', label: 'Migratieachtergrond', type: 'category', values: ['x'], source: 'CBS', description: '', sensitivity: 'special' }
];
const indicator = (condition: Condition, extra: Partial<Indicator> = {}): Indicator => ({
	id: 'i1',
	name: 'Test',
	kind: 'risk',
	description: 'Wat het ziet',
	rationale: 'Waarom',
	evidence: '',
	sourceIdeas: ['Idee'],
	condition,
	weight: 1,
	reviewBy: '2027-01-01',
	...extra
});
const draft = (indicators: Indicator[], extra: Partial<RuleSetDraft> = {}): RuleSetDraft => ({ name: 'T', fields, indicators, bands: [{ id: 'a', label: 'A', minScore: 1 }], ...extra });
const cmp = (field: string, op: string, value?: unknown) => ({ type: 'compare', field, op, value }) as Condition;
const codes = (d: RuleSetDraft) => checkRuleSet(d, { today: '2026-11-25' }).map((i) => `${i.severity}:${i.code}${i.field ? ':' + i.field : ''}${i.value !== undefined ? '=' + i.value : ''}`);

describe('checkRuleSet', () => {
	it('passes the demo rule set', () => {
		const issues = checkRuleSet(demoDraft, { today: '2026-11-25' });
		expect(issues).toEqual([]);
		expect(blocksPublication(issues)).toBe(false);
	});

	it('never lets a special category into a condition', () => {
		expect(codes(draft([indicator(cmp('origin', '==', 'x'))]))).toEqual(['error:field_special:origin']);
		expect(codes(draft([indicator(cmp('att', '==', { field: 'origin' }))]))).toContain('error:field_special:origin');
	});

	it('refuses a proxy without a justification and warns once per indicator for a justified one', () => {
		expect(codes(draft([indicator(cmp('school_type', '==', 'vmbo'))]))).toEqual(['error:field_proxy_unjustified:school_type']);
		const twice: Condition = { type: 'group', op: 'any', children: [cmp('buurt', '==', 'A'), cmp('buurt', '==', 'B')] };
		const issues = checkRuleSet(draft([indicator(twice)]), { today: '2026-11-25' });
		expect(issues).toEqual([{ severity: 'warning', code: 'field_proxy', field: 'buurt', indicatorId: 'i1', path: 'children[0]' }]);
		expect(blocksPublication(issues)).toBe(false);
	});

	it('finds unknown fields and values that do not fit the field', () => {
		expect(codes(draft([indicator(cmp('postcode', '==', '5611'))]))).toEqual(['error:field_unknown:postcode']);
		expect(codes(draft([indicator(cmp('att', '<', '80'))]))).toEqual(['error:value_type:att=80']);
		expect(codes(draft([indicator(cmp('club', '==', 1))]))).toEqual(['error:value_type:club=1']);
		expect(codes(draft([indicator(cmp('buurt', 'in', ['A', 'Z']))]))).toEqual(['warning:field_proxy:buurt', 'error:value_not_in_category:buurt=Z']);
		expect(codes(draft([indicator(cmp('club', '<', true))]))).toEqual(['error:op_not_for_type:club']);
		expect(codes(draft([indicator(cmp('att', 'in', []))]))).toEqual(['error:list_empty:att']);
		expect(codes(draft([indicator(cmp('att', '<'))]))).toEqual(['error:value_missing:att']);
		expect(codes(draft([indicator(cmp('att', '==', { field: 'club' }))]))).toEqual(['error:fields_type_differ:att']);
		expect(codes(draft([indicator(cmp('att', 'missing'))]))).toEqual([]);
	});

	it('refuses empty groups, with where they are', () => {
		const c: Condition = { type: 'group', op: 'all', children: [cmp('att', '<', 80), { type: 'group', op: 'not', children: [] }] };
		expect(checkRuleSet(draft([indicator(c)]), { today: '2026-11-25' })).toEqual([{ severity: 'error', code: 'group_empty', indicatorId: 'i1', path: 'children[1]' }]);
	});

	it('asks for weight > 0, description, rationale, a review date not passed; warns without source ideas', () => {
		const bad = indicator(cmp('att', '<', 80), { weight: 0, description: ' ', rationale: '', sourceIdeas: [], reviewBy: '2026-11-24' });
		expect(codes(draft([bad]))).toEqual(['error:description_missing', 'error:rationale_missing', 'warning:source_ideas_missing', 'error:weight_not_positive', 'error:review_overdue']);
		expect(codes(draft([indicator(cmp('att', '<', 80), { reviewBy: '' })]))).toEqual(['error:review_missing']);
		// the review date itself is still fine
		expect(codes(draft([indicator(cmp('att', '<', 80), { reviewBy: '2026-11-25' })]))).toEqual([]);
	});

	it('asks for unique ids and bands with distinct minimum scores', () => {
		const i = indicator(cmp('att', '<', 80));
		expect(codes(draft([i, i]))).toEqual(['error:indicator_id_duplicate']);
		expect(codes(draft([i], { bands: [] }))).toEqual(['error:bands_missing']);
		const bands = [
			{ id: 'a', label: 'A', minScore: 1 },
			{ id: 'b', label: 'B', minScore: 1 },
			{ id: 'a', label: 'C', minScore: 2 }
		];
		expect(codes(draft([i], { bands }))).toEqual(['error:band_id_duplicate', 'error:band_min_duplicate', 'error:band_min_duplicate']);
	});
});

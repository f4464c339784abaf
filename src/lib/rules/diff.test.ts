import { describe, expect, it } from 'vitest';
import { diffRuleSets, formatDiff } from './diff';
import { demoRuleSet } from './demo-ruleset';
import type { ExportedRuleSet } from './model';

const copy = (): ExportedRuleSet => JSON.parse(JSON.stringify(demoRuleSet));

describe('diffRuleSets', () => {
	it('finds nothing between equal versions, whatever the key order', () => {
		const b = copy();
		b.fields[2] = Object.fromEntries(Object.entries(b.fields[2]).reverse()) as (typeof b.fields)[number];
		expect(Object.keys(b.fields[2])[0]).toBe('source');
		expect(diffRuleSets(demoRuleSet, b)).toEqual([]);
	});

	it('says which indicator, band and field changed, and how', () => {
		const b = copy();
		b.name = 'Nieuw';
		b.indicators[4].weight = 2.5;
		b.indicators[4].jsonlogic = { '==': [{ var: 'dropped_out' }, true] };
		b.indicators.splice(1, 1);
		b.indicators.push({ ...b.indicators[0], id: 'new_one', name: 'Nieuw' });
		b.bands[1].minScore = 3;
		b.bands.push({ id: 'extra', label: 'extra', minScore: 8 });
		b.fields = b.fields.filter((f) => f.key !== 'migration_background');
		b.fields[0].source = 'BRP';
		const changes = diffRuleSets(demoRuleSet, b);
		expect(changes.map((c) => c.kind)).toEqual(['name_changed', 'indicator_removed', 'indicator_changed', 'indicator_added', 'band_changed', 'band_added', 'field_removed', 'field_changed']);
		expect(changes[2]).toMatchObject({ id: 'not_in_school_or_work', changes: [{ property: 'weight', from: 3, to: 2.5 }, { property: 'jsonlogic', to: { '==': [{ var: 'dropped_out' }, true] } }] });
		expect(formatDiff(changes)).toEqual([
			'~ name: Samen op tijd: signalen en talenten -> Nieuw',
			'- indicator takes_part (Doet mee: sportclub of vrijwilligerswerk)',
			expect.stringMatching(/^~ indicator not_in_school_or_work: weight 3 -> 2.5; jsonlogic \{"or".*-> \{"==":\[\{"var":"dropped_out"\},true\]\}$/),
			'+ indicator new_one (Nieuw)',
			'~ band aandacht: minScore 2 -> 3',
			'+ band extra (extra, from 8)',
			'- field migration_background (Migratieachtergrond)',
			'~ field age: source gemeente (BRP) -> BRP'
		]);
	});
});

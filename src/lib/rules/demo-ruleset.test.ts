import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { demoRuleSet, demoDraft } from './demo-ruleset';
import { parseRuleSet } from './ruleset-file';

describe('the demo rule set', () => {
	it('is a valid meedoen.ruleset/1 export approved by two organisations', () => {
		expect(parseRuleSet(JSON.parse(JSON.stringify(demoRuleSet)))).toEqual({ ok: true, value: demoRuleSet });
		expect(new Set(demoRuleSet.approvals.map((a) => a.organisation)).size).toBe(2);
		expect(demoRuleSet.bands.map((b) => b.label)).toEqual(['geen', 'aandacht', 'gesprek aanbevolen']);
	});

	it('starts from talents: protective and risk indicators, 6 to 8 of them', () => {
		const kinds = demoDraft.indicators.map((i) => i.kind);
		expect(kinds[0]).toBe('protective');
		expect(kinds).toContain('risk');
		expect(kinds.length).toBeGreaterThanOrEqual(6);
		expect(kinds.length).toBeLessThanOrEqual(8);
	});

	it('names source ideas that are on the demo ideas board', () => {
		const seed = readFileSync(new URL('../server/demo/seed.ts', import.meta.url), 'utf8');
		for (const title of demoRuleSet.indicators.flatMap((i) => i.sourceIdeas)) expect(seed.includes(title.replace(/'/g, "\\'")), title).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { registerMarkdown, toAlgoritmeregister } from './algoritmeregister';
import { demoRuleSet } from './demo-ruleset';

const meta = { organisation: 'Gemeente Eindhoven', partners: ['Lumens', 'GGD Brabant-Zuidoost', 'Fontys Hogescholen'], contactEmail: 'algoritmes@example.nl' };

describe('toAlgoritmeregister', () => {
	const p = toAlgoritmeregister(demoRuleSet, meta);

	it('fills every field of the publication standard', () => {
		for (const key of ['name', 'description_short', 'organization', 'goal', 'proportionality', 'human_intervention', 'risks', 'lawful_basis', 'source_data', 'methods_and_models'] as const)
			expect(p[key].length, key).toBeGreaterThan(10);
		expect(p).toMatchObject({ organization: 'Gemeente Eindhoven', status: 'In ontwikkeling', publication_category: 'Impactvolle algoritmes', lang: 'nld', contact_email: 'algoritmes@example.nl' });
	});

	it('describes the data actually used, with sources, and never an unused special category', () => {
		expect(p.source_data).toContain('Aanwezigheid op school (bron: leerplicht / schoolverzuim)');
		expect(p.source_data).not.toContain('Migratieachtergrond');
	});

	it('explains how it works: bands, every indicator, the open format; approvals and the review date in risk management', () => {
		expect(p.methods_and_models).toContain('gesprek aanbevolen: score 4 of hoger');
		for (const i of demoRuleSet.indicators) expect(p.methods_and_models).toContain(i.name);
		expect(p.methods_and_models).toContain('meedoen.ruleset/1');
		expect(p.risks).toContain('Lumens, GGD Brabant-Zuidoost');
		expect(p.risks).toContain('2027-06-30');
		expect(p.description_short).toContain('nooit een besluit');
	});

	it('renders Markdown with the register headings', () => {
		const md = registerMarkdown(p);
		expect(md.startsWith('# Samen op tijd: signalen en talenten (versie 1)\n')).toBe(true);
		for (const h of ['Doel en impact', 'Afwegingen', 'Menselijke tussenkomst', 'Risicobeheer', 'Wettelijke grondslag', 'Data en bronnen', 'Werking']) expect(md).toContain(`## ${h}\n`);
	});
});

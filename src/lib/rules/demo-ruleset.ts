/**
 * The demo coalition's example rule set, built on the demo dictionary. It starts from talents and
 * what a young person already does (protective), then the signals partners recognised in the
 * sprint. Source ideas are the titles of the ideas on the demo "Ideeën" board
 * (src/lib/server/demo/seed.ts), which young people tested.
 */
import type { Comparison, Condition, ExportedRuleSet, Indicator, RuleSetDraft } from './model';
import { demoFields } from './generator';
import { exportRuleSet } from './export';

export const DEMO_IDEAS = {
	buddy: 'Een buddy uit de buurt die je helpt bij je eerste stap naar een club of baan',
	talentCard: 'Een talentenkaart: laat zien waar je goed in bent, niet wat er mis is',
	sportPass: 'Gratis sportpas voor een jaar, zonder formulieren',
	chat: "Een chat met jongerenwerkers, ook in het weekend en 's avonds"
} as const;

const is = (field: string, op: Comparison['op'], value?: Comparison['value']): Condition => ({ type: 'compare', field, op, value });
const all = (...children: Condition[]): Condition => ({ type: 'group', op: 'all', children });
const any = (...children: Condition[]): Condition => ({ type: 'group', op: 'any', children });
const none = (...children: Condition[]): Condition => ({ type: 'group', op: 'not', children });

const REVIEW = '2027-06-30';

const indicators: Indicator[] = [
	{
		id: 'talent',
		name: 'Heeft een talent of hobby',
		kind: 'protective',
		description: 'De jongere weet waar hij of zij goed in is of wat hij of zij graag doet.',
		rationale: 'Jongeren vroegen om te beginnen bij wat goed gaat. Een talent is een ingang voor een gesprek en voor meedoen.',
		evidence: 'Talentenkaart: de meeste jongeren in de testronde vonden dit een goed idee.',
		sourceIdeas: [DEMO_IDEAS.talentCard],
		condition: is('talent', 'not_in', ['geen']),
		weight: 1,
		reviewBy: REVIEW
	},
	{
		id: 'takes_part',
		name: 'Doet mee: sportclub of vrijwilligerswerk',
		kind: 'protective',
		description: 'De jongere is lid van een sportclub of doet vrijwilligerswerk.',
		rationale: 'Meedoen in een club of als vrijwilliger geeft contact, ritme en mensen om op terug te vallen.',
		evidence: 'Gratis sportpas en buddy: jongeren noemden de club als plek waar ze gezien worden.',
		sourceIdeas: [DEMO_IDEAS.sportPass, DEMO_IDEAS.buddy],
		condition: any(is('sports_club', '==', true), is('volunteer', '==', true)),
		weight: 1.5,
		reviewBy: REVIEW
	},
	{
		id: 'trusted_adult',
		name: 'Heeft een vertrouwde volwassene',
		kind: 'protective',
		description: 'Er is een volwassene bij wie de jongere terecht kan.',
		rationale: 'Een vertrouwde volwassene is een van de sterkste beschermende factoren.',
		evidence: 'Chat met jongerenwerkers: jongeren willen iemand die er ook \'s avonds is.',
		sourceIdeas: [DEMO_IDEAS.chat],
		condition: is('trusted_adult', '==', true),
		weight: 1,
		reviewBy: REVIEW
	},
	{
		id: 'school_absence',
		name: 'Vaak weg van school',
		kind: 'risk',
		description: 'De jongere was minder dan 85% van de lessen aanwezig of heeft 16 uur of meer ongeoorloofd verzuim.',
		rationale: 'Verzuim is vaak het eerste zichtbare teken dat het niet goed gaat. 16 uur is de grens waarbij de school leerplicht inschakelt.',
		evidence: 'Leerplicht en jongerenwerk zagen dit in de sprint bij bijna alle jongeren die later uitvielen.',
		sourceIdeas: [DEMO_IDEAS.buddy],
		condition: any(is('attendance_pct', '<', 85), is('absence_hours', '>=', 16)),
		weight: 2,
		reviewBy: REVIEW
	},
	{
		id: 'not_in_school_or_work',
		name: 'Geen school, werk of opleiding',
		kind: 'risk',
		description: 'De jongere is gestopt met school zonder diploma, of zit niet op school en werkt niet.',
		rationale: 'Zonder school of werk verliezen jongeren snel hun ritme en hun netwerk.',
		evidence: 'Buddy: jongeren zonder school of werk zeiden dat de eerste stap het moeilijkst is.',
		sourceIdeas: [DEMO_IDEAS.buddy],
		condition: any(is('neet', '==', true), is('dropped_out', '==', true)),
		weight: 3,
		reviewBy: REVIEW
	},
	{
		id: 'money_worries',
		name: 'Geldzorgen thuis',
		kind: 'risk',
		description: 'Het gezin heeft schulden of krijgt schuldhulp.',
		rationale: 'Geldzorgen thuis maken het moeilijker om mee te doen, bijvoorbeeld aan sport.',
		evidence: 'Gratis sportpas: jongeren noemden kosten als reden om niet bij een club te gaan.',
		sourceIdeas: [DEMO_IDEAS.sportPass],
		condition: is('debts_at_home', '==', true),
		weight: 1.5,
		reviewBy: REVIEW
	},
	{
		id: 'lonely_alone',
		name: 'Eenzaam en nergens bij',
		kind: 'risk',
		description: 'De jongere voelt zich vaak eenzaam (6 of meer op 10) en is geen lid van een club en doet geen vrijwilligerswerk.',
		rationale: 'Eenzaamheid zonder plek om mee te doen kan leiden tot terugtrekken.',
		evidence: 'Chat met jongerenwerkers: jongeren willen praten als ze zich alleen voelen.',
		sourceIdeas: [DEMO_IDEAS.chat, DEMO_IDEAS.buddy],
		condition: all(is('loneliness', '>=', 6), none(is('sports_club', '==', true), is('volunteer', '==', true))),
		weight: 2,
		reviewBy: REVIEW
	}
];

export const demoDraft: RuleSetDraft = {
	name: 'Samen op tijd: signalen en talenten',
	fields: demoFields,
	indicators,
	bands: [
		// Lower than any possible score: every young person gets a band.
		{ id: 'geen', label: 'geen', minScore: -10 },
		{ id: 'aandacht', label: 'aandacht', minScore: 2 },
		{ id: 'gesprek', label: 'gesprek aanbevolen', minScore: 4 }
	]
};

export const demoRuleSet: ExportedRuleSet = exportRuleSet(demoDraft, {
	id: 'demo-samen-op-tijd',
	version: 1,
	publishedAt: '2026-11-20T15:00:00.000Z',
	approvals: [
		{ organisation: 'Lumens', approvedAt: '2026-11-19T10:12:00.000Z', approvedBy: 'Demo partner Lumens' },
		{ organisation: 'GGD Brabant-Zuidoost', approvedAt: '2026-11-20T09:40:00.000Z', approvedBy: 'Demo partner GGD' }
	]
});

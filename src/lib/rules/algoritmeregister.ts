/**
 * A publication for the Dutch Algorithm Register (Algoritmeregister), filled from a published
 * rule set and the coalition's own words. The register publishes in Dutch, so the texts are
 * Dutch (B1) on purpose.
 *
 * Field names follow the register's publication standard as its delivery API, version 1.0, names
 * them ("Algoritmeregister aanlevering API, versie 1.0"; read in MinBZK/amt,
 * amt/algoritmeregister/openapi/v1_0/client/openapi_client/models/v10_algorithm.py and the enums
 * beside it): name, description_short, organization, status ("In ontwikkeling" | "In gebruik" |
 * "Buiten gebruik"), contact_email, website, publication_category ("Hoog-risico AI-systeem" |
 * "Impactvolle algoritmes" | "Overige algoritmes"), goal (doel en impact), proportionality
 * (afwegingen), human_intervention (menselijke tussenkomst), risks (risicobeheer), lawful_basis
 * (wettelijke grondslag), impacttoetsen, source_data (data en bronnen), methods_and_models
 * (werking), lang ("nld"), standard_version, tags.
 */
import type { ExportedRuleSet } from './model';
import { bandsAscending } from './aggregate';

export interface CoalitionMeta {
	/** The responsible organisation (the coalition or its lead partner). */
	organisation: string;
	partners: string[];
	contactEmail: string;
	website?: string;
	/** The coalition's statement of the legal basis; left for them to fill when absent. */
	lawfulBasis?: string;
	/** DPIA, IAMA and the like, as done. */
	impactAssessments?: string[];
	status?: 'In ontwikkeling' | 'In gebruik' | 'Buiten gebruik';
}

export interface RegisterPublication {
	name: string;
	description_short: string;
	organization: string;
	status: 'In ontwikkeling' | 'In gebruik' | 'Buiten gebruik';
	contact_email: string;
	website?: string;
	publication_category: 'Impactvolle algoritmes';
	goal: string;
	proportionality: string;
	human_intervention: string;
	risks: string;
	lawful_basis: string;
	impacttoetsen: string;
	source_data: string;
	methods_and_models: string;
	lang: 'nld';
	standard_version: '1.0';
	tags: string;
}

const list = (items: string[]) => items.map((s) => `- ${s}`).join('\n');
const num = (n: number) => String(n).replace('.', ',');

export function toAlgoritmeregister(ruleSet: ExportedRuleSet, meta: CoalitionMeta): RegisterPublication {
	const risk = ruleSet.indicators.filter((i) => i.kind === 'risk');
	const protective = ruleSet.indicators.filter((i) => i.kind === 'protective');
	const bands = bandsAscending(ruleSet.bands);
	const used = new Set(JSON.stringify(ruleSet.indicators.map((i) => i.jsonlogic)).match(/"var":"[a-z0-9_]+"/g)?.map((m) => m.slice(7, -1)));
	const fields = ruleSet.fields.filter((f) => used.has(f.key));
	const sources = [...new Set(fields.map((f) => f.source))];
	const ideas = [...new Set(ruleSet.indicators.flatMap((i) => i.sourceIdeas))];
	const reviewBy = ruleSet.indicators.map((i) => i.reviewBy).sort()[0];

	return {
		name: `${ruleSet.name} (versie ${ruleSet.version})`,
		description_short:
			`Met deze regels zien professionals eerder dat het minder goed gaat met een jongere (12 tot 23 jaar), en wat goed gaat. ` +
			`De regels tellen ${risk.length} signalen en ${protective.length} beschermende factoren, zoals talenten. ` +
			`De uitkomst is een signaal voor een gesprek met de jongere, nooit een besluit.`,
		organization: meta.organisation,
		status: meta.status ?? 'In ontwikkeling',
		contact_email: meta.contactEmail,
		...(meta.website ? { website: meta.website } : {}),
		publication_category: 'Impactvolle algoritmes',
		goal:
			`Doel: jongeren die dreigen buiten de boot te vallen eerder zien, en beginnen bij hun talenten. ` +
			`Impact: een professional krijgt een signaal om een gesprek aan te gaan en ziet de beschermende factoren om op te bouwen. ` +
			`Niemand komt op een lijst; er volgt geen maatregel zonder gesprek.`,
		proportionality:
			`De regels zijn samen met jongeren en ${meta.partners.length} partnerorganisaties gemaakt, uit ideeën die jongeren hebben getest:\n${list(ideas)}\n` +
			`Elke regel heeft een uitleg en een reden. Bijzondere persoonsgegevens (zoals afkomst, geloof of gezondheid) worden nooit gebruikt. ` +
			`Gegevens die indirect iets over afkomst of inkomen kunnen zeggen (zoals buurt of schooltype) mogen alleen met een geschreven reden, en krijgen een waarschuwing.`,
		human_intervention:
			`Een professional bespreekt het signaal altijd met de jongere en beslist zelf wat er gebeurt. ` +
			`Het signaal zegt niets over wat er moet gebeuren. De professional ziet per signaal welke gegevens het gaven en kan dat uitleggen.`,
		risks:
			`Risico op discriminatie: per groep (gender, stadsdeel, leeftijd) wordt getoond hoe vaak een signaal voorkomt; een verschil buiten 0,8 tot 1,25 keer het gemiddelde geeft een waarschuwing. ` +
			`Kleine aantallen (minder dan 10) worden niet getoond. Elke versie is goedgekeurd door ten minste twee partnerorganisaties ` +
			`(${ruleSet.approvals.map((a) => a.organisation).join(', ')}); alle wijzigingen, goedkeuringen en berekeningen staan in een logboek. ` +
			`Elke regel wordt uiterlijk ${reviewBy} opnieuw beoordeeld.`,
		lawful_basis: meta.lawfulBasis ?? 'Nog in te vullen door de verantwoordelijke organisatie.',
		impacttoetsen: (meta.impactAssessments ?? []).join(', ') || 'Nog in te vullen (bijvoorbeeld DPIA en IAMA).',
		source_data: `Gebruikte gegevens:\n${list(fields.map((f) => `${f.label} (bron: ${f.source})`))}\nBronnen: ${sources.join(', ')}.`,
		methods_and_models:
			`Een regelset, geen zelflerend model. Elke regel is een voorwaarde op de gegevens van één jongere, met een gewicht. ` +
			`Signalen tellen mee, beschermende factoren tellen af. Onbekende gegevens tellen nooit mee. De score geeft een uitkomst:\n` +
			list(bands.map((b) => `${b.label}: score ${num(b.minScore)} of hoger`)) +
			`\nDe regels:\n` +
			list(ruleSet.indicators.map((i) => `${i.name} (${i.kind === 'risk' ? 'signaal' : 'beschermend'}, gewicht ${num(i.weight)}): ${i.description}`)) +
			`\nDe regels zijn openbaar als JsonLogic (formaat ${ruleSet.format}), zodat iedereen ze kan narekenen.`,
		lang: 'nld',
		standard_version: '1.0',
		tags: 'jongeren, sociale uitsluiting, vroegsignalering, talenten'
	};
}

const HEADINGS: [keyof RegisterPublication, string][] = [
	['description_short', 'Korte omschrijving'],
	['organization', 'Organisatie'],
	['status', 'Status'],
	['goal', 'Doel en impact'],
	['proportionality', 'Afwegingen'],
	['human_intervention', 'Menselijke tussenkomst'],
	['risks', 'Risicobeheer'],
	['lawful_basis', 'Wettelijke grondslag'],
	['impacttoetsen', 'Impacttoetsen'],
	['source_data', 'Data en bronnen'],
	['methods_and_models', 'Werking'],
	['contact_email', 'Contact']
];

/** The publication as Markdown, with the register's Dutch headings. */
export function registerMarkdown(p: RegisterPublication): string {
	return [`# ${p.name}`, ...HEADINGS.map(([key, title]) => `## ${title}\n\n${p[key]}`)].join('\n\n') + '\n';
}

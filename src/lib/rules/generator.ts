/**
 * Synthetic young people (12–23) in Eindhoven's seven districts, for trying a rule set without
 * personal data. The fields hang together the way they tend to in reality (one hidden "strain"
 * per person, higher in some neighbourhoods and with debts at home, lowers attendance and raises
 * absence, drop-out, youth care contact and loneliness; a hidden "support" raises club membership,
 * volunteering and having a trusted adult), and some answers are missing, as in real sources.
 * The neighbourhood levels are made up for the demo: they describe no real neighbourhood.
 *
 * Seedable and reproducible: the same seed gives the same records everywhere, because only
 * +, *, / and comparisons are used (no Math.exp/log/cos, whose last digit may differ per engine).
 */
import type { DataRecord, FieldDef } from './model';

/** District -> neighbourhoods with a made-up strain level 0..1 (not data about the real place). */
export const EINDHOVEN: Record<string, [string, number][]> = {
	Centrum: [['Binnenstad', 0.35], ['Bergen', 0.3], ['Witte Dame', 0.3], ['Fellenoord', 0.55], ['Elzent-Noord', 0.3]],
	Stratum: [['Kortonjo', 0.3], ['Tivoli', 0.55], ['Looiakkers', 0.6], ['Gildebuurt', 0.45], ['Putten', 0.6]],
	Tongelre: [['Doornakkers', 0.7], ['Lakerlopen', 0.4], ['Oud-Tongelre', 0.35], ['Karpen', 0.3], ['Urkhoven', 0.2]],
	'Woensel-Zuid': [['Woensel-West', 0.8], ['Rapenland', 0.5], ['Oude Toren', 0.45], ['Begijnenbroek', 0.4], ['Kruidenbuurt', 0.55]],
	'Woensel-Noord': [['Achtse Barrier', 0.65], ['Vaartbroek', 0.65], ['Eckart', 0.5], ['Woenselse Heide', 0.55], ['Blixembosch', 0.15]],
	Strijp: [['Philipsdorp', 0.35], ['Drents Dorp', 0.6], ['Meerhoven', 0.15], ['Strijp-S', 0.3]],
	Gestel: [['Genderbeemd', 0.55], ['Genderdal', 0.6], ['Hanevoet', 0.4], ['Oud-Gestel', 0.4]]
};
/** Relative number of young people per district (roughly the districts' sizes). */
const DISTRICT_WEIGHT: Record<string, number> = { Centrum: 6, Stratum: 14, Tongelre: 9, 'Woensel-Zuid': 16, 'Woensel-Noord': 28, Strijp: 15, Gestel: 12 };

export const DISTRICTS = Object.keys(EINDHOVEN);
export const NEIGHBOURHOODS = DISTRICTS.flatMap((d) => EINDHOVEN[d].map(([n]) => n));
export const SCHOOL_TYPES = ['praktijkonderwijs', 'vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'wo', 'geen'];
export const TALENTS = ['sport', 'muziek', 'kunst', 'techniek', 'koken', 'zorgen voor anderen', 'gamen', 'geen'];

const GGD = 'GGD jeugdmonitor';
const LEERPLICHT = 'leerplicht / schoolverzuim';

/** The demo data dictionary. Its order is the CSV column order. */
export const demoFields: FieldDef[] = [
	{ key: 'age', label: 'Leeftijd', type: 'number', unit: 'jaar', source: 'gemeente (BRP)', description: 'Leeftijd in jaren (12 tot en met 23).', sensitivity: 'normal' },
	{
		key: 'gender',
		label: 'Gender',
		type: 'category',
		values: ['jongen', 'meisje', 'anders'],
		source: 'gemeente (BRP)',
		description: 'Beschermd kenmerk. Voor de eerlijkheidstoets; in een voorwaarde alleen met een zwaarwegende reden.',
		sensitivity: 'proxy'
	},
	{ key: 'district', label: 'Stadsdeel', type: 'category', values: DISTRICTS, source: 'gemeente (BRP)', description: 'Stadsdeel van het woonadres.', sensitivity: 'proxy' },
	{ key: 'neighbourhood', label: 'Buurt', type: 'category', values: NEIGHBOURHOODS, source: 'gemeente (BRP)', description: 'Buurt van het woonadres. Kan voor afkomst of inkomen staan.', sensitivity: 'proxy' },
	{ key: 'school_type', label: 'Schooltype', type: 'category', values: SCHOOL_TYPES, source: 'DUO / leerplicht', description: 'Soort school of opleiding nu; "geen" als de jongere niet op school zit.', sensitivity: 'proxy' },
	{ key: 'attendance_pct', label: 'Aanwezigheid op school', type: 'number', unit: '%', source: LEERPLICHT, description: 'Deel van de lessen dit schooljaar waarbij de jongere er was. Leeg als de jongere niet op school zit.', sensitivity: 'normal' },
	{ key: 'absence_hours', label: 'Ongeoorloofd verzuim', type: 'number', unit: 'uur dit schooljaar', source: LEERPLICHT, description: 'Uren weg zonder geldige reden, gemeld aan leerplicht.', sensitivity: 'normal' },
	{ key: 'dropped_out', label: 'Voortijdig schoolverlaten', type: 'boolean', source: 'leerplicht / RMC', description: 'Gestopt met school zonder startkwalificatie.', sensitivity: 'normal' },
	{ key: 'neet', label: 'Geen school, werk of opleiding', type: 'boolean', source: 'gemeente (RMC)', description: '16 jaar of ouder en niet op school, niet aan het werk en niet in een opleiding.', sensitivity: 'normal' },
	{ key: 'debts_at_home', label: 'Schulden in het gezin', type: 'boolean', source: 'gemeente (schuldhulpverlening)', description: 'Het gezin krijgt schuldhulp of heeft betalingsachterstanden gemeld.', sensitivity: 'normal' },
	{ key: 'youth_care', label: 'Contact met jeugdhulp', type: 'boolean', source: 'gemeente (jeugdhulp)', description: 'Het afgelopen jaar contact met jeugdhulp of jongerenwerk.', sensitivity: 'normal' },
	{ key: 'sports_club', label: 'Lid van een sportclub', type: 'boolean', source: GGD, description: 'Lid van een sportvereniging.', sensitivity: 'normal' },
	{ key: 'volunteer', label: 'Vrijwilligerswerk', type: 'boolean', source: GGD, description: 'Doet vrijwilligerswerk.', sensitivity: 'normal' },
	{ key: 'has_job', label: 'Bijbaan of werk', type: 'boolean', source: GGD, description: 'Heeft een bijbaan of werk.', sensitivity: 'normal' },
	{ key: 'talent', label: 'Talent of hobby', type: 'category', values: TALENTS, source: 'jongerenwerk (gesprek)', description: 'Waar de jongere zelf goed in is of graag doet.', sensitivity: 'normal' },
	{ key: 'trusted_adult', label: 'Vertrouwde volwassene', type: 'boolean', source: GGD, description: 'Er is een volwassene bij wie de jongere terecht kan.', sensitivity: 'normal' },
	{ key: 'loneliness', label: 'Eenzaamheid', type: 'number', unit: 'score 0–10', source: GGD, description: 'Hoe eenzaam de jongere zich voelt, 0 (niet) tot 10 (heel erg).', sensitivity: 'normal' },
	{
		key: 'migration_background',
		label: 'Migratieachtergrond',
		type: 'category',
		values: ['Nederland', 'Europa', 'buiten Europa'],
		source: 'CBS',
		description: 'Bijzonder persoonsgegeven. Mag nooit in een voorwaarde staan; de generator maakt het niet aan.',
		sensitivity: 'special'
	}
];

/** mulberry32: a tiny, fast, seedable PRNG; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An S-curve 0..1 made of arithmetic only (reproducible everywhere), like a logistic curve. */
const chance = (x: number) => 0.5 + x / (2 * (1 + Math.abs(x)));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The generated record's columns: every demo field but the special categories. */
export const generatedKeys = demoFields.filter((f) => f.sensitivity !== 'special').map((f) => f.key);

export function generateRecords(n: number, seed: number): DataRecord[] {
	const random = mulberry32(seed);
	const yes = (p: number) => random() < p;
	/** Approximately standard normal: the sum of 12 uniforms minus 6. */
	const normal = () => {
		let s = -6;
		for (let i = 0; i < 12; i++) s += random();
		return s;
	};
	const pick = <T>(items: readonly T[], weights: readonly number[]): T => {
		let r = random() * weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
		return items[items.length - 1];
	};
	const maybe = <T>(value: T, pMissing: number): T | null => (yes(pMissing) ? null : value);

	const records: DataRecord[] = [];
	for (let i = 0; i < n; i++) {
		const district = pick(DISTRICTS, DISTRICTS.map((d) => DISTRICT_WEIGHT[d]));
		const [neighbourhood, level] = pick(EINDHOVEN[district], EINDHOVEN[district].map(() => 1));
		const age = 12 + Math.floor(random() * 12);
		const gender = pick(['jongen', 'meisje', 'anders'], [49, 49, 2]);
		const debts = yes(chance(-3.4 + 2.4 * level + 0.4 * normal()));
		const strain = normal() + 2 * (level - 0.4) + (debts ? 0.6 : 0);
		const support = normal();
		const noSurvey = yes(0.06); // a whole youth-monitor questionnaire missing

		const droppedOut = age >= 16 && yes(chance(-4.5 + 1.2 * strain));
		let school: string;
		if (droppedOut && yes(0.7)) school = 'geen';
		else if (age <= 15 || (age <= 17 && yes(0.6)))
			school = pick(['praktijkonderwijs', 'vmbo', 'havo', 'vwo'], [clamp(0.5 + strain, 0.2, 3) * 0.5, clamp(2 + strain, 0.5, 5), 2, clamp(2 - strain, 0.3, 4)]);
		else school = pick(['mbo', 'hbo', 'wo', 'geen'], [3, clamp(2 - 0.5 * strain, 0.3, 3), clamp(1.2 - 0.5 * strain, 0.1, 2), clamp(0.4 + 0.5 * strain, 0.1, 2)]);
		const inSchool = school !== 'geen';
		const hasJob = yes(chance(-0.6 + 0.3 * (age - 15) - 0.4 * strain));
		const attendance = inSchool ? Math.round(clamp(94 - 6 * strain + 4 * normal(), 20, 100)) : null;
		const absence = inSchool ? Math.round(clamp(6 + 10 * strain + 2 * strain * Math.abs(strain) + 5 * normal(), 0, 400)) : null;
		const talent = pick(TALENTS, [3, 2, 1.5, 1.5, 1, 1, 2, clamp(1 + 1.5 * strain - support, 0.3, 6)]);

		records.push({
			age,
			gender,
			district,
			neighbourhood,
			school_type: maybe(school, 0.02),
			attendance_pct: attendance === null ? null : maybe(attendance, 0.04),
			absence_hours: absence === null ? null : maybe(absence, 0.04),
			dropped_out: maybe(droppedOut, 0.03),
			neet: maybe(age >= 16 && !inSchool && !hasJob, 0.03),
			debts_at_home: maybe(debts, 0.05),
			youth_care: maybe(yes(chance(-3.6 + 1.2 * strain)), 0.04),
			sports_club: noSurvey ? null : maybe(yes(chance(0.5 - 0.5 * strain + 0.6 * support - 0.08 * (age - 12) - (debts ? 0.6 : 0))), 0.02),
			volunteer: noSurvey ? null : maybe(yes(chance(-1.6 + 0.6 * support + 0.06 * (age - 12))), 0.02),
			has_job: noSurvey ? null : maybe(hasJob, 0.02),
			talent: noSurvey ? null : maybe(talent, 0.04),
			trusted_adult: noSurvey ? null : maybe(yes(chance(1.4 + 0.9 * support - 0.6 * strain)), 0.02),
			loneliness: noSurvey ? null : maybe(Math.round(clamp(3 + 1.3 * strain - 0.9 * support + normal(), 0, 10)), 0.03)
		});
	}
	return records;
}

/**
 * Checks on what young people type. Two jobs, both about people, never about grading the text:
 * - personal data (a phone number, an e-mail address, a social handle, a likely name) is flagged so
 *   a moderator looks before the text is shown or quoted;
 * - words about self-harm, suicide, abuse or violence at home raise an alert, so someone in the room
 *   can check in. The check is deliberately broad: a false alarm costs a glance, a miss costs more.
 * Matching is on a normalised copy (lower case, no accents, letters repeated for emphasis folded),
 * because "zelfmoorddd" and "zélfmoord" must match too.
 */

export type PersonalDataFlag = 'phone' | 'email' | 'handle' | 'name';
export type CrisisCategory = 'suicide' | 'self_harm' | 'abuse' | 'violence_home';
export type CrisisList = Record<CrisisCategory, string[]>;

/**
 * The default Dutch list (patterns on normalised text; `\b` word edges). Kept here as data so a
 * coalition's safeguarding lead can replace it (MEEDOEN_CRISIS_WORDS, see crisis-config.ts).
 */
export const DEFAULT_CRISIS_WORDS: CrisisList = {
	suicide: [
		'zelfmoord',
		'suicid',
		'zelfdoding',
		'(wil|willen|wou|zou)( \\p{L}+){0,3} dood\\b',
		'dood (willen|wil|gaan)\\b',
		'niet meer (leven|willen leven|wakker worden)',
		'een eind(e)? aan (mijn|m\'n) leven',
		'ophangen',
		'van een (brug|flat|dak) springen',
		'voor de trein'
	],
	self_harm: ['snijd(en)? in', '(mezelf|mijzelf|mij zelf|me zelf) (pijn|snijden|krassen|beschadigen)', 'krassen', 'automutil', 'zelfbeschadig'],
	abuse: ['misbruik', 'aangerand', 'verkracht', 'seksueel', 'aanrak(en|ing) (terwijl|wat) ik niet wil', 'ongewenst aan(ge)?rak', 'grooming'],
	violence_home: [
		'(slaat|slaan|schopt|schoppen) (me|mij|ons)',
		'(ik word|werd|wordt) geslagen',
		'mishandel',
		'thuis (is het )?niet veilig',
		'bang (voor|van) (mijn|m\'n) (vader|moeder|stiefvader|stiefmoeder|vriend|broer|ouders)',
		'huiselijk geweld'
	]
};

/** Lower case, accents off, runs of three or more of a letter folded to one ("nooooit" -> "noit"). */
export function normaliseText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/(\p{L})\1{2,}/gu, '$1')
		.replace(/\s+/g, ' ');
}

export type CrisisMatcher = (text: string) => CrisisCategory[];

/** Builds the matcher once per list (patterns are compiled here, not per answer). */
export function crisisMatcher(list: CrisisList = DEFAULT_CRISIS_WORDS): CrisisMatcher {
	const compiled = (Object.entries(list) as [CrisisCategory, string[]][])
		.filter(([, patterns]) => patterns.length > 0)
		.map(([category, patterns]) => ({
		category,
		pattern: new RegExp(patterns.map((p) => `(?:\\b${p})`).join('|'), 'u')
	}));
	return (text) => {
		const normal = normaliseText(text);
		return compiled.filter(({ pattern }) => pattern.test(normal)).map(({ category }) => category);
	};
}

const EMAIL = /[\p{L}0-9._%+-]+\s?(@|\(at\)|\[at\])\s?[\p{L}0-9.-]+\.[a-z]{2,}/iu;
/** Dutch mobile and landline numbers, with or without +31/0031, spaces and dashes between digits. */
const PHONE = /(?:\+|00)?(?:31)?[\s-]?\(?0?\)?[\s-]?[1-9](?:[\s-]?\d){7,9}\b/;
/** Instagram / Snapchat / TikTok handles and "snap: naam". */
const HANDLE = /(?:^|\s)@[a-z0-9._]{3,}|\b(?:insta|instagram|snap|snapchat|tiktok|discord)\s*[:=]?\s*@?[a-z0-9._]{3,}/i;
/** "ik heet Sam", "mijn naam is Sam", "groetjes, Sam". */
const NAME_INTRO = /\b(?:ik heet|mijn naam is|m'n naam is|ik ben|groetjes|groeten|liefs|gr)\s*,?\s+(\p{Lu}\p{Ll}+)/u;
/** Common first names of young people in the Netherlands (CBS lists), to flag a name used mid-sentence. */
const FIRST_NAMES = new Set(
	(
		'emma julia mila tess sophie zoe sara nora yara eva liv lotte lynn noor saar anna fleur isa roos julie ' +
		'fenna nina lieke sanne femke lisa sarah fatima aya amira yasmin nour maryam salma hiba ' +
		'noah sem liam lucas daan finn levi luuk mees bram jesse milan thijs ruben sam tim lars thomas max ' +
		'stijn jayden jan tijn gijs mohammed mohamed ahmed ayoub adam yusuf omar ibrahim mustafa ali ' +
		'kevin dylan ryan jordy joey mike dennis'
	).split(' ')
);

export function personalDataFlags(text: string): PersonalDataFlag[] {
	const flags: PersonalDataFlag[] = [];
	if (EMAIL.test(text)) flags.push('email');
	if (PHONE.test(text.replace(/[()]/g, ' '))) flags.push('phone');
	if (HANDLE.test(text)) flags.push('handle');
	if (NAME_INTRO.test(text) || likelyNameMidSentence(text)) flags.push('name');
	return flags;
}

/** A capitalised word that is a common first name, not at the start of a sentence. */
function likelyNameMidSentence(text: string): boolean {
	const words = text.split(/\s+/);
	for (let i = 1; i < words.length; i++) {
		const word = words[i].replace(/[^\p{L}]/gu, '');
		if (!/^\p{Lu}/u.test(word)) continue;
		if (/[.!?]$/.test(words[i - 1])) continue;
		if (FIRST_NAMES.has(word.toLowerCase())) return true;
	}
	return false;
}

/**
 * Light language hints for B1 Dutch (plain language for most young people and many adults): long
 * sentences, long words and some officialese. Hints, never rules: the writer decides.
 */
export type B1Hint = { kind: 'sentence' | 'word' | 'jargon'; word?: string };

export const SENTENCE_WORDS = 15;
export const WORD_LETTERS = 16;
/** Officialese that has a plainer word (lower case; checked at the start of a word). */
const JARGON = ['signalering', 'interventie', 'casus', 'participatie', 'stakeholder', 'indicator', 'preventief', 'multidisciplinair', 'integraal', 'faciliteren', 'implementatie', 'doelgroep', 'cliëntsysteem', 'zorgvraag', 'aanmelding', 'verwijzing', 'inzake', 'middels', 'teneinde', 'alsmede'];

export function b1Hints(text: string): B1Hint[] {
	const hints: B1Hint[] = [];
	const sentences = text.split(/[.!?\n]+/).map((s) => s.trim()).filter(Boolean);
	if (sentences.some((s) => s.split(/\s+/).length > SENTENCE_WORDS)) hints.push({ kind: 'sentence' });
	const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
	const long = words.find((w) => w.replace(/-/g, '').length > WORD_LETTERS);
	if (long) hints.push({ kind: 'word', word: long });
	const jargon = words.find((w) => JARGON.some((j) => w.startsWith(j)));
	if (jargon) hints.push({ kind: 'jargon', word: jargon });
	return hints;
}

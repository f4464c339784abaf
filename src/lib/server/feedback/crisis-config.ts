/**
 * The crisis-word list in use: the default Dutch list (text-checks.ts), or the coalition's own from
 * a JSON file named by MEEDOEN_CRISIS_WORDS (`{ "suicide": [...], "self_harm": [...], "abuse":
 * [...], "violence_home": [...] }`, patterns on normalised text). The file replaces the default, so
 * a safeguarding lead decides the whole list; a file that cannot be read or holds a pattern that is
 * not a valid regular expression is refused with one warning, and the default list is used.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { crisisMatcher, DEFAULT_CRISIS_WORDS, type CrisisList } from './text-checks';

const Pattern = z
	.string()
	.min(2)
	.max(120)
	.refine((p) => {
		try {
			new RegExp(p, 'u');
			return true;
		} catch {
			return false;
		}
	});
const Schema = z.object({ suicide: z.array(Pattern).max(200), self_harm: z.array(Pattern).max(200), abuse: z.array(Pattern).max(200), violence_home: z.array(Pattern).max(200) }).strict();

export function loadCrisisList(path = process.env.MEEDOEN_CRISIS_WORDS, warn: (line: string) => void = console.warn): CrisisList {
	if (!path) return DEFAULT_CRISIS_WORDS;
	try {
		return Schema.parse(JSON.parse(readFileSync(path, 'utf8')));
	} catch {
		warn(`[meedoen] MEEDOEN_CRISIS_WORDS (${path}) is not a valid crisis-word list; the default Dutch list is used`);
		return DEFAULT_CRISIS_WORDS;
	}
}

/** The matcher every answer is checked with. */
export const configuredCrisis = crisisMatcher(loadCrisisList());

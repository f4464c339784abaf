import { z } from 'zod';

/**
 * The helplines on every young person's page. Kept in configuration (MEEDOEN_HELPLINES, a JSON
 * array) so a coalition elsewhere can list its own; the defaults are the Dutch national lines.
 */
export type Helpline = { name: string; phone: string; tel: string; description: { nl: string; en: string } };

export const DEFAULT_HELPLINES: Helpline[] = [
	{
		name: '113 Zelfmoordpreventie',
		phone: '113 / 0800-0113',
		tel: '0800-0113',
		description: { nl: 'Denk je aan zelfmoord? Praat erover, dag en nacht, gratis en anoniem. Chatten kan op 113.nl.', en: 'Thinking about suicide? Talk about it, day and night, free and anonymous. You can also chat at 113.nl.' }
	},
	{
		name: 'De Kindertelefoon',
		phone: '0800-0432',
		tel: '0800-0432',
		description: { nl: 'Voor alles waar je mee zit, tot 18 jaar. Gratis en anoniem, elke dag van 11 tot 21 uur. Chatten kan op kindertelefoon.nl.', en: 'About anything on your mind, up to 18. Free and anonymous, every day 11:00 to 21:00. You can also chat at kindertelefoon.nl.' }
	}
];

const Schema = z
	.array(
		z.object({
			name: z.string().min(1).max(80),
			phone: z.string().min(1).max(40),
			tel: z.string().regex(/^[0-9+\- ]{3,20}$/),
			description: z.object({ nl: z.string().max(300), en: z.string().max(300) })
		})
	)
	.min(1)
	.max(6);

/** The configured helplines; a broken setting falls back to the defaults (and says so once). */
export function loadHelplines(raw = process.env.MEEDOEN_HELPLINES, warn: (line: string) => void = console.warn): Helpline[] {
	if (!raw) return DEFAULT_HELPLINES;
	try {
		return Schema.parse(JSON.parse(raw));
	} catch {
		warn('[meedoen] MEEDOEN_HELPLINES is not a valid list of helplines; the national Dutch lines are shown instead');
		return DEFAULT_HELPLINES;
	}
}

export const helplines = loadHelplines();

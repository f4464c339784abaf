import type { ProblemMapTexts } from './model';
import { m } from '$lib/paraglide/messages.js';

/** The problem map's headings in the current language (the board keeps them as written). */
export function problemMapTexts(): ProblemMapTexts {
	return { goal: m.template_goal(), actors: m.template_actors(), steps: m.template_steps(), hmw: m.template_hmw() };
}

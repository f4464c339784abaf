import { m } from '$lib/paraglide/messages.js';

/**
 * A validated idea's evidence in words, naming what was measured: "would help" (the question the
 * validation rule prefers) or a happy face. Both used to read "positief", next to a table whose
 * "Positief" column only counts faces.
 */
export function evidenceText(idea: { n: number; positiveShare: number | null; measure: string | null; roundTitle: string }): string {
	const share = idea.positiveShare === null ? '–' : `${Math.round(idea.positiveShare * 100)}%`;
	const values = { n: idea.n, share, round: idea.roundTitle };
	return idea.measure === 'would_help' ? m.facil_report_evidence_would_help(values) : m.facil_report_evidence(values);
}

/**
 * How the facilitator's pages and the CSV name questions and answers (the young person's pages word
 * the preset questions their own way). Own questions carry their own text, in Dutch and English.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { AnswerValue, LocalText, Question, QuestionType, Reaction, WouldHelp } from './questions';

export function localText(text: LocalText | null | undefined): string {
	if (!text) return '';
	return getLocale() === 'en' ? text.en || text.nl : text.nl;
}

export function reactionLabel(reaction: Reaction): string {
	return { great: m.rounds_reaction_great, good: m.rounds_reaction_good, unsure: m.rounds_reaction_unsure, bad: m.rounds_reaction_bad }[reaction]();
}

export function wouldHelpLabel(answer: WouldHelp): string {
	return { yes: m.rounds_would_help_yes, maybe: m.rounds_would_help_maybe, no: m.rounds_would_help_no }[answer]();
}

const PRESET_LABELS: Partial<Record<QuestionType, () => string>> = {
	reaction: m.rounds_q_reaction,
	would_help: m.rounds_q_would_help,
	change: m.rounds_q_change,
	age_band: m.rounds_q_age_band
};

export function questionLabel(question: Pick<Question, 'type' | 'prompt'>): string {
	return question.prompt ? localText(question.prompt) : (PRESET_LABELS[question.type]?.() ?? question.type);
}

export function answerLabel(question: Pick<Question, 'type' | 'options'>, value: AnswerValue): string {
	switch (question.type) {
		case 'reaction':
			return reactionLabel(value as Reaction);
		case 'would_help':
			return wouldHelpLabel(value as WouldHelp);
		case 'choice':
			return localText(question.options[Number(value)]) || String(value);
		default:
			return String(value);
	}
}

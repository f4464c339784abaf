/**
 * The questions of a test round, shared by the young person's pages, the facilitator's pages and the
 * server. Preset questions carry no text of their own: their wording lives in the message files
 * (B1 Dutch, with English), so it is the same in every round and can be improved in one place.
 */

export const QUESTION_TYPES = ['reaction', 'would_help', 'change', 'choice', 'scale', 'text', 'age_band'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Per screen or idea, or once at the end. */
export type QuestionScope = 'item' | 'final';

export type LocalText = { nl: string; en: string };

export type Question = {
	id: string;
	scope: QuestionScope;
	type: QuestionType;
	/** Own questions only: presets are worded in the message files. */
	prompt: LocalText | null;
	/** Own single-choice questions only. */
	options: LocalText[];
};

/** Four faces, from happiest to unhappiest: the order is the value stored. */
export const REACTIONS = ['great', 'good', 'unsure', 'bad'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const WOULD_HELP = ['yes', 'maybe', 'no'] as const;
export type WouldHelp = (typeof WOULD_HELP)[number];
export const AGE_BANDS = ['12-15', '16-18', '19-23'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const TEXT_ANSWER_MAX = 500;
export const PROMPT_MAX = 200;
export const OPTION_MAX = 80;
export const OPTIONS_MAX = 6;
export const OWN_QUESTIONS_MAX = 5;

export type AnswerValue = string | number;

/**
 * Checks an answer against its question. Returns the value to store, or null when it is not a valid
 * answer (the caller refuses it: nothing is stored).
 */
export function parseAnswer(question: Question, raw: unknown): AnswerValue | null {
	switch (question.type) {
		case 'reaction':
			return typeof raw === 'string' && (REACTIONS as readonly string[]).includes(raw) ? raw : null;
		case 'would_help':
			return typeof raw === 'string' && (WOULD_HELP as readonly string[]).includes(raw) ? raw : null;
		case 'age_band':
			return typeof raw === 'string' && (AGE_BANDS as readonly string[]).includes(raw) ? raw : null;
		case 'scale': {
			const value = typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw) : raw;
			return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
		}
		case 'choice': {
			const value = typeof raw === 'string' && /^\d{1,2}$/.test(raw.trim()) ? Number(raw) : raw;
			return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < question.options.length ? value : null;
		}
		case 'change':
		case 'text': {
			if (typeof raw !== 'string') return null;
			const text = raw.replace(/\r\n?/g, '\n').trim();
			return text.length > 0 && text.length <= TEXT_ANSWER_MAX ? text : null;
		}
	}
}

/** A free text longer than the limit: refused with its own message, so the young person knows what to change. */
export function textTooLong(question: Pick<Question, 'type'>, raw: unknown): boolean {
	return isFreeText(question.type) && typeof raw === 'string' && raw.replace(/\r\n?/g, '\n').trim().length > TEXT_ANSWER_MAX;
}

/** Is this a free-text question (moderated, checked for personal data and crisis words)? */
export function isFreeText(type: QuestionType): boolean {
	return type === 'change' || type === 'text';
}

/** The preset questions a new round starts with: per item a reaction, "would it help", "what would you change"; at the end the age band. */
export function presetQuestions(newId: () => string): Question[] {
	return [
		{ id: newId(), scope: 'item', type: 'reaction', prompt: null, options: [] },
		{ id: newId(), scope: 'item', type: 'would_help', prompt: null, options: [] },
		{ id: newId(), scope: 'item', type: 'change', prompt: null, options: [] },
		{ id: newId(), scope: 'final', type: 'age_band', prompt: null, options: [] }
	];
}

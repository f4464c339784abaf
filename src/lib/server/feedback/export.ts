/**
 * A round's answers as CSV, one row per answer, with the small-number rules of the results page:
 * - nothing about an idea fewer than MIN_GROUP young people answered;
 * - free texts only once a moderator showed them (not new, hidden or purged ones);
 * - no final questions (the age band): joined to a person's other answers it would be a
 *   breakdown by a personal attribute that the results page only gives for groups of 5 or more;
 * - young people as J1, J2, ... numbered in a random order (not the order they sat down in, which
 *   someone in the room could match), never with the random id their run had.
 * Cells are made formula-safe by the board's CSV writer (toCsv), the one CSV writer of the app.
 */
import { toCsv } from '$lib/board/model';
import type { AnswerValue, Question } from '$lib/feedback/questions';
import { isFreeText } from '$lib/feedback/questions';
import { randomInt } from 'node:crypto';
import type { DB } from '../db';
import { roundAnswers } from './round-results';
import { MIN_GROUP } from './results';
import { roundItems, type Round } from './rounds';

export type CsvWording = {
	header: { participant: string; idea: string; question: string; answer: string };
	/** What the final questions are "about" in the idea column. */
	final: string;
	question: (question: Question) => string;
	answer: (question: Question, value: AnswerValue) => string;
};

export function resultsCsv(db: DB, round: Round, wording: CsvWording): string {
	const items = new Map(roundItems(db, round.id).map((item) => [item.id, item.text]));
	const questions = new Map(round.questions.map((q) => [q.id, q]));
	const answers = roundAnswers(db, round.id).filter((a) => a.value !== null && a.itemKey !== '');
	// Respondents per idea, counted as the results page counts them (answers other than free text).
	const respondents = new Map<string, Set<string>>();
	for (const a of answers) {
		if (isFreeText(questions.get(a.questionId)?.type ?? 'text')) continue;
		respondents.set(a.itemKey, (respondents.get(a.itemKey) ?? new Set()).add(a.participantId));
	}
	const shown = answers.filter((a) => {
		const question = questions.get(a.questionId);
		if (!question || (respondents.get(a.itemKey)?.size ?? 0) < MIN_GROUP) return false;
		return !isFreeText(question.type) || (a.moderation === 'shown' && a.purgedAt === null);
	});
	const people = [...new Set(shown.map((a) => a.participantId))];
	for (let i = people.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[people[i], people[j]] = [people[j], people[i]];
	}
	const pseudonyms = new Map(people.map((id, i) => [id, `J${i + 1}`]));
	const rows = shown
		.map((a) => [pseudonyms.get(a.participantId)!, items.get(a.itemKey) ?? '', wording.question(questions.get(a.questionId)!), wording.answer(questions.get(a.questionId)!, a.value as AnswerValue)])
		.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)));
	const { header } = wording;
	return toCsv([header.participant, header.idea, header.question, header.answer], rows);
}

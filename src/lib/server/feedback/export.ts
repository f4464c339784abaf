/**
 * A round's answers as CSV, one row per answer. Young people appear as J1, J2, ... numbered in the
 * order they first answered, so the file does not even carry the random id their run had. Free
 * texts are left out once a moderator hid them or the retention period emptied them. Cells are
 * made formula-safe by the board's CSV writer (toCsv), the one CSV writer of the app.
 */
import { toCsv } from '$lib/board/model';
import type { AnswerValue, Question } from '$lib/feedback/questions';
import { isFreeText } from '$lib/feedback/questions';
import type { DB } from '../db';
import { roundAnswers } from './round-results';
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
	const pseudonyms = new Map<string, string>();
	const rows: (string | number)[][] = [];
	for (const answer of roundAnswers(db, round.id)) {
		const question = questions.get(answer.questionId);
		if (!question || answer.value === null) continue;
		if (isFreeText(question.type) && (answer.moderation === 'hidden' || answer.purgedAt !== null)) continue;
		if (!pseudonyms.has(answer.participantId)) pseudonyms.set(answer.participantId, `J${pseudonyms.size + 1}`);
		rows.push([
			pseudonyms.get(answer.participantId)!,
			answer.itemKey ? (items.get(answer.itemKey) ?? '') : wording.final,
			wording.question(question),
			wording.answer(question, answer.value as AnswerValue)
		]);
	}
	const { header } = wording;
	return toCsv([header.participant, header.idea, header.question, header.answer], rows);
}

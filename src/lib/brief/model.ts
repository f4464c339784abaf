/**
 * The sprint brief as a Y.Doc: the long-term goal (Y.Text 'goal') and the sprint questions
 * (Y.Array 'questions' of Y.Map { id, text: Y.Text }). Shared by browser, server and tests.
 */
import * as Y from 'yjs';

export const QUESTION_MAX = 500;
export const GOAL_MAX = 2000;
export type Question = Y.Map<unknown>;

export function goal(doc: Y.Doc): Y.Text {
	return doc.getText('goal');
}

export function questions(doc: Y.Doc): Y.Array<Question> {
	return doc.getArray<Question>('questions');
}

export function questionText(q: Question): Y.Text {
	return q.get('text') as Y.Text;
}

export function questionId(q: Question): string {
	return q.get('id') as string;
}

function newQuestion(text: string, id: string = crypto.randomUUID()): Question {
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('text', new Y.Text(text.slice(0, QUESTION_MAX)));
	return map;
}

export function addQuestion(doc: Y.Doc, text: string, origin?: unknown): string {
	const q = newQuestion(text);
	doc.transact(() => questions(doc).push([q]), origin);
	return questionId(q);
}

export function removeQuestion(doc: Y.Doc, id: string, origin?: unknown) {
	const list = questions(doc);
	const index = list.toArray().findIndex((q) => questionId(q) === id);
	if (index >= 0) doc.transact(() => list.delete(index, 1), origin);
}

/**
 * Moves a question to another position. Yjs arrays cannot move, so the question is re-created
 * (same id, same text) at its new place in one transaction.
 */
export function moveQuestion(doc: Y.Doc, id: string, to: number, origin?: unknown) {
	const list = questions(doc);
	const from = list.toArray().findIndex((q) => questionId(q) === id);
	if (from < 0) return;
	const target = Math.max(0, Math.min(list.length - 1, to));
	if (target === from) return;
	doc.transact(() => {
		const text = questionText(list.get(from)).toString();
		list.delete(from, 1);
		list.insert(target, [newQuestion(text, id)]);
	}, origin);
}

/** A plain snapshot, for reports and tests. */
export function briefSnapshot(doc: Y.Doc) {
	return {
		goal: goal(doc).toString(),
		questions: questions(doc).toArray().map((q) => ({ id: questionId(q), text: questionText(q).toString() }))
	};
}

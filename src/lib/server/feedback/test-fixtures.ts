/** A sprint with three chosen ideas, a round over them, and young people answering: for the feedback tests. */
import * as Y from 'yjs';
import { createNote } from '$lib/board/model';
import { createBoard } from '../boards/service';
import { createCoalition } from '../coalitions/service';
import { insertUser, testDb } from '../db/test-db';
import { selectIdea, selectedIdeas } from '../ideas/service';
import { createSprint } from '../sprints/service';
import { findRun, finishRun, joinRound, saveAnswer } from './participation';
import { createRound, getRound, type Round } from './rounds';

export const T0 = Date.parse('2026-12-01T09:00:00Z');

export function setup() {
	const db = testDb();
	const user = insertUser(db, 'Fenna');
	const coalition = createCoalition(db, user.id, 'Coalitie');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'Sprint', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const sprintId = sprint.value.id;
	const doc = new Y.Doc();
	const author = { userId: user.id, name: 'Sanne', organisation: 'GGD' };
	const notes = ['Buddy uit de buurt', 'Talentenkaart', 'Gratis sportpas'].map((text, i) => {
		const note = createNote(doc, { x: i * 300, y: 0, text, kind: 'idea', author });
		if (!note.ok) throw new Error();
		return note.id;
	});
	const board = createBoard(db, sprintId, user.id, 'Ideeën', 'blank', Y.encodeStateAsUpdate(doc));
	if (!board.ok) throw new Error();
	for (const itemId of notes) selectIdea(db, sprintId, board.value.id, itemId, user.id);
	const selections = selectedIdeas(db, sprintId);
	return { db, user, sprintId, boardId: board.value.id, notes, selectionIds: notes.map((n) => selections.find((s) => s.itemId === n)!.id), coalitionId: coalition.value.id };
}

export function round(ctx: ReturnType<typeof setup>, extra: Record<string, unknown> = {}, now = T0): Round {
	const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'Ronde 1', ideaSelectionIds: ctx.selectionIds, ...extra }, now);
	if (!made.ok) throw new Error(made.error);
	return getRound(ctx.db, ctx.sprintId, made.value.id)!;
}

export function join(ctx: ReturnType<typeof setup>, r: Round, now = T0) {
	const run = joinRound(ctx.db, r, now);
	if (!run.ok) throw new Error(run.error);
	return findRun(ctx.db, r, run.value.token)!;
}

export const q = (r: Round, type: string) => r.questions.find((question) => question.type === type)!;

/** n young people answer "would it help" about the item, `yes` of them with yes; each gives a free text too. */
export function crowd(ctx: ReturnType<typeof setup>, r: Round, itemId: string, n: number, yes: number) {
	for (let i = 0; i < n; i++) {
		const run = join(ctx, r);
		saveAnswer(ctx.db, r, run, { itemId, questionId: q(r, 'would_help').id, value: i < yes ? 'yes' : 'no' }, T0);
		saveAnswer(ctx.db, r, run, { itemId, questionId: q(r, 'change').id, value: `tekst ${i}` }, T0);
		finishRun(ctx.db, r, run, T0);
	}
}

import { and, asc, eq, isNull } from 'drizzle-orm';
import * as Y from 'yjs';
import { applyProblemMapTemplate, type Author, type ProblemMapTexts } from '$lib/board/model';
import type { DB } from '../db';
import { boards, docUpdates } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';

export const BOARD_TITLE_MAX = 120;
export type BoardTemplate = 'blank' | 'problem_map';

export function boardDocName(sprintId: string, boardId: string) {
	return `sprints/${sprintId}/boards/${boardId}`;
}

/** A board of this sprint (never another sprint's: ids from the client are checked against it). */
export function getBoard(db: DB, sprintId: string, boardId: string) {
	return db.select().from(boards).where(and(eq(boards.id, boardId), eq(boards.sprintId, sprintId))).get() ?? null;
}

export function listBoards(db: DB, sprintId: string) {
	return db.select().from(boards).where(eq(boards.sprintId, sprintId)).orderBy(asc(boards.createdAt)).all();
}

/**
 * Creates a board. `initialState` (an encoded Y.Doc update, e.g. a template's layout) becomes the
 * first entry of the board's update log, in the same transaction as the board row.
 */
export function createBoard(
	db: DB,
	sprintId: string,
	userId: string,
	rawTitle: unknown,
	template: BoardTemplate = 'blank',
	initialState?: Uint8Array
): Result<{ id: string }> {
	const title = oneLine(rawTitle);
	if (!title) return fail('error_title_required', 'title');
	if (title.length > BOARD_TITLE_MAX) return fail('error_board_title_too_long', 'title');
	const id = newId();
	db.transaction((tx) => {
		tx.insert(boards).values({ id, sprintId, title, template, createdBy: userId }).run();
		if (initialState) tx.insert(docUpdates).values({ docName: boardDocName(sprintId, id), update: Buffer.from(initialState) }).run();
	});
	return ok({ id });
}

export function renameBoard(db: DB, sprintId: string, boardId: string, rawTitle: unknown): Result<null> {
	const title = oneLine(rawTitle);
	if (!title) return fail('error_title_required', 'title');
	if (title.length > BOARD_TITLE_MAX) return fail('error_board_title_too_long', 'title');
	const changed = db.update(boards).set({ title }).where(and(eq(boards.id, boardId), eq(boards.sprintId, sprintId))).run();
	return changed.changes === 1 ? ok(null) : fail('error_not_found');
}

export function setBoardArchived(db: DB, sprintId: string, boardId: string, archived: boolean, now = Date.now()): Result<null> {
	const changed = db
		.update(boards)
		.set({ archivedAt: archived ? new Date(now) : null })
		.where(and(eq(boards.id, boardId), eq(boards.sprintId, sprintId)))
		.run();
	return changed.changes === 1 ? ok(null) : fail('error_not_found');
}

/**
 * Locks or unlocks a board: a locked board is read-only for everyone but facilitators (the realtime
 * server enforces it; the caller tells it through `refreshAccess`). An archived board stays as it is.
 */
export function setBoardLocked(db: DB, sprintId: string, boardId: string, locked: boolean): Result<{ changed: boolean }> {
	const board = getBoard(db, sprintId, boardId);
	if (!board) return fail('error_not_found');
	if (board.archivedAt) return fail('error_board_archived');
	if (board.locked === locked) return ok({ changed: false });
	db.update(boards).set({ locked }).where(and(eq(boards.id, boardId), eq(boards.sprintId, sprintId))).run();
	return ok({ changed: true });
}

/** For the realtime upgrade: does this board exist in this sprint, and is it archived? */
export function boardState(db: DB, sprintId: string, boardId: string): 'active' | 'archived' | null {
	const board = getBoard(db, sprintId, boardId);
	if (!board) return null;
	return board.archivedAt ? 'archived' : 'active';
}

export function activeBoardCount(db: DB, sprintId: string) {
	return db.select({ id: boards.id }).from(boards).where(and(eq(boards.sprintId, sprintId), isNull(boards.archivedAt))).all().length;
}

/**
 * The board every new sprint starts with: the Design Sprint problem map (long-term goal, actors on
 * the left, steps to the goal on the right, a wall for "How might we" notes), texts in the creator's
 * language.
 */
export function createProblemMapBoard(db: DB, sprintId: string, author: Author, title: string, texts: ProblemMapTexts): Result<{ id: string }> {
	const doc = new Y.Doc();
	applyProblemMapTemplate(doc, texts, author);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return createBoard(db, sprintId, author.userId, title, 'problem_map', state);
}

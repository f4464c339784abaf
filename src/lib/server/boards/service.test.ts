import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCoalition } from '../coalitions/service';
import { boards } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { SqliteDocStore } from '../collab/doc-store';
import { createSprint } from '../sprints/service';
import { boardDocName, boardState, createBoard, getBoard, listBoards, renameBoard, setBoardArchived, setBoardLocked } from './service';

function setup() {
	const db = testDb();
	const user = insertUser(db);
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	const other = createSprint(db, user.id, { title: 'T', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok || !other.ok) throw new Error();
	return { db, user, sprintId: sprint.value.id, otherSprintId: other.value.id };
}

describe('boards', () => {
	it('are created with a title, renamed, archived and restored within their sprint', () => {
		const { db, user, sprintId } = setup();
		const before = listBoards(db, sprintId).length;
		const created = createBoard(db, sprintId, user.id, '  Schetsen   dag 2 ');
		if (!created.ok) throw new Error(created.error);
		const id = created.value.id;
		expect(getBoard(db, sprintId, id)?.title).toBe('Schetsen dag 2');
		expect(renameBoard(db, sprintId, id, 'Schetsen').ok).toBe(true);
		expect(listBoards(db, sprintId)).toHaveLength(before + 1);
		expect(boardState(db, sprintId, id)).toBe('active');
		expect(setBoardArchived(db, sprintId, id, true).ok).toBe(true);
		expect(boardState(db, sprintId, id)).toBe('archived');
		expect(setBoardArchived(db, sprintId, id, false).ok).toBe(true);
		expect(boardState(db, sprintId, id)).toBe('active');
	});

	it('are locked and unlocked (saying whether that changed anything), but not once archived', () => {
		const { db, user, sprintId } = setup();
		const created = createBoard(db, sprintId, user.id, 'Kaart');
		if (!created.ok) throw new Error();
		const id = created.value.id;
		expect(setBoardLocked(db, sprintId, id, true)).toEqual({ ok: true, value: { changed: true } });
		expect(setBoardLocked(db, sprintId, id, true)).toEqual({ ok: true, value: { changed: false } });
		expect(getBoard(db, sprintId, id)?.locked).toBe(true);
		setBoardArchived(db, sprintId, id, true);
		expect(setBoardLocked(db, sprintId, id, false)).toMatchObject({ ok: false, error: 'error_board_archived' });
		expect(getBoard(db, sprintId, id)?.locked).toBe(true);
	});

	it('refuse a missing or too long title and create nothing', () => {
		const { db, user, sprintId } = setup();
		const before = db.select().from(boards).all().length;
		expect(createBoard(db, sprintId, user.id, ' ')).toMatchObject({ ok: false, error: 'error_title_required' });
		expect(createBoard(db, sprintId, user.id, 'x'.repeat(121))).toMatchObject({ ok: false, error: 'error_board_title_too_long' });
		expect(db.select().from(boards).all()).toHaveLength(before);
	});

	it('never act on a board of another sprint (swapped ids)', () => {
		const { db, user, sprintId, otherSprintId } = setup();
		const created = createBoard(db, sprintId, user.id, 'Kaart');
		if (!created.ok) throw new Error();
		const id = created.value.id;
		expect(getBoard(db, otherSprintId, id)).toBeNull();
		expect(boardState(db, otherSprintId, id)).toBeNull();
		expect(renameBoard(db, otherSprintId, id, 'Gekaapt')).toMatchObject({ ok: false, error: 'error_not_found' });
		expect(setBoardArchived(db, otherSprintId, id, true)).toMatchObject({ ok: false, error: 'error_not_found' });
		expect(setBoardLocked(db, otherSprintId, id, true)).toMatchObject({ ok: false, error: 'error_not_found' });
		expect(getBoard(db, sprintId, id)).toMatchObject({ title: 'Kaart', locked: false });
	});

	it('store an initial state as the first entry of the board document', () => {
		const { db, user, sprintId } = setup();
		const initial = new Y.Doc();
		initial.getText('probe').insert(0, 'startinhoud');
		const created = createBoard(db, sprintId, user.id, 'Met inhoud', 'blank', Y.encodeStateAsUpdate(initial));
		if (!created.ok) throw new Error();
		const loaded = new Y.Doc();
		for (const u of new SqliteDocStore(db.$client).load(boardDocName(sprintId, created.value.id)).updates) Y.applyUpdate(loaded, u);
		expect(loaded.getText('probe').toString()).toBe('startinhoud');
	});
});

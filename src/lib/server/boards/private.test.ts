import { describe, expect, it } from 'vitest';
import { createNote, readItems, type NoteItem } from '$lib/board/model';
import { createCoalition } from '../coalitions/service';
import { coalitionMembers } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint, setSprintMember } from '../sprints/service';
import { SqliteDocStore } from '../collab/doc-store';
import { CollabServer } from '../collab/server';
import { boardDocName, createBoard } from './service';
import { forgetWaitingCounts, REVEAL_PER_PERSON, privateDocName, privateDocNames, privateModeOn, revealPrivateNotes, startPrivateMode, waitingNotes } from './private';

function world() {
	const db = testDb();
	const facilitator = insertUser(db, 'Fien');
	const coalition = createCoalition(db, facilitator.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, facilitator.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const partner = insertUser(db, 'Piet');
	db.insert(coalitionMembers).values({ coalitionId: coalition.value.id, userId: partner.id, role: 'partner' }).run();
	setSprintMember(db, sprint.value.id, partner.id, 'partner');
	const board = createBoard(db, sprint.value.id, facilitator.id, 'Kaart');
	const other = createBoard(db, sprint.value.id, facilitator.id, 'Ander');
	if (!board.ok || !other.ok) throw new Error();
	const docs = new CollabServer(new SqliteDocStore(db.$client), () => ({ status: 401, reason: 'test' }), { log: () => {} });
	forgetWaitingCounts();
	return { db, docs, sprintId: sprint.value.id, boardId: board.value.id, otherBoardId: other.value.id, facilitator, partner };
}

function write(w: ReturnType<typeof world>, userId: string, texts: string[], boardId = w.boardId) {
	w.docs.updateDocument(privateDocName(w.sprintId, boardId, userId), (doc) => {
		// What the document says about its author is not trusted at the reveal.
		for (const text of texts) createNote(doc, { x: 0, y: 0, text, kind: 'idea', author: { userId, name: 'Forged', organisation: 'Forged' } });
	});
}

const notesOn = (w: ReturnType<typeof world>, name: string) => readItems(w.docs.readDocument(name)).filter((i): i is NoteItem => i.type === 'note');

describe('private mode on a board (server)', () => {
	it('switches on, counts waiting notes per board, reveals them as their writer and switches off', () => {
		const w = world();
		startPrivateMode(w.db, w.sprintId, w.boardId);
		expect(privateModeOn(w.db, w.sprintId, w.boardId)).toBe(true);
		expect(privateModeOn(w.db, w.sprintId, w.otherBoardId)).toBe(false);
		write(w, w.partner.id, ['Een', 'Twee', '']);
		write(w, w.facilitator.id, ['Drie']);
		write(w, w.partner.id, ['Elders'], w.otherBoardId);
		expect(privateDocNames(w.db, w.docs, w.sprintId, w.boardId)).toHaveLength(2);
		expect(waitingNotes(w.db, w.docs, w.sprintId, w.boardId)).toBe(3);

		const result = revealPrivateNotes(w.db, w.docs, w.sprintId, w.boardId, (a) => `Van ${a.name}`);
		expect(result).toEqual({ ok: true, value: { notes: 3 } });
		const board = readItems(w.docs.readDocument(boardDocName(w.sprintId, w.boardId)));
		const frames = board.filter((i) => i.type === 'group').map((g) => (g.type === 'group' ? g.title : ''));
		expect(frames.sort()).toEqual(['Van Fien', 'Van Piet']);
		const notes = board.filter((i): i is NoteItem => i.type === 'note');
		expect(notes.map((n) => [n.text, n.author.name, n.createdBy]).sort()).toEqual([
			['Drie', 'Fien', w.facilitator.id],
			['Een', 'Piet', w.partner.id],
			['Twee', 'Piet', w.partner.id]
		]);
		// Emptied (the empty note too), switched off, nothing waiting; the other board untouched.
		expect(notesOn(w, privateDocName(w.sprintId, w.boardId, w.partner.id))).toEqual([]);
		expect(notesOn(w, privateDocName(w.sprintId, w.boardId, w.facilitator.id))).toEqual([]);
		expect(privateModeOn(w.db, w.sprintId, w.boardId)).toBe(false);
		expect(waitingNotes(w.db, w.docs, w.sprintId, w.boardId)).toBe(0);
		expect(notesOn(w, privateDocName(w.sprintId, w.otherBoardId, w.partner.id)).map((n) => n.text)).toEqual(['Elders']);
	});

	it('reveals late notes on a later reveal, and nothing twice', () => {
		const w = world();
		write(w, w.partner.id, ['Eerst']);
		revealPrivateNotes(w.db, w.docs, w.sprintId, w.boardId, (a) => a.name);
		write(w, w.partner.id, ['Te laat']);
		expect(waitingNotes(w.db, w.docs, w.sprintId, w.boardId, Date.now() + 10_000)).toBe(1);
		revealPrivateNotes(w.db, w.docs, w.sprintId, w.boardId, (a) => a.name);
		const texts = readItems(w.docs.readDocument(boardDocName(w.sprintId, w.boardId))).flatMap((i) => (i.type === 'note' ? [i.text] : []));
		expect(texts.sort()).toEqual(['Eerst', 'Te laat']);
	});

	it('moves at most REVEAL_PER_PERSON notes of one person per reveal; the rest wait for the next', () => {
		const w = world();
		write(w, w.partner.id, Array.from({ length: REVEAL_PER_PERSON + 3 }, (_, i) => `n${i}`));
		expect(revealPrivateNotes(w.db, w.docs, w.sprintId, w.boardId, (a) => a.name)).toEqual({ ok: true, value: { notes: REVEAL_PER_PERSON } });
		expect(notesOn(w, privateDocName(w.sprintId, w.boardId, w.partner.id))).toHaveLength(3);
		expect(revealPrivateNotes(w.db, w.docs, w.sprintId, w.boardId, (a) => a.name)).toEqual({ ok: true, value: { notes: 3 } });
	});

	it('loses nothing when the board cannot be written: the notes stay private and private mode stays on', () => {
		const w = world();
		startPrivateMode(w.db, w.sprintId, w.boardId);
		write(w, w.partner.id, ['Blijft']);
		const board = boardDocName(w.sprintId, w.boardId);
		const failing = {
			rooms: w.docs.rooms,
			readDocument: (name: string) => w.docs.readDocument(name),
			closeDocument: (name: string) => w.docs.closeDocument(name),
			updateDocument: (name: string, change: Parameters<typeof w.docs.updateDocument>[1]) => {
				if (name === board) throw new Error('disk full');
				w.docs.updateDocument(name, change);
			}
		};
		expect(() => revealPrivateNotes(w.db, failing, w.sprintId, w.boardId, (a) => a.name)).toThrow('disk full');
		expect(notesOn(w, privateDocName(w.sprintId, w.boardId, w.partner.id)).map((n) => n.text)).toEqual(['Blijft']);
		expect(privateModeOn(w.db, w.sprintId, w.boardId)).toBe(true);
	});
});

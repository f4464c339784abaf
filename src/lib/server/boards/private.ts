/**
 * Private mode on a board (see $lib/board/private-notes.ts for why the notes live in a document
 * per person). The switch is the boards.private_mode column, kept by the server; the notes are in
 * `sprints/<s>/boards/<b>/private/<userId>`, which only their writer may open.
 *
 * Late notes: a private document can be written whenever private mode is off too (a tablet that
 * was offline at the reveal sends its notes when it is back). They wait there, counted, until the
 * facilitator reveals again, which is allowed whenever notes are waiting.
 */
import { and, eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Author } from '$lib/board/model';
import { clearPrivateNotes, privateNotes, revealOnBoard, type RevealBatch } from '$lib/board/private-notes';
import type { DB } from '../db';
import { boards, users } from '../db/schema';
import { parseDocName } from '../collab/doc-name';
import type { CollabServer } from '../collab/server';
import { memberOrganisation } from '../sprints/service';
import { fail, ok, type Result } from '../result';
import { boardDocName } from './service';

/** What of the realtime server this needs (the real one, or a test's). */
export type Docs = Pick<CollabServer, 'readDocument' | 'updateDocument' | 'closeDocument' | 'rooms'>;

export function privateDocName(sprintId: string, boardId: string, userId: string) {
	return `${boardDocName(sprintId, boardId)}/private/${userId}`;
}

function prefix(sprintId: string, boardId: string) {
	return `${boardDocName(sprintId, boardId)}/private/`;
}

/** Every private document of a board that holds anything (stored), and any open one. */
export function privateDocNames(db: DB, docs: Docs, sprintId: string, boardId: string): string[] {
	const start = prefix(sprintId, boardId);
	// Ids are [a-z2-7]: the prefix holds no LIKE wildcards, but substr compares exactly anyway.
	const rows = db.$client
		.prepare<[number, string, number, string], { doc_name: string }>(
			`SELECT DISTINCT doc_name FROM doc_updates WHERE substr(doc_name, 1, ?) = ?
			 UNION SELECT doc_name FROM doc_snapshots WHERE substr(doc_name, 1, ?) = ?`
		)
		.all(start.length, start, start.length, start);
	const names = new Set(rows.map((row) => row.doc_name));
	for (const name of docs.rooms.keys()) if (name.startsWith(start)) names.add(name);
	return [...names].filter((name) => parseDocName(name)?.kind === 'private').sort();
}

export function privateModeOn(db: DB, sprintId: string, boardId: string): boolean {
	const row = db.select({ on: boards.privateMode }).from(boards).where(and(eq(boards.id, boardId), eq(boards.sprintId, sprintId))).get();
	return row?.on === true;
}

function setPrivateMode(db: DB, sprintId: string, boardId: string, on: boolean) {
	db.update(boards).set({ privateMode: on }).where(and(eq(boards.id, boardId), eq(boards.sprintId, sprintId))).run();
}

export function startPrivateMode(db: DB, sprintId: string, boardId: string) {
	setPrivateMode(db, sprintId, boardId, true);
	waitingCache.delete(boardId);
}

function withDoc<T>(docs: Docs, name: string, read: (doc: Y.Doc) => T): T {
	const doc = docs.readDocument(name);
	try {
		return read(doc);
	} finally {
		doc.destroy();
	}
}

/** Counts are asked for by every open board every few seconds: they are kept this long. */
const WAITING_TTL_MS = 2000;
const waitingCache = new Map<string, { at: number; count: number }>();

/** How many private notes of this board wait for a reveal (a count: never their text). */
export function waitingNotes(db: DB, docs: Docs, sprintId: string, boardId: string, now = Date.now()): number {
	const cached = waitingCache.get(boardId);
	if (cached && now - cached.at < WAITING_TTL_MS) return cached.count;
	let count = 0;
	for (const name of privateDocNames(db, docs, sprintId, boardId)) count += withDoc(docs, name, (doc) => privateNotes(doc).length);
	waitingCache.set(boardId, { at: now, count });
	return count;
}

function authorOf(db: DB, userId: string, sprintId: string): Author {
	const user = db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
	return { userId, name: user?.name ?? '', organisation: memberOrganisation(db, userId, sprintId) };
}

/**
 * Notes of one person moved per reveal: one person's flood cannot fill the board and block the
 * reveal for everyone (the rest keep waiting for the next reveal).
 */
export const REVEAL_PER_PERSON = 200;

/**
 * Moves every waiting private note of a board onto the board, then empties the private documents,
 * turns private mode off and closes the connections to them (4403: their pages learn private mode
 * is off). In this order, so that a failure in between may duplicate notes but never lose them.
 * The author of each note is the document's owner as the server knows them, not what it says.
 */
export function revealPrivateNotes(db: DB, docs: Docs, sprintId: string, boardId: string, frameTitle: (author: Author) => string): Result<{ notes: number }> {
	const names = privateDocNames(db, docs, sprintId, boardId);
	const batches: (RevealBatch & { name: string })[] = names.map((name) => ({
		name,
		author: authorOf(db, parseDocName(name)!.owner!, sprintId),
		notes: withDoc(docs, name, privateNotes).slice(0, REVEAL_PER_PERSON)
	}));
	let revealed = { ok: true, notes: 0, groups: [] } as ReturnType<typeof revealOnBoard>;
	if (batches.some((batch) => batch.notes.length)) {
		docs.updateDocument(boardDocName(sprintId, boardId), (doc) => {
			revealed = revealOnBoard(doc, batches, frameTitle, 'reveal');
		});
	}
	if (!revealed.ok) return fail(revealed.error === 'board_full' ? 'board_full' : 'error_bad_request');
	for (const batch of batches) {
		const ids = batch.notes.map((note) => note.id);
		docs.updateDocument(batch.name, (doc) => void clearPrivateNotes(doc, ids));
	}
	setPrivateMode(db, sprintId, boardId, false);
	waitingCache.delete(boardId);
	for (const name of names) docs.closeDocument(name);
	return ok({ notes: revealed.notes });
}

/** For tests: forget cached counts. */
export function forgetWaitingCounts() {
	waitingCache.clear();
}

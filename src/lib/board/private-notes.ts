/**
 * Private mode on a board: each person writes notes nobody else can see until the facilitator
 * reveals them. Every client of a Y.Doc receives all of it, so private notes cannot live in the
 * shared board: each person has a private document of their own
 * (`sprints/<s>/boards/<b>/private/<userId>`, opened by its owner only) in the board's format
 * (`items`, notes only: their text, kind and colour; their place in it means nothing).
 *
 * At the reveal the server moves every note into the board with `revealOnBoard` (in a free area
 * to the right of what is there: one frame per person, notes in a grid) and only then deletes
 * them from the private documents with `clearPrivateNotes`. A crash in between may duplicate a
 * note, never lose one. Deleting (rather than dropping the stored document) matters: a tablet
 * that was offline still holds the revealed notes, and merging its copy must not bring them back.
 */
import type * as Y from 'yjs';
import { absolutePosition, createGroup, createNote, GRID, items, itemCount, MAX_ITEMS, readItems, SIZES, type Author, type BoardError, type NoteColor, type NoteItem, type NoteKind } from './model';

export type PrivateNote = { id: string; text: string; kind: NoteKind; color: NoteColor };
/** One person's notes to reveal; `author` is the server's word (the account), not the document's. */
export type RevealBatch = { author: Author; notes: PrivateNote[] };
export type Revealed = { ok: true; notes: number; groups: string[] } | BoardError;

/** Columns of notes in one person's frame, and frames per row at most. */
const FRAME_COLUMNS = 4;

/** The notes of a private document worth revealing (an empty note is not), oldest first. */
export function privateNotes(doc: Y.Doc): PrivateNote[] {
	return readItems(doc)
		.filter((item): item is NoteItem => item.type === 'note' && item.text.trim() !== '')
		.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
		.map(({ id, text, kind, color }) => ({ id, text, kind, color }));
}

/** Where new content can go without covering anything: right of everything, level with the top. */
export function freeArea(doc: Y.Doc): { x: number; y: number } {
	let right = -Infinity;
	let top = Infinity;
	for (const item of readItems(doc)) {
		const at = absolutePosition(doc, item.id);
		right = Math.max(right, at.x + item.width);
		top = Math.min(top, at.y);
	}
	if (right === -Infinity) return { x: 0, y: 0 };
	const snap = (value: number) => Math.ceil(value / GRID) * GRID;
	return { x: snap(right) + 4 * GRID, y: snap(top) };
}

/**
 * Puts revealed notes on the board in one transaction: a frame per person titled `frameTitle`
 * (people sorted by organisation, then name; frames in rows), their notes in a grid inside, each
 * note keeping its text, kind and colour with the person as author. Refused whole (nothing
 * changes) when the board would hold more than MAX_ITEMS items.
 */
export function revealOnBoard(doc: Y.Doc, batches: RevealBatch[], frameTitle: (author: Author) => string, origin?: unknown): Revealed {
	const people = batches
		.filter((batch) => batch.notes.length)
		.sort((a, b) => a.author.organisation.localeCompare(b.author.organisation) || a.author.name.localeCompare(b.author.name));
	const count = people.reduce((sum, batch) => sum + batch.notes.length, 0);
	if (!count) return { ok: true, notes: 0, groups: [] };
	if (itemCount(doc) + count + people.length > MAX_ITEMS) return { ok: false, error: 'board_full' };

	const { width: w, height: h } = SIZES.note;
	const start = freeArea(doc);
	const perRow = Math.ceil(Math.sqrt(people.length));
	const groups: string[] = [];
	doc.transact(() => {
		let x = start.x;
		let y = start.y;
		let rowHeight = 0;
		people.forEach((batch, i) => {
			if (i > 0 && i % perRow === 0) {
				x = start.x;
				y += rowHeight + 2 * GRID;
				rowHeight = 0;
			}
			const columns = Math.min(FRAME_COLUMNS, batch.notes.length);
			const width = columns * (w + GRID) + GRID;
			const height = 3 * GRID + Math.ceil(batch.notes.length / columns) * (h + GRID);
			const group = createGroup(doc, { x, y, width, height, title: frameTitle(batch.author), author: batch.author });
			if (!group.ok) throw new Error(group.error);
			groups.push(group.id);
			batch.notes.forEach((note, n) => {
				const at = { x: GRID + (n % columns) * (w + GRID), y: 3 * GRID + Math.floor(n / columns) * (h + GRID) };
				const created = createNote(doc, { ...at, parentId: group.id, text: note.text, kind: note.kind, color: note.color, author: batch.author });
				if (!created.ok) throw new Error(created.error);
			});
			x += width + 2 * GRID;
			rowHeight = Math.max(rowHeight, height);
		});
	}, origin);
	return { ok: true, notes: count, groups };
}

/**
 * Deletes revealed notes from a private document, by id (a note written since then stays), and
 * the empty ones with them.
 */
export function clearPrivateNotes(doc: Y.Doc, ids: string[], origin?: unknown): number {
	const all = items(doc);
	const empty = readItems(doc).filter((item) => item.type !== 'note' || item.text.trim() === '').map((item) => item.id);
	const present = [...ids, ...empty].filter((id) => all.has(id));
	if (present.length) doc.transact(() => present.forEach((id) => all.delete(id)), origin);
	return present.length;
}

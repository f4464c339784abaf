import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { absolutePosition, applyProblemMapTemplate, createNote, itemCount, MAX_ITEMS, readItems, SIZES, type Author, type GroupItem, type NoteItem } from './model';
import { clearPrivateNotes, freeArea, privateNotes, revealOnBoard, type RevealBatch } from './private-notes';

const ana: Author = { userId: 'u-ana', name: 'Ana', organisation: 'Gemeente Utrecht' };
const bo: Author = { userId: 'u-bo', name: 'Bo', organisation: 'Academie' };
const texts = { goal: 'Doel', actors: 'Actoren', steps: 'Stappen', hmw: 'HZW' };
const title = (a: Author) => `${a.name} (${a.organisation})`;

function privateDoc(author: Author, notes: { text: string; kind?: 'idea' | 'hmw'; color?: 'pink' }[]) {
	const doc = new Y.Doc();
	for (const note of notes) createNote(doc, { x: 0, y: 0, author, ...note });
	return doc;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('private notes', () => {
	it('reads the notes worth revealing, oldest first, skipping empty ones and other items', () => {
		const doc = privateDoc(ana, [{ text: 'Eerste' }, { text: '   ' }, { text: 'Tweede', kind: 'idea', color: 'pink' }]);
		expect(privateNotes(doc).map(({ text, kind, color }) => ({ text, kind, color }))).toEqual([
			{ text: 'Eerste', kind: 'note', color: 'yellow' },
			{ text: 'Tweede', kind: 'idea', color: 'pink' }
		]);
	});

	it('finds free room to the right of everything on the board, or the origin on an empty board', () => {
		expect(freeArea(new Y.Doc())).toEqual({ x: 0, y: 0 });
		const board = new Y.Doc();
		applyProblemMapTemplate(board, texts, ana);
		createNote(board, { x: 1700, y: -50, author: ana });
		const at = freeArea(board);
		expect(at.x).toBeGreaterThanOrEqual(1700 + SIZES.note.width);
		expect(at.y).toBe(-40);
	});

	it('reveals each person into a frame of their own, with author, organisation, kind and colour, covering nothing', () => {
		const board = new Y.Doc();
		applyProblemMapTemplate(board, texts, ana);
		const before = readItems(board).map((item) => ({ ...item, ...absolutePosition(board, item.id) }));
		const batches: RevealBatch[] = [
			{ author: bo, notes: privateNotes(privateDoc(bo, [{ text: 'Bo 1' }, { text: 'Bo 2', kind: 'hmw' }])) },
			{ author: ana, notes: privateNotes(privateDoc(ana, Array.from({ length: 6 }, (_, i) => ({ text: `Ana ${i}`, kind: 'idea' as const, color: 'pink' as const })))) },
			{ author: { userId: 'u-cy', name: 'Cy', organisation: 'GGD' }, notes: [] }
		];
		const result = revealOnBoard(board, batches, title, 'server');
		expect(result).toMatchObject({ ok: true, notes: 8 });
		if (!result.ok) throw new Error();
		const all = readItems(board);
		const frames = result.groups.map((id) => all.find((item) => item.id === id) as GroupItem);
		// Sorted by organisation (Academie before Gemeente); nobody gets an empty frame.
		expect(frames.map((f) => f.title)).toEqual(['Bo (Academie)', 'Ana (Gemeente Utrecht)']);
		// Notes written in the same millisecond have no order of their own: compared by text.
		const inFrame = (id: string) => all.filter((item): item is NoteItem => item.type === 'note' && item.parentId === id).sort((a, b) => a.text.localeCompare(b.text));
		expect(inFrame(frames[0].id).map((n) => [n.text, n.kind, n.author.name, n.author.organisation, n.createdBy])).toEqual([
			['Bo 1', 'note', 'Bo', 'Academie', 'u-bo'],
			['Bo 2', 'hmw', 'Bo', 'Academie', 'u-bo']
		]);
		const anas = inFrame(frames[1].id);
		expect(anas).toHaveLength(6);
		expect(anas.every((n) => n.kind === 'idea' && n.color === 'pink' && n.author.organisation === 'Gemeente Utrecht')).toBe(true);
		// Notes sit inside their frame and not on each other; frames cover nothing that was there.
		for (const frame of frames) {
			const notes = inFrame(frame.id);
			for (const n of notes) {
				expect(n.x >= 0 && n.y >= 0 && n.x + n.width <= frame.width && n.y + n.height <= frame.height).toBe(true);
				for (const other of notes) if (other !== n) expect(overlaps(n, other)).toBe(false);
			}
			for (const old of before) expect(overlaps(frame, old)).toBe(false);
		}
		expect(overlaps(frames[0], frames[1])).toBe(false);
	});

	it('changes nothing when there is nothing to reveal, and refuses whole when the board would overflow', () => {
		const board = new Y.Doc();
		expect(revealOnBoard(board, [{ author: ana, notes: [] }], title)).toEqual({ ok: true, notes: 0, groups: [] });
		expect(itemCount(board)).toBe(0);
		const many = Array.from({ length: MAX_ITEMS }, (_, i) => ({ id: `n${i}`, text: 'x', kind: 'note' as const, color: 'yellow' as const }));
		expect(revealOnBoard(board, [{ author: ana, notes: many }], title)).toEqual({ ok: false, error: 'board_full' });
		expect(itemCount(board)).toBe(0);
	});

	it('clears revealed and empty notes but keeps a note written after the reveal began (an offline tablet)', () => {
		const server = privateDoc(ana, [{ text: 'Gezien' }, { text: '' }]);
		const tablet = new Y.Doc();
		Y.applyUpdate(tablet, Y.encodeStateAsUpdate(server));
		const revealed = privateNotes(server).map((n) => n.id);
		createNote(tablet, { x: 0, y: 0, text: 'Later', author: ana });
		expect(clearPrivateNotes(server, revealed)).toBe(2);
		expect(clearPrivateNotes(server, revealed)).toBe(0);
		// The tablet comes back: its late note arrives, the revealed one does not come back.
		Y.applyUpdate(server, Y.encodeStateAsUpdate(tablet));
		Y.applyUpdate(tablet, Y.encodeStateAsUpdate(server));
		expect(privateNotes(server).map((n) => n.text)).toEqual(['Later']);
		expect(privateNotes(tablet).map((n) => n.text)).toEqual(['Later']);
	});
});

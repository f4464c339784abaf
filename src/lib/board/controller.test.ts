import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardController, type Rect } from './controller.svelte';
import { absolutePosition, createGroup, createNote, readItem, type Author } from './model';

const ana: Author = { userId: 'u-ana', name: 'Ana', organisation: 'GGD' };

function boxOf(doc: Y.Doc, id: string): Rect {
	const item = readItem(doc, id)!;
	return { x: item.x, y: item.y, width: item.width, height: item.height };
}

const inside = (r: Rect, area: Rect) => r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('new items go where they can be seen', () => {
	it('places new notes inside the open part of the view, next to each other, also when the notes there do not line up', () => {
		const doc = new Y.Doc();
		// A note already in the middle of the view, off the grid the new ones are first tried on.
		const old = createNote(doc, { x: 190, y: 90, text: 'er al', author: ana });
		if (!old.ok) throw new Error(old.error);
		const board = new BoardController(doc, ana, { readOnly: () => false, locked: () => false, facilitator: false, controlsUrl: '' });
		const area: Rect = { x: 0, y: 0, width: 600, height: 400 };
		const centre = { x: area.width / 2, y: area.height / 2 };
		const made = [0, 1, 2].map(() => board.add('note', centre, { within: area })!);
		const boxes = [boxOf(doc, old.id), ...made.map((id) => boxOf(doc, id))];
		for (const box of boxes.slice(1)) expect(inside(box, area), JSON.stringify(box)).toBe(true);
		for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${i} and ${j}`).toBe(false);

		// No room left in view: the nearest free place next to it (the board then brings it into view).
		const small: Rect = { x: 180, y: 80, width: 240, height: 180 };
		const outside = boxOf(doc, board.add('note', { x: 300, y: 170 }, { within: small })!);
		expect(inside(outside, small)).toBe(false);
		for (const box of boxes) expect(overlap(outside, box)).toBe(false);
		board.destroy();
	});

	it('without a view, goes round the spot as before', () => {
		const doc = new Y.Doc();
		const board = new BoardController(doc, ana, { readOnly: () => false, locked: () => false, facilitator: false, controlsUrl: '' });
		const first = boxOf(doc, board.add('note', { x: 0, y: 0 })!);
		const second = boxOf(doc, board.add('note', { x: 0, y: 0 })!);
		expect(first).toMatchObject({ x: -100, y: -70 });
		expect(overlap(first, second)).toBe(false);
		expect(second.y).toBe(first.y);
		board.destroy();
	});

	it('puts a new note wholly inside or wholly outside a frame, never half over its edge', () => {
		const doc = new Y.Doc();
		const goal = createGroup(doc, { x: 0, y: 0, width: 600, height: 200, title: 'Doel', author: ana });
		if (!goal.ok) throw new Error(goal.error);
		const board = new BoardController(doc, ana, { readOnly: () => false, locked: () => false, facilitator: false, controlsUrl: '' });
		// The middle of the view is on the frame's lower edge.
		const area: Rect = { x: 0, y: 0, width: 600, height: 600 };
		const frame = { x: 0, y: 0, width: 600, height: 200 };
		for (let i = 0; i < 3; i++) {
			const id = board.add('note', { x: 300, y: 200 }, { within: area })!;
			const box = { ...boxOf(doc, id), ...absolutePosition(doc, id) };
			expect(inside(box, area), JSON.stringify(box)).toBe(true);
			expect(!overlap(box, frame) || inside(box, frame), JSON.stringify(box)).toBe(true);
		}
		board.destroy();
	});
});

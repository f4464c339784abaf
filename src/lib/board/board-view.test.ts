import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardView } from './board-view.svelte';
import { createGroup, createNote, items, moveItem, readItem, setText, type Author, type BoardNode } from './model';

const ana: Author = { userId: 'u-ana', name: 'Ana', organisation: 'GGD' };

function view(doc: Y.Doc, canEdit = true, origin: unknown = { me: 'ana' }) {
	return new BoardView(doc, { origin, canEdit: () => canEdit, describe: (item) => item.type });
}

function id(result: ReturnType<typeof createNote>) {
	if (!result.ok) throw new Error(result.error);
	return result.id;
}

describe('board view (the doc as xyflow nodes)', () => {
	it('re-derives only the items that changed, keeping the others as they were', () => {
		const doc = new Y.Doc();
		const a = id(createNote(doc, { x: 0, y: 0, text: 'a', author: ana }));
		const b = id(createNote(doc, { x: 300, y: 0, text: 'b', author: ana }));
		const v = view(doc);
		const [na, nb] = v.nodes;
		setText(doc, b, 'b, langer');
		expect(v.nodes[0]).toBe(na);
		expect(v.nodes[1]).not.toBe(nb);
		expect(v.nodes[1].data.item).toMatchObject({ text: 'b, langer' });
		expect(v.nodes.map((n) => n.id)).toEqual([a, b]);
		v.destroy();
	});

	it('keeps the selection when someone else changes the item', () => {
		const doc = new Y.Doc();
		const a = id(createNote(doc, { x: 0, y: 0, author: ana }));
		const v = view(doc);
		v.select([a]);
		moveItem(doc, a, 50, 60, 'remote');
		expect(v.nodes[0]).toMatchObject({ selected: true, position: { x: 50, y: 60 } });
		expect(v.selectedIds).toEqual([a]);
		v.destroy();
	});

	it('puts frames before their contents, and frames under notes', () => {
		const doc = new Y.Doc();
		const n = id(createNote(doc, { x: 0, y: 0, author: ana }));
		const g = id(createGroup(doc, { x: 0, y: 0, author: ana }));
		const inside = id(createNote(doc, { x: 10, y: 40, author: ana, parentId: g }));
		const v = view(doc);
		expect(v.nodes.map((node) => node.id)).toEqual([g, n, inside]);
		expect(v.nodes[0]).toMatchObject({ type: 'frame', draggable: false });
		v.select([g]);
		expect(v.nodes[0]).toMatchObject({ draggable: true });
		v.destroy();
	});

	it('writes moves made in xyflow into the doc with this person’s origin', () => {
		const doc = new Y.Doc();
		const origin = { me: 'ana' };
		const a = id(createNote(doc, { x: 0, y: 0, author: ana }));
		const v = view(doc, true, origin);
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		v.setNodes(v.nodes.map((n): BoardNode => ({ ...n, position: { x: 40, y: 20 } })));
		expect(readItem(doc, a)).toMatchObject({ x: 40, y: 20 });
		expect(origins).toEqual([origin]);
		v.destroy();
	});

	it('an observer moves nothing', () => {
		const doc = new Y.Doc();
		const a = id(createNote(doc, { x: 0, y: 0, author: ana }));
		const v = view(doc, false);
		expect(v.nodes[0]).toMatchObject({ draggable: false, deletable: false, connectable: false });
		v.setNodes(v.nodes.map((n): BoardNode => ({ ...n, position: { x: 40, y: 20 } })));
		expect(readItem(doc, a)).toMatchObject({ x: 0, y: 0 });
		v.destroy();
	});

	it('sends a drag to the others while it happens, and keeps the local position meanwhile', async () => {
		const doc = new Y.Doc();
		const a = id(createNote(doc, { x: 0, y: 0, author: ana }));
		const v = view(doc);
		v.setNodes(v.nodes.map((n): BoardNode => ({ ...n, position: { x: 100, y: 100 }, dragging: true })));
		expect(readItem(doc, a)).toMatchObject({ x: 0 });
		// A remote change to the dragged note does not throw it back while it is held.
		items(doc).get(a)!.set('z', 99);
		expect(v.nodes[0].position).toEqual({ x: 100, y: 100 });
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(readItem(doc, a)).toMatchObject({ x: 100, y: 100 });
		v.destroy();
	});
});

describe('board view: order', () => {
	it('sorts again when an item moves into a frame, and not for a plain move', () => {
		const doc = new Y.Doc();
		const n = id(createNote(doc, { x: 600, y: 0, author: ana }));
		const g = id(createGroup(doc, { x: 0, y: 0, author: ana }));
		const v = view(doc);
		expect(v.nodes.map((node) => node.id)).toEqual([g, n]);
		const before = v.nodes;
		moveItem(doc, n, 10, 10);
		expect(v.nodes.map((node) => node.id)).toEqual([g, n]);
		expect(v.nodes[0]).toBe(before[0]);
		items(doc).get(n)!.set('parentId', g);
		expect(v.nodes.map((node) => node.id)).toEqual([g, n]);
		expect(v.nodes[1]).toMatchObject({ parentId: g });
		v.destroy();
	});

	describe('remote changes', () => {
		afterEach(() => vi.unstubAllGlobals());

		it('are applied once per animation frame, together; own changes at once', () => {
			const frames: FrameRequestCallback[] = [];
			vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
			vi.stubGlobal('cancelAnimationFrame', () => {});
			const mine = new Y.Doc();
			const theirs = new Y.Doc();
			const a = id(createNote(mine, { x: 0, y: 0, author: ana }));
			const b = id(createNote(mine, { x: 300, y: 0, author: ana }));
			Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
			const v = view(mine);
			const sync = () => Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)), 'provider');

			moveItem(theirs, a, 50, 60);
			sync();
			moveItem(theirs, b, 70, 80);
			sync();
			expect(v.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 300, y: 0 }]);
			expect(frames).toHaveLength(1);
			frames[0](0);
			expect(v.nodes.map((n) => n.position)).toEqual([{ x: 50, y: 60 }, { x: 70, y: 80 }]);

			moveItem(mine, a, 5, 5, { me: 'ana' });
			expect(v.nodes[0].position).toEqual({ x: 5, y: 5 });
			v.destroy();
		});
	});
});

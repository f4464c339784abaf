import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, readThreads, setResolved } from './comments';
import {
	addBlock,
	addScreen,
	BACK,
	blockText,
	deleteBlock,
	deleteScreen,
	duplicateScreen,
	linksOf,
	moveBlock,
	moveBlockTo,
	moveScreen,
	readScreens,
	renameScreen,
	screenOfBlock,
	setBlock,
	setStart,
	startScreen,
	TEXT_MAX
} from './model';
import { applySnapshot, parseSnapshot, snapshotStart, toSnapshot } from './snapshot';
import { applyTemplate, TEMPLATES } from './templates';

const me = { person: 'a' };

function twoScreens() {
	const doc = new Y.Doc();
	const a = addScreen(doc, 'Start', me, { blocks: [{ type: 'heading', text: 'Hoi' }] });
	const b = addScreen(doc, 'Twee', me);
	if (!a.ok || !b.ok) throw new Error('no screens');
	return { doc, a: a.id, b: b.id };
}

function sync(from: Y.Doc, to: Y.Doc) {
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('prototype model', () => {
	it('adds, renames, reorders, duplicates and deletes screens; the first is the start', () => {
		const { doc, a, b } = twoScreens();
		expect(readScreens(doc).map((s) => s.name)).toEqual(['Start', 'Twee']);
		expect(startScreen(doc)).toBe(a);
		renameScreen(doc, b, 'Tweede', me);
		expect(moveScreen(doc, b, -1, me)).toBe(true);
		expect(readScreens(doc).map((s) => s.name)).toEqual(['Tweede', 'Start']);
		expect(moveScreen(doc, b, -1, me)).toBe(false);
		const copy = duplicateScreen(doc, a, 'Start (kopie)', me);
		expect(copy.ok).toBe(true);
		const screens = readScreens(doc);
		expect(screens.map((s) => s.name)).toEqual(['Tweede', 'Start', 'Start (kopie)']);
		expect(screens[2].blocks[0].text).toBe('Hoi');
		expect(screens[2].blocks[0].id).not.toBe(screens[1].blocks[0].id);
		setStart(doc, b, me);
		expect(startScreen(doc)).toBe(b);
		deleteScreen(doc, b, me);
		expect(startScreen(doc)).toBe(a);
	});

	it('adds blocks, edits them, moves them by keyboard steps and by dragging to a place', () => {
		const { doc, a } = twoScreens();
		const t = addBlock(doc, a, { type: 'text', text: 'Tekst' }, me);
		const btn = addBlock(doc, a, { type: 'button', text: 'Verder' }, me);
		if (!t.ok || !btn.ok) throw new Error('no blocks');
		expect(readScreens(doc)[0].blocks.map((x) => x.type)).toEqual(['heading', 'text', 'button']);
		moveBlock(doc, a, btn.id, -1, me);
		expect(readScreens(doc)[0].blocks.map((x) => x.type)).toEqual(['heading', 'button', 'text']);
		moveBlockTo(doc, a, btn.id, 0, me);
		expect(readScreens(doc)[0].blocks.map((x) => x.type)).toEqual(['button', 'heading', 'text']);
		moveBlockTo(doc, a, btn.id, 5, me);
		expect(readScreens(doc)[0].blocks.map((x) => x.type)).toEqual(['heading', 'text', 'button']);
		blockText(doc, a, t.id, 'text')!.insert(0, 'Nieuwe ');
		expect(readScreens(doc)[0].blocks[1].text).toBe('Nieuwe Tekst');
		expect(screenOfBlock(doc, btn.id)).toBe(a);
		deleteBlock(doc, a, t.id, me);
		expect(readScreens(doc)[0].blocks).toHaveLength(2);
	});

	it('keeps one block when two people move it at once (no duplicates)', () => {
		const { doc, a } = twoScreens();
		const x = addBlock(doc, a, { type: 'text', text: 'x' }, me);
		addBlock(doc, a, { type: 'text', text: 'y' }, me);
		if (!x.ok) throw new Error();
		const other = new Y.Doc();
		sync(doc, other);
		moveBlock(doc, a, x.id, 1, me);
		moveBlockTo(other, a, x.id, 0, me);
		sync(doc, other);
		sync(other, doc);
		expect(readScreens(doc)[0].blocks).toHaveLength(3);
		expect(readScreens(doc)).toEqual(readScreens(other));
	});

	it('finds links, and a link to a deleted screen reads as broken', () => {
		const { doc, a, b } = twoScreens();
		const go = addBlock(doc, a, { type: 'button', text: 'Naar twee', target: b }, me);
		addBlock(doc, b, { type: 'button', text: 'Terug', target: BACK }, me);
		addBlock(doc, b, { type: 'tabs', items: 'Start\nTwee' }, me);
		if (!go.ok) throw new Error();
		let links = linksOf(readScreens(doc));
		expect(links.map((l) => [l.screenId, l.target, l.broken])).toEqual([
			[a, b, false],
			[b, a, false]
		]);
		deleteScreen(doc, b, me);
		links = linksOf(readScreens(doc));
		expect(links).toEqual([expect.objectContaining({ blockId: go.id, target: b, broken: true })]);
		setBlock(doc, a, go.id, 'target', null, me);
		expect(linksOf(readScreens(doc))).toEqual([]);
	});

	it('reads a hostile document defensively: wrong types are ignored, texts are capped', () => {
		const { doc, a } = twoScreens();
		doc.getMap('screens').set('junk', 'not a map' as never);
		const screen = doc.getMap('screens').get(a) as Y.Map<Y.Map<unknown>>;
		const bad = new Y.Map<unknown>();
		bad.set('type', 'script');
		(screen.get('blocks') as Y.Map<unknown>).set('bad', bad);
		const long = addBlock(doc, a, { type: 'heading', text: 'x' }, me);
		if (!long.ok) throw new Error();
		blockText(doc, a, long.id, 'text')!.insert(0, 'y'.repeat(500));
		const blocks = readScreens(doc).find((s) => s.id === a)!.blocks;
		expect(blocks.map((b) => b.type)).toEqual(['heading', 'heading']);
		expect(blocks[1].text).toHaveLength(TEXT_MAX.heading);
	});

	it('undoes only one person\'s changes', () => {
		const { doc, a } = twoScreens();
		const mine = { person: 'me' };
		const theirs = { person: 'them' };
		const undo = new Y.UndoManager([doc.getMap('screens'), doc.getMap('meta')], { trackedOrigins: new Set([mine]) });
		addBlock(doc, a, { type: 'text', text: 'van mij' }, mine);
		undo.stopCapturing();
		addBlock(doc, a, { type: 'text', text: 'van hen' }, theirs);
		undo.undo();
		expect(readScreens(doc)[0].blocks.map((b) => b.text)).toEqual(['Hoi', 'van hen']);
	});
});

describe('snapshots and templates', () => {
	it('round-trips a prototype through JSON and restores it into another document', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, 'signal_app');
		const snap = toSnapshot(doc);
		const parsed = parseSnapshot(JSON.parse(JSON.stringify(snap)));
		expect(parsed).toEqual(snap);
		const other = new Y.Doc();
		addScreen(other, 'Weg', me);
		applySnapshot(other, parsed!, me);
		expect(toSnapshot(other)).toEqual(snap);
	});

	it('a snapshot does not change when the document is edited later', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, 'youth_checkin');
		const snap = toSnapshot(doc);
		const frozen = JSON.stringify(snap);
		const first = snap.screens[0];
		renameScreen(doc, first.id, 'Anders', me);
		blockText(doc, first.id, first.blocks[1].id, 'text')!.insert(0, 'Nieuw: ');
		deleteScreen(doc, snap.screens[1].id, me);
		expect(JSON.stringify(snap)).toBe(frozen);
	});

	it('refuses what is not a snapshot', () => {
		expect(parseSnapshot(null)).toBeNull();
		expect(parseSnapshot({ v: 2, start: null, screens: [] })).toBeNull();
		expect(parseSnapshot({ v: 1, start: null, screens: [{ id: 'x', name: 'a', blocks: [] }] })).toBeNull();
		const doc = new Y.Doc();
		applyTemplate(doc, 'blank');
		const snap = toSnapshot(doc);
		expect(parseSnapshot({ ...snap, screens: [{ ...snap.screens[0], blocks: [{ ...snap.screens[0].blocks[0], type: 'iframe' }] }] })).toBeNull();
	});

	it('every template has linked screens, no broken links, and a start screen', () => {
		for (const name of TEMPLATES) {
			const doc = new Y.Doc();
			applyTemplate(doc, name);
			const snap = toSnapshot(doc);
			expect(snap.screens.length).toBeGreaterThan(0);
			expect(snapshotStart(snap)).toBe(snap.screens[0].id);
			expect(linksOf(snap.screens).filter((l) => l.broken)).toEqual([]);
			if (name !== 'blank') expect(linksOf(snap.screens).length).toBeGreaterThanOrEqual(snap.screens.length - 1);
		}
	});
});

describe('comments', () => {
	it('pins comments to a screen or block, replies and resolves', () => {
		const { doc, a } = twoScreens();
		const author = { userId: 'u', name: 'Pim', organisation: 'Gemeente' };
		const root = addComment(doc, { screenId: a, blockId: 'b', text: '  Te lang?  ', author }, 1)!;
		addComment(doc, { screenId: a, parentId: root, text: 'Ja, korter', author }, 2);
		expect(addComment(doc, { screenId: a, text: '   ', author })).toBeNull();
		setResolved(doc, root, true);
		const threads = readThreads(doc, a);
		expect(threads).toHaveLength(1);
		expect(threads[0]).toMatchObject({ text: 'Te lang?', blockId: 'b', resolved: true });
		expect(threads[0].replies.map((r) => r.text)).toEqual(['Ja, korter']);
	});
});

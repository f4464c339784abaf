import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	absolutePosition,
	addImportedNotes,
	applyProblemMapTemplate,
	connect,
	createGroup,
	createLabel,
	createNote,
	deleteEdge,
	deleteItems,
	duplicateItems,
	exportJson,
	exportRows,
	itemCount,
	items,
	itemText,
	MAX_ITEMS,
	moveItem,
	neutraliseCell,
	parseImport,
	readEdges,
	readItem,
	resizeItem,
	setColor,
	setEdgeLabel,
	setKind,
	setLocked,
	setParent,
	setText,
	TEXT_MAX,
	toCsv,
	toFlow,
	type Author,
	type Created
} from './model';

const ana: Author = { userId: 'u-ana', name: 'Ana', organisation: 'Gemeente Utrecht' };
const bo: Author = { userId: 'u-bo', name: 'Bo', organisation: 'GGD' };

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function id(result: Created): string {
	if (!result.ok) throw new Error(result.error);
	return result.id;
}

function note(doc: Y.Doc, x = 0, y = 0, text = '', author = ana, origin?: unknown, parentId: string | null = null) {
	return id(createNote(doc, { x, y, text, author, parentId }, origin));
}

describe('board model: items', () => {
	it('creates notes, labels and groups with their fields', () => {
		const doc = new Y.Doc();
		const n = id(createNote(doc, { x: 10, y: 20, text: 'Jongeren haken af na school', kind: 'hmw', author: ana }));
		const l = id(createLabel(doc, { x: 0, y: -100, text: 'Doel', author: bo }));
		const g = id(createGroup(doc, { x: 400, y: 0, title: 'Actoren', author: ana }));
		expect(readItem(doc, n)).toMatchObject({
			type: 'note',
			x: 10,
			y: 20,
			text: 'Jongeren haken af na school',
			kind: 'hmw',
			color: 'blue',
			author: { name: 'Ana', organisation: 'Gemeente Utrecht' },
			createdBy: 'u-ana',
			parentId: null,
			locked: false
		});
		expect(readItem(doc, l)).toMatchObject({ type: 'label', text: 'Doel', createdBy: 'u-bo' });
		expect(readItem(doc, g)).toMatchObject({ type: 'group', title: 'Actoren', width: 480, height: 360 });
		expect(itemCount(doc)).toBe(3);
		expect(itemText(doc, g)).toBeInstanceOf(Y.Text);
		// Later items are on top.
		expect(readItem(doc, g)!.z).toBeGreaterThan(readItem(doc, n)!.z);
	});

	it('sets kind and colour only to known values', () => {
		const doc = new Y.Doc();
		const n = note(doc);
		expect(setKind(doc, n, 'idea')).toBe(true);
		expect(setColor(doc, n, 'pink')).toBe(true);
		expect(setKind(doc, n, 'script' as never)).toBe(false);
		expect(setColor(doc, n, 'red' as never)).toBe(false);
		expect(readItem(doc, n)).toMatchObject({ kind: 'idea', color: 'pink' });
		const l = id(createLabel(doc, { x: 0, y: 0, author: ana }));
		expect(setKind(doc, l, 'idea')).toBe(false);
	});

	it('moves and resizes, with sizes kept within bounds', () => {
		const doc = new Y.Doc();
		const n = note(doc);
		expect(moveItem(doc, n, 40, 60)).toBe(true);
		expect(moveItem(doc, n, 40, 60)).toBe(false);
		resizeItem(doc, n, 5, 999_999);
		expect(readItem(doc, n)).toMatchObject({ x: 40, y: 60, width: 100, height: 20_000 });
	});

	it('caps text at 2,000 characters and says when it cut', () => {
		const doc = new Y.Doc();
		const n = note(doc, 0, 0, 'begin');
		expect(setText(doc, n, 'x'.repeat(TEXT_MAX + 5))).toBe(true);
		expect(readItem(doc, n)).toMatchObject({ text: 'x'.repeat(TEXT_MAX) });
		expect(setText(doc, n, 'kort')).toBe(false);
		expect(readItem(doc, n)).toMatchObject({ text: 'kort' });
		const g = id(createGroup(doc, { x: 0, y: 0, title: 'y'.repeat(TEXT_MAX + 1), author: ana }));
		expect(itemText(doc, g)!.length).toBe(TEXT_MAX);
	});

	it('setText makes one minimal change, so concurrent typing in one note merges', () => {
		const one = new Y.Doc();
		const two = new Y.Doc();
		const n = note(one, 0, 0, 'Jongeren doen mee');
		sync(one, two);
		setText(one, n, 'Alle jongeren doen mee');
		setText(two, n, 'Jongeren doen mee in de wijk');
		sync(one, two);
		expect(readItem(one, n)).toMatchObject({ text: 'Alle jongeren doen mee in de wijk' });
		expect(exportJson(one)).toEqual(exportJson(two));
	});

	it('keeps script and HTML payloads as plain text', () => {
		const doc = new Y.Doc();
		const payloads = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '"><svg onload=alert(1)>', '{{7*7}} ${1+1}'];
		const ids = payloads.map((text) => note(doc, 0, 0, text));
		const g = id(createGroup(doc, { x: 0, y: 0, title: payloads[1], author: ana }));
		const flow = toFlow(doc);
		for (const [i, nid] of ids.entries()) {
			const node = flow.nodes.find((n) => n.id === nid)!;
			expect(node.data.item).toMatchObject({ text: payloads[i] });
		}
		expect(flow.nodes.find((n) => n.id === g)!.data.item).toMatchObject({ title: payloads[1] });
		expect(exportRows(doc).map((r) => r.text)).toEqual(expect.arrayContaining(payloads));
		const parsed = parseImport(payloads.join('\n'));
		expect(parsed).toEqual({ ok: true, cut: 0, notes: payloads.map((text) => ({ text, kind: 'note', group: '' })) });
	});

	it('refuses to create more than MAX_ITEMS items', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			for (let i = 0; i < MAX_ITEMS; i++) items(doc).set(`n${i}`, new Y.Map<unknown>([['type', 'label']]));
		});
		expect(createNote(doc, { x: 0, y: 0, author: ana })).toEqual({ ok: false, error: 'board_full' });
		expect(createGroup(doc, { x: 0, y: 0, author: ana })).toEqual({ ok: false, error: 'board_full' });
		expect(duplicateItems(doc, ['n1'], { by: ana })).toEqual({ ok: false, error: 'board_full' });
		expect(itemCount(doc)).toBe(MAX_ITEMS);
	});

	it('refuses a parent that is no group', () => {
		const doc = new Y.Doc();
		const n = note(doc);
		expect(createNote(doc, { x: 0, y: 0, author: ana, parentId: n })).toEqual({ ok: false, error: 'bad_parent' });
		expect(createNote(doc, { x: 0, y: 0, author: ana, parentId: 'nope' })).toEqual({ ok: false, error: 'bad_parent' });
	});
});

describe('board model: groups', () => {
	it('setParent keeps the absolute position in and out of a group', () => {
		const doc = new Y.Doc();
		const g = id(createGroup(doc, { x: 100, y: 200, author: ana }));
		const n = note(doc, 150, 260);
		expect(setParent(doc, n, g)).toBe(true);
		expect(readItem(doc, n)).toMatchObject({ parentId: g, x: 50, y: 60 });
		expect(absolutePosition(doc, n)).toEqual({ x: 150, y: 260 });
		moveItem(doc, g, 0, 0);
		expect(absolutePosition(doc, n)).toEqual({ x: 50, y: 60 });
		expect(setParent(doc, n, null)).toBe(true);
		expect(readItem(doc, n)).toMatchObject({ parentId: null, x: 50, y: 60 });
	});

	it('nests groups but refuses cycles and non-group parents', () => {
		const doc = new Y.Doc();
		const outer = id(createGroup(doc, { x: 10, y: 10, author: ana }));
		const inner = id(createGroup(doc, { x: 50, y: 50, author: ana }));
		const n = note(doc, 60, 70);
		expect(setParent(doc, inner, outer)).toBe(true);
		expect(setParent(doc, n, inner)).toBe(true);
		expect(readItem(doc, n)).toMatchObject({ x: 10, y: 20 });
		expect(absolutePosition(doc, n)).toEqual({ x: 60, y: 70 });
		expect(setParent(doc, outer, inner)).toBe(false);
		expect(setParent(doc, outer, outer)).toBe(false);
		expect(setParent(doc, inner, n)).toBe(false);
		// Groups come before their children in the flow.
		const order = toFlow(doc).nodes.map((node) => node.id);
		expect(order.indexOf(outer)).toBeLessThan(order.indexOf(inner));
		expect(order.indexOf(inner)).toBeLessThan(order.indexOf(n));
	});

	it('reads a cycle made by two people at once as items at the root', () => {
		const one = new Y.Doc();
		const two = new Y.Doc();
		const a = id(createGroup(one, { x: 0, y: 0, author: ana }));
		const b = id(createGroup(one, { x: 500, y: 0, author: ana }));
		sync(one, two);
		expect(setParent(one, a, b)).toBe(true);
		expect(setParent(two, b, a)).toBe(true);
		sync(one, two);
		const flow = toFlow(one);
		expect(flow.nodes.map((n) => n.parentId)).toEqual([undefined, undefined]);
		expect(Number.isFinite(absolutePosition(one, a).x)).toBe(true);
	});

	it('deleting a group keeps its contents where they were, and removes attached arrows', () => {
		const doc = new Y.Doc();
		const g = id(createGroup(doc, { x: 100, y: 100, author: ana }));
		const inside = note(doc, 20, 40, 'binnen', ana, undefined, g);
		const outside = note(doc, 900, 900);
		const arrow1 = connect(doc, g, outside)!;
		const arrow2 = connect(doc, inside, outside)!;
		expect(deleteItems(doc, [g])).toEqual([g]);
		expect(readItem(doc, g)).toBeNull();
		expect(readItem(doc, inside)).toMatchObject({ parentId: null, x: 120, y: 140 });
		expect(readEdges(doc).map((e) => e.id)).toEqual([arrow2]);
		expect(arrow1).not.toBe(arrow2);
	});

	it('deleting a nested group moves its contents to the enclosing group', () => {
		const doc = new Y.Doc();
		const outer = id(createGroup(doc, { x: 100, y: 100, author: ana }));
		const inner = id(createGroup(doc, { x: 10, y: 10, author: ana, parentId: outer }));
		const n = note(doc, 5, 5, '', ana, undefined, inner);
		deleteItems(doc, [inner]);
		expect(readItem(doc, n)).toMatchObject({ parentId: outer, x: 15, y: 15 });
	});

	it('duplicates items with their group contents and the arrows between them', () => {
		const doc = new Y.Doc();
		const g = id(createGroup(doc, { x: 0, y: 0, title: 'Stappen', author: ana }));
		const a = note(doc, 10, 40, 'a', ana, undefined, g);
		const b = note(doc, 230, 40, 'b', ana, undefined, g);
		connect(doc, a, b, 'dan');
		const result = duplicateItems(doc, [g], { by: bo });
		if (!result.ok) throw new Error(result.error);
		expect(result.ids).toHaveLength(3);
		const [g2, a2, b2] = result.ids;
		expect(readItem(doc, g2)).toMatchObject({ type: 'group', title: 'Stappen', x: 20, y: 20, createdBy: 'u-bo' });
		expect(readItem(doc, a2)).toMatchObject({ text: 'a', parentId: g2, x: 10, y: 40, author: { name: 'Ana' } });
		expect(readItem(doc, b2)).toMatchObject({ text: 'b', parentId: g2 });
		expect(readEdges(doc).filter((e) => e.source === a2 && e.target === b2)).toMatchObject([{ label: 'dan' }]);
		// The copy's text is its own.
		setText(doc, a2, 'kopie');
		expect(readItem(doc, a)).toMatchObject({ text: 'a' });
		// A single note inside a group is copied into the same group, offset.
		const single = duplicateItems(doc, [a], { by: ana, offset: 40 });
		if (!single.ok) throw new Error(single.error);
		expect(readItem(doc, single.ids[0])).toMatchObject({ parentId: g, x: 50, y: 80 });
	});

	it('locked items cannot be moved, edited or deleted until unlocked', () => {
		const doc = new Y.Doc();
		const n = note(doc, 0, 0, 'vast');
		expect(setLocked(doc, [n], true)).toBe(1);
		expect(moveItem(doc, n, 50, 50)).toBe(false);
		expect(resizeItem(doc, n, 300, 300)).toBe(false);
		setText(doc, n, 'anders');
		expect(deleteItems(doc, [n])).toEqual([]);
		expect(readItem(doc, n)).toMatchObject({ x: 0, text: 'vast', locked: true });
		expect(toFlow(doc).nodes[0]).toMatchObject({ draggable: false, deletable: false });
		setLocked(doc, [n], false);
		expect(moveItem(doc, n, 50, 50)).toBe(true);
	});

	it('keeps a frame that holds a locked item, so that item does not move', () => {
		const doc = new Y.Doc();
		const outer = createGroup(doc, { x: 100, y: 100, author: ana });
		const inner = createGroup(doc, { x: 20, y: 20, author: ana, parentId: outer.ok ? outer.id : null });
		if (!outer.ok || !inner.ok) throw new Error();
		const n = note(doc, 10, 10, 'vast', ana, undefined, inner.id);
		const free = createGroup(doc, { x: 900, y: 0, author: ana });
		setLocked(doc, [n], true);
		expect(deleteItems(doc, [outer.id, inner.id, free.ok ? free.id : ''])).toEqual([free.ok ? free.id : '']);
		expect(readItem(doc, n)).toMatchObject({ parentId: inner.id, x: 10, y: 10 });
		setLocked(doc, [n], false);
		expect(deleteItems(doc, [outer.id])).toEqual([outer.id]);
	});
});

describe('board model: arrows', () => {
	it('connects items, refusing self-loops and unknown ids', () => {
		const doc = new Y.Doc();
		const a = note(doc);
		const b = note(doc, 300);
		expect(connect(doc, a, a)).toBeNull();
		expect(connect(doc, a, 'ghost')).toBeNull();
		const e = connect(doc, a, b, 'leidt tot')!;
		expect(readEdges(doc)).toEqual([{ id: e, source: a, target: b, label: 'leidt tot' }]);
		setEdgeLabel(doc, e, 'x'.repeat(500));
		expect(readEdges(doc)[0].label).toHaveLength(200);
		expect(toFlow(doc).edges[0]).toMatchObject({ id: e, source: a, target: b, type: 'arrow', markerEnd: { type: 'arrowclosed' } });
		expect(deleteEdge(doc, e)).toBe(true);
		expect(readEdges(doc)).toEqual([]);
	});

	it('hides arrows whose item was deleted by someone else at the same time', () => {
		const one = new Y.Doc();
		const two = new Y.Doc();
		const a = note(one);
		const b = note(one, 300);
		sync(one, two);
		connect(one, a, b);
		deleteItems(two, [b]);
		sync(one, two);
		expect(toFlow(one).edges).toEqual([]);
	});
});

describe('board model: collaboration', () => {
	it('merges concurrent edits of two people', () => {
		const one = new Y.Doc();
		const two = new Y.Doc();
		const g = id(createGroup(one, { x: 0, y: 0, title: 'Actoren', author: ana }));
		const shared = note(one, 10, 10, 'samen');
		sync(one, two);
		const mine = note(one, 600, 0, 'van Ana');
		const theirs = note(two, 800, 0, 'van Bo', bo);
		setParent(two, shared, g);
		setColor(one, shared, 'green');
		setText(two, g, 'Actoren en rollen');
		sync(one, two);
		expect(exportJson(one)).toEqual(exportJson(two));
		expect(itemCount(one)).toBe(4);
		expect(readItem(one, shared)).toMatchObject({ parentId: g, color: 'green' });
		expect(readItem(one, g)).toMatchObject({ title: 'Actoren en rollen' });
		expect(readItem(two, mine)).toMatchObject({ text: 'van Ana' });
		expect(readItem(one, theirs)).toMatchObject({ author: { organisation: 'GGD' } });
	});

	it("undo with trackedOrigins undoes one person's changes only", () => {
		const one = new Y.Doc();
		const two = new Y.Doc();
		const anaOrigin = { person: 'ana' };
		const boOrigin = { person: 'bo' };
		const shared = note(one, 0, 0, 'start', ana, anaOrigin);
		sync(one, two);
		const undoAna = new Y.UndoManager([items(one), one.getMap('edges')], { trackedOrigins: new Set([anaOrigin]), captureTimeout: 0 });
		const undoBo = new Y.UndoManager([items(two), two.getMap('edges')], { trackedOrigins: new Set([boOrigin]), captureTimeout: 0 });

		moveItem(one, shared, 100, 100, anaOrigin);
		const anaNote = note(one, 500, 0, 'Ana', ana, anaOrigin);
		const boNote = note(two, 700, 0, 'Bo', bo, boOrigin);
		setText(two, shared, 'start, door Bo', boOrigin);
		sync(one, two);
		expect(undoAna.undoStack).toHaveLength(2);

		undoAna.undo(); // Ana's new note goes
		undoAna.undo(); // Ana's move goes back
		sync(one, two);
		for (const doc of [one, two]) {
			expect(readItem(doc, anaNote)).toBeNull();
			expect(readItem(doc, boNote)).toMatchObject({ text: 'Bo' });
			expect(readItem(doc, shared)).toMatchObject({ x: 0, y: 0, text: 'start, door Bo' });
		}
		undoAna.redo();
		sync(one, two);
		expect(readItem(two, shared)).toMatchObject({ x: 100, y: 100 });

		undoBo.undo();
		sync(one, two);
		expect(readItem(one, shared)).toMatchObject({ text: 'start', x: 100 });
		expect(readItem(one, boNote)).toMatchObject({ text: 'Bo' });
	});
});

describe('board model: flow', () => {
	it('turns the document into xyflow nodes and edges', () => {
		const doc = new Y.Doc();
		const n0 = note(doc, 0, 0, 'los');
		const g = id(createGroup(doc, { x: 100, y: 100, title: 'Wand', author: ana }));
		const n1 = note(doc, 20, 40, 'binnen', bo, undefined, g);
		const e = connect(doc, n0, n1)!;
		const flow = toFlow(doc);
		expect(flow.nodes.map((n) => n.id)).toEqual([g, n0, n1]);
		expect(flow.nodes[2]).toMatchObject({
			id: n1,
			type: 'note',
			parentId: g,
			position: { x: 20, y: 40 },
			width: 200,
			height: 140,
			data: { item: { text: 'binnen', author: { name: 'Bo', organisation: 'GGD' } } }
		});
		expect(flow.nodes[2]).not.toHaveProperty('extent');
		expect(flow.nodes[1]).not.toHaveProperty('parentId');
		expect(flow.edges).toEqual([{ id: e, source: n0, target: n1, type: 'arrow', data: { label: '' }, markerEnd: { type: 'arrowclosed', width: 18, height: 18 } }]);
	});

	it('reads broken values from a hostile client safely', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			items(doc).set('x1', new Y.Map<unknown>([['type', 'note'], ['x', 'a lot'], ['y', Infinity], ['kind', '<b>'], ['color', 'javascript:'], ['text', 'not a Y.Text'], ['parentId', 'x1'], ['author', 42]]));
			items(doc).set('x2', new Y.Map<unknown>([['type', 'iframe']]));
		});
		const flow = toFlow(doc);
		expect(flow.nodes).toHaveLength(1);
		expect(flow.nodes[0].data.item).toMatchObject({ x: 0, y: 0, kind: 'note', color: 'yellow', text: '', parentId: null, author: { name: '', organisation: '' } });
	});
});

describe('board model: export', () => {
	it('exports rows with kind, group title and organisation, in reading order', () => {
		const doc = new Y.Doc();
		const g = id(createGroup(doc, { x: 0, y: 500, title: 'HZW-muur', author: ana }));
		createNote(doc, { x: 10, y: 40, text: 'Hoe zouden we ...?', kind: 'hmw', author: bo, parentId: g });
		createNote(doc, { x: 0, y: 0, text: 'Bovenaan', kind: 'idea', author: ana });
		createLabel(doc, { x: 0, y: 0, text: 'geen notitie', author: ana });
		expect(exportRows(doc).map(({ text, kind, group, organisation }) => ({ text, kind, group, organisation }))).toEqual([
			{ text: 'Bovenaan', kind: 'idea', group: '', organisation: 'Gemeente Utrecht' },
			{ text: 'Hoe zouden we ...?', kind: 'hmw', group: 'HZW-muur', organisation: 'GGD' }
		]);
		const json = exportJson(doc);
		expect(json).toMatchObject({ format: 'meedoen-board', version: 1, locked: false });
		expect(json.items).toHaveLength(4);
	});

	it('neutralises formula cells in CSV', () => {
		expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		expect(neutraliseCell('-1')).toBe(`'-1`);
		expect(neutraliseCell('gewoon')).toBe('gewoon');
		expect(toCsv(['text', 'kind'], [['@SUM(A1)', 'note'], ['a, "b"', 'idea']])).toBe(`text,kind\r\n'@SUM(A1),note\r\n"a, ""b""",idea`);
	});
});

describe('board model: import', () => {
	it('reads one note per line, skipping empty lines', () => {
		expect(parseImport('eerste\r\n\n  tweede  \n')).toEqual({
			ok: true,
			cut: 0,
			notes: [
				{ text: 'eerste', kind: 'note', group: '' },
				{ text: 'tweede', kind: 'note', group: '' }
			]
		});
		expect(parseImport(' \n\n')).toEqual({ ok: false, line: 1, error: 'empty' });
	});

	it('reads a CSV with text,kind,group, including quoted commas and new lines, English or Dutch kinds', () => {
		const csv = 'text,kind,group\n"Hoe zouden we, samen, ...?",hmw,Muur\n"twee\nregels",Idee,\nlos,,\n';
		expect(parseImport(csv)).toEqual({
			ok: true,
			cut: 0,
			notes: [
				{ text: 'Hoe zouden we, samen, ...?', kind: 'hmw', group: 'Muur' },
				{ text: 'twee\nregels', kind: 'idea', group: '' },
				{ text: 'los', kind: 'note', group: '' }
			]
		});
	});

	it('cuts long text and counts it', () => {
		const result = parseImport('x'.repeat(TEXT_MAX + 1));
		expect(result).toMatchObject({ ok: true, cut: 1 });
		if (result.ok) expect(result.notes[0].text).toHaveLength(TEXT_MAX);
	});

	it('refuses a broken CSV whole, with the line number', () => {
		expect(parseImport('text,kind,group\ngoed,note,\nfout,note\nook goed,idea,')).toEqual({ ok: false, line: 3, error: 'field_count' });
		expect(parseImport('text,kind,group\ngoed,note,\n"twee\nregels",idea,\nx,kleur,')).toEqual({ ok: false, line: 5, error: 'unknown_kind' });
		expect(parseImport('text,kind,group\n,note,Muur')).toEqual({ ok: false, line: 2, error: 'empty_text' });
		expect(parseImport('text,kind,group\ngoed,note,\n"nooit dicht,note,\n')).toMatchObject({ ok: false, line: 3, error: 'missing_quotes' });
		expect(parseImport('text,kind,group\n')).toEqual({ ok: false, line: 2, error: 'empty' });
	});

	it('adds imported notes, into existing or new groups by title', () => {
		const doc = new Y.Doc();
		const wall = id(createGroup(doc, { x: 0, y: 0, title: 'Muur', author: ana }));
		const parsed = parseImport('text,kind,group\na,hmw,Muur\nb,idea,Nieuw\nc,note,');
		if (!parsed.ok) throw new Error(parsed.error);
		const result = addImportedNotes(doc, parsed.notes, bo, { x: 0, y: 1000 });
		if (!result.ok) throw new Error(result.error);
		const rows = exportRows(doc);
		expect(rows.map(({ text, kind, group, organisation }) => ({ text, kind, group, organisation }))).toEqual([
			{ text: 'a', kind: 'hmw', group: 'Muur', organisation: 'GGD' },
			{ text: 'b', kind: 'idea', group: 'Nieuw', organisation: 'GGD' },
			{ text: 'c', kind: 'note', group: '', organisation: 'GGD' }
		]);
		expect(readItem(doc, result.ids[0])).toMatchObject({ parentId: wall });
		expect(itemCount(doc)).toBe(5);
	});
});

describe('board model: problem map template', () => {
	it('lays out the goal on top, actors left, steps right and the HMW wall below, once', () => {
		const doc = new Y.Doc();
		const texts = { goal: 'Langetermijndoel', actors: 'Actoren', steps: 'Stappen naar het doel', hmw: 'Hoe zouden we ...?' };
		const ids = applyProblemMapTemplate(doc, texts, ana, 'server')!;
		expect(ids).not.toBeNull();
		const goal = readItem(doc, ids.goal)!;
		const actors = readItem(doc, ids.actors)!;
		const steps = readItem(doc, ids.steps)!;
		const hmw = readItem(doc, ids.hmw)!;
		expect([goal, actors, steps, hmw].map((g) => g.type === 'group' && g.title)).toEqual(Object.values(texts));
		// Goal across the top, above everything else.
		expect(goal.y + goal.height).toBeLessThanOrEqual(Math.min(actors.y, steps.y));
		// Actors on the left of the steps, side by side, not overlapping.
		expect(actors.x + actors.width).toBeLessThanOrEqual(steps.x);
		expect(actors.y).toBe(steps.y);
		// The HMW wall below both.
		expect(hmw.y).toBeGreaterThanOrEqual(Math.max(actors.y + actors.height, steps.y + steps.height));
		expect(readEdges(doc)).toMatchObject([{ source: ids.steps, target: ids.goal }]);
		expect(applyProblemMapTemplate(doc, texts, ana)).toBeNull();
		expect(itemCount(doc)).toBe(4);
	});
});

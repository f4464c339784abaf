import { getContext, setContext } from 'svelte';
import { OwnUndo } from '$lib/collab/own-undo.svelte';
import { invalidateAll } from '$app/navigation';
import * as Y from 'yjs';
import { m } from '$lib/paraglide/messages.js';
import { BoardView } from './board-view.svelte';
import { contains } from './screen-fit';
import {
	absolutePosition,
	addImportedNotes,
	connect,
	createGroup,
	createLabel,
	createNote,
	deleteEdge,
	deleteItems,
	duplicateItems,
	edges,
	GRID,
	items,
	moveItem,
	resizeItem,
	setColor,
	setEdgeLabel,
	setKind,
	setLocked,
	setParent,
	SIZES,
	type Author,
	type BoardError,
	type ImportedNote,
	type Item,
	type NoteColor,
	type NoteKind
} from './model';

export type Point = { x: number; y: number };
/** What the controller needs from xyflow: the measured, absolute place of a node. */
export type Rect = { x: number; y: number; width: number; height: number };

const KEY = Symbol('board');

export function kindLabel(kind: NoteKind): string {
	return { note: m.board_kind_note, hmw: m.board_kind_hmw, idea: m.board_kind_idea, question: m.board_kind_question, quote: m.board_kind_quote }[kind]();
}

export function colorLabel(color: NoteColor): string {
	return { yellow: m.board_color_yellow, orange: m.board_color_orange, pink: m.board_color_pink, purple: m.board_color_purple, blue: m.board_color_blue, green: m.board_color_green }[color]();
}

/** The screen-reader name of an item. */
export function describeItem(item: Item): string {
	if (item.type === 'group') return m.board_group_aria({ title: item.title || m.board_untitled() });
	if (item.type === 'label') return m.board_label_aria({ text: item.text.slice(0, 80) || m.board_empty() });
	const author = item.author.organisation ? `${item.author.name}, ${item.author.organisation}` : item.author.name;
	return m.board_note_aria({ kind: kindLabel(item.kind), author: author || '?' });
}

/**
 * One person's editing session on a board: their undo history (their own changes only), what they
 * are editing, and every edit as a verb, each written with their own transaction origin.
 */
export class BoardController {
	readonly doc: Y.Doc;
	readonly view: BoardView;
	readonly undoManager: Y.UndoManager;
	readonly #undo: OwnUndo;
	/** This person's transaction origin: an object nobody else holds. */
	readonly origin: { board: true; userId: string };
	readonly me: Author;
	readonly facilitator: boolean;
	#editingId = $state<string | null>(null);
	/** An arrow being drawn from this item: the next item picked (tap, click, Enter) is where it goes. */
	connectingFrom = $state<string | null>(null);
	/** A message for everyone using this screen (board full, import done). */
	notice = $state<{ text: string; error: boolean } | null>(null);
	#readOnly: () => boolean;
	#locked: () => boolean;
	#controlsUrl: string;

	/**
	 * @param options.locked whether the board is locked (page data: the server keeps the lock)
	 * @param options.controlsUrl the board's controls endpoint (facilitators lock and unlock there)
	 */
	constructor(doc: Y.Doc, me: Author, options: { readOnly: () => boolean; locked: () => boolean; facilitator: boolean; controlsUrl: string }) {
		this.doc = doc;
		this.me = me;
		this.facilitator = options.facilitator;
		this.#readOnly = options.readOnly;
		this.#locked = options.locked;
		this.#controlsUrl = options.controlsUrl;
		this.origin = { board: true, userId: me.userId };
		this.#undo = new OwnUndo([items(doc), edges(doc)], this.origin, () => this.canEdit);
		this.undoManager = this.#undo.manager;
		this.view = new BoardView(doc, { origin: this.origin, canEdit: () => this.canEdit, describe: describeItem });
	}

	destroy() {
		this.view.destroy();
		this.#undo.destroy();
	}

	/** The item whose text is being edited here (each round of writing is its own undo step). */
	get editingId(): string | null {
		return this.#editingId;
	}

	set editingId(id: string | null) {
		if (id === this.#editingId) return;
		this.undoManager.stopCapturing();
		this.#editingId = id;
	}

	get boardLocked(): boolean {
		return this.#locked();
	}

	/** Observers never edit; on a locked board only the facilitator does. */
	get canEdit(): boolean {
		return !this.#readOnly() && (!this.boardLocked || this.facilitator);
	}

	get canUndo() {
		return this.#undo.canUndo;
	}

	get canRedo() {
		return this.#undo.canRedo;
	}

	undo() {
		this.#undo.undo();
	}

	redo() {
		this.#undo.redo();
	}

	#fail(error: BoardError['error']) {
		this.notice = { text: error === 'board_full' ? m.board_full() : m.board_error(), error: true };
	}

	/** Creates an item centred on `at` (flow coordinates), selects it and starts editing its text. */
	add(type: 'note' | 'label' | 'group', at: Point, options: { kind?: NoteKind; color?: NoteColor; snap?: boolean; within?: Rect } = {}): string | null {
		if (!this.canEdit) return null;
		const size = SIZES[type];
		const round = (v: number) => (options.snap ? Math.round(v / GRID) * GRID : Math.round(v));
		const spot = this.#freeSpot(at, size, options.within);
		// A note or text made inside a frame belongs to that frame.
		const frame = type === 'group' ? null : this.#frameAt(spot.x + size.width / 2, spot.y + size.height / 2);
		const origin0 = frame ? absolutePosition(this.doc, frame) : { x: 0, y: 0 };
		const place = { x: round(spot.x - origin0.x), y: round(spot.y - origin0.y), parentId: frame, author: this.me };
		this.undoManager.stopCapturing();
		const result =
			type === 'note'
				? createNote(this.doc, { ...place, kind: options.kind, color: options.color }, this.origin)
				: type === 'label'
					? createLabel(this.doc, place, this.origin)
					: createGroup(this.doc, { ...place, title: m.board_new_group_title() }, this.origin);
		if (!result.ok) {
			this.#fail(result.error);
			return null;
		}
		this.view.select([result.id]);
		this.editingId = result.id;
		return result.id;
	}

	/**
	 * Where a new item of this size goes: centred on `at`, or the nearest place around it (rings of
	 * item-sized steps) where it covers no note or text, and preferably lies wholly inside or wholly
	 * outside each frame (a note half over a frame's edge, as over the goal, looks misplaced). With
	 * `within` (the part in view): a place inside it first; only when the view is full, the nearest
	 * free place outside it (the board then shows it).
	 */
	#freeSpot(at: Point, size: { width: number; height: number }, within?: Rect): Point {
		const taken = this.view.nodes
			.filter((n) => n.data.item.type !== 'group')
			.map((n) => ({ ...absolutePosition(this.doc, n.id), w: n.data.item.width, h: n.data.item.height }));
		const frames = this.view.nodes
			.filter((n) => n.data.item.type === 'group')
			.map((n) => ({ ...absolutePosition(this.doc, n.id), w: n.data.item.width, h: n.data.item.height }));
		const hits = (x: number, y: number, r: { x: number; y: number; w: number; h: number }) => x < r.x + r.w && x + size.width > r.x && y < r.y + r.h && y + size.height > r.y;
		const free = (x: number, y: number) => !taken.some((r) => hits(x, y, r));
		const insideOf = (x: number, y: number, r: { x: number; y: number; w: number; h: number }) => x >= r.x && y >= r.y && x + size.width <= r.x + r.w && y + size.height <= r.y + r.h;
		const tidy = (x: number, y: number) => free(x, y) && !frames.some((r) => hits(x, y, r) && !insideOf(x, y, r));
		const x0 = at.x - size.width / 2;
		const y0 = at.y - size.height / 2;
		const sx = size.width + GRID;
		const sy = size.height + GRID;
		const rings = (fits: (x: number, y: number) => boolean, ok = free): Point | null => {
			for (let ring = 0; ring <= 6; ring++) {
				const steps: [number, number][] = [];
				for (let dy = -ring; dy <= ring; dy++) for (let dx = -ring; dx <= ring; dx++) if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) steps.push([dx, dy]);
				// Same row first, to the right before the left, below before above.
				steps.sort(([ax, ay], [bx, by]) => Math.abs(ay) - Math.abs(by) || Math.abs(ax) - Math.abs(bx) || bx - ax || by - ay);
				for (const [dx, dy] of steps) if (fits(x0 + dx * sx, y0 + dy * sy) && ok(x0 + dx * sx, y0 + dy * sy)) return { x: x0 + dx * sx, y: y0 + dy * sy };
			}
			return null;
		};
		/** Any free place in view, nearest first (for when the rings do not line up with the notes there). */
		const scan = (area: Rect, ok = free): Point | null => {
			const step = Math.max(GRID, area.width / 40, area.height / 40);
			let best: (Point & { d: number }) | null = null;
			for (let y = area.y; y + size.height <= area.y + area.height; y += step) {
				for (let x = area.x; x + size.width <= area.x + area.width; x += step) {
					const d = Math.hypot(x - x0, y - y0);
					if ((!best || d < best.d) && ok(x, y)) best = { x, y, d };
				}
			}
			return best && { x: best.x, y: best.y };
		};
		const inView = (x: number, y: number) => !within || contains(within, { x, y, ...size });
		return rings(inView, tidy) ?? (within && scan(within, tidy)) ?? rings(inView) ?? (within && scan(within)) ?? (within && rings(() => true)) ?? { x: x0, y: y0 };
	}

	/** The innermost frame around a point on the board, if any. */
	#frameAt(x: number, y: number): string | null {
		let best: { id: string; area: number } | null = null;
		for (const node of this.view.nodes) {
			const item = node.data.item;
			if (item.type !== 'group') continue;
			const a = absolutePosition(this.doc, item.id);
			const area = item.width * item.height;
			if (x >= a.x && y >= a.y && x <= a.x + item.width && y <= a.y + item.height && (!best || area < best.area)) best = { id: item.id, area };
		}
		return best?.id ?? null;
	}

	deleteSelection() {
		if (!this.canEdit) return;
		const ids = this.view.selectedIds;
		const edgeIds = this.view.selectedEdgeIds;
		if (!ids.length && !edgeIds.length) return;
		this.undoManager.stopCapturing();
		this.doc.transact(() => {
			for (const id of edgeIds) deleteEdge(this.doc, id, this.origin);
			deleteItems(this.doc, ids, this.origin);
		}, this.origin);
		if (this.editingId && ids.includes(this.editingId)) this.editingId = null;
	}

	duplicateSelection(ids = this.view.selectedIds) {
		if (!this.canEdit || !ids.length) return;
		this.undoManager.stopCapturing();
		const result = duplicateItems(this.doc, ids, { by: this.me }, this.origin);
		if (!result.ok) return this.#fail(result.error);
		// Select the outermost copies (what is inside a copied group comes along).
		this.view.select(result.ids.filter((id) => !result.ids.includes(this.view.item(id)?.parentId ?? '')));
	}

	/** Draws an arrow from the first to the second of two items. */
	connect(source: string, target: string) {
		if (!this.canEdit) return null;
		this.undoManager.stopCapturing();
		return connect(this.doc, source, target, '', this.origin);
	}

	setEdgeLabel(id: string, label: string) {
		if (this.canEdit) setEdgeLabel(this.doc, id, label, this.origin);
	}

	setKind(ids: string[], kind: NoteKind) {
		if (!this.canEdit) return;
		this.undoManager.stopCapturing();
		this.doc.transact(() => ids.forEach((id) => setKind(this.doc, id, kind, this.origin)), this.origin);
	}

	setColor(ids: string[], color: NoteColor) {
		if (!this.canEdit) return;
		this.undoManager.stopCapturing();
		this.doc.transact(() => ids.forEach((id) => setColor(this.doc, id, color, this.origin)), this.origin);
	}

	/** Facilitator only: lock or unlock items. */
	setLocked(ids: string[], locked: boolean) {
		if (!this.canEdit || !this.facilitator) return;
		setLocked(this.doc, ids, locked, this.origin);
	}

	/**
	 * Facilitator only: lock or unlock the whole board (not part of anyone's undo). The server keeps
	 * the lock; afterwards the page data (and with it `boardLocked`) is loaded again.
	 */
	async setBoardLocked(locked: boolean) {
		if (this.#readOnly() || !this.facilitator) return;
		try {
			const response = await fetch(this.#controlsUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ locked })
			});
			if (!response.ok) {
				const data = (await response.json().catch(() => null)) as { message?: string } | null;
				this.notice = { text: data?.message || m.board_error(), error: true };
			}
		} catch {
			this.notice = { text: m.board_error(), error: true };
		}
		await invalidateAll();
	}

	resize(id: string, rect: Rect) {
		if (!this.canEdit) return;
		this.doc.transact(() => {
			resizeItem(this.doc, id, Math.round(rect.width), Math.round(rect.height), this.origin);
			moveItem(this.doc, id, rect.x, rect.y, this.origin);
		}, this.origin);
	}

	startDrag() {
		this.undoManager.stopCapturing();
	}

	/**
	 * After a drag: an item dropped with its centre inside a frame goes into that frame (the
	 * innermost one), an item dropped outside its frame comes out of it. A frame only goes into
	 * another frame when it fits inside entirely.
	 */
	finishDrag(ids: string[], rectOf: (id: string) => Rect | null) {
		if (!this.canEdit) return;
		const groups = this.view.nodes.filter((n) => n.data.item.type === 'group');
		for (const id of ids) {
			const item = this.view.item(id);
			const rect = rectOf(id);
			if (!item || !rect) continue;
			const cx = rect.x + rect.width / 2;
			const cy = rect.y + rect.height / 2;
			let best: { id: string; area: number } | null = null;
			for (const group of groups) {
				if (group.id === id || this.#isInside(group.id, id)) continue;
				const g = rectOf(group.id);
				if (!g) continue;
				const fits =
					item.type === 'group'
						? rect.x >= g.x && rect.y >= g.y && rect.x + rect.width <= g.x + g.width && rect.y + rect.height <= g.y + g.height
						: cx >= g.x && cy >= g.y && cx <= g.x + g.width && cy <= g.y + g.height;
				const area = g.width * g.height;
				if (fits && (!best || area < best.area)) best = { id: group.id, area };
			}
			const target = best?.id ?? null;
			if (target !== item.parentId) setParent(this.doc, id, target, this.origin);
		}
	}

	/** Is `id` inside `ancestor` (at any depth)? */
	#isInside(id: string, ancestor: string): boolean {
		let parent = this.view.item(id)?.parentId ?? null;
		for (let i = 0; parent && i < 64; i++) {
			if (parent === ancestor) return true;
			parent = this.view.item(parent)?.parentId ?? null;
		}
		return false;
	}

	importNotes(notes: ImportedNote[], at: Point): boolean {
		if (!this.canEdit) return false;
		this.undoManager.stopCapturing();
		const result = addImportedNotes(this.doc, notes, this.me, { x: Math.round(at.x), y: Math.round(at.y) }, this.origin);
		if (!result.ok) {
			this.#fail(result.error);
			return false;
		}
		this.view.select(result.ids);
		this.notice = { text: m.board_import_done({ count: result.ids.length }), error: false };
		return true;
	}
}

export function setBoardContext(controller: BoardController) {
	setContext(KEY, controller);
}

export function getBoardContext(): BoardController {
	return getContext<BoardController>(KEY);
}

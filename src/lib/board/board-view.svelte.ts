import * as Y from 'yjs';
import { edgeToFlow, itemToNode, items, edges as edgesOf, moveItem, readEdges, readItem, readItems, type BoardEdge, type BoardNode, type Item } from './model';

/** How often a dragged item's position is sent to the others while it moves (ms). */
const LIVE_MOVE_MS = 60;

type Options = {
	/** This person's transaction origin (their undo manager tracks it). */
	origin: unknown;
	/** May this person change the board right now (not read-only, board not locked)? */
	canEdit: () => boolean;
	/** Screen-reader name of an item. */
	describe: (item: Item) => string;
};

/**
 * The board as xyflow sees it, kept in step with the Y.Doc. The document is the only source of
 * truth: nodes and edges are re-derived from it on every change, incrementally (only the items that
 * changed get new node objects, so xyflow re-renders only those). What xyflow adds (selection,
 * measured sizes, a drag in progress) is carried over. Moves made in xyflow (dragging, arrow keys)
 * are written back into the document with this person's origin.
 */
export class BoardView {
	nodes = $state.raw<BoardNode[]>([]);
	edges = $state.raw<BoardEdge[]>([]);
	readonly #doc: Y.Doc;
	readonly #options: Options;
	/** Nodes exactly as derived from the document, by id. */
	#base = new Map<string, BoardNode>();
	/** Selected ids in the order they were selected (an arrow goes from the first to the second). */
	#order: string[] = [];
	#pending = new Map<string, { x: number; y: number }>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#unobserve: () => void;

	constructor(doc: Y.Doc, options: Options) {
		this.#doc = doc;
		this.#options = options;
		const onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => this.#onItems(events, transaction);
		const onEdges = () => this.#rebuildEdges();
		items(doc).observeDeep(onItems);
		edgesOf(doc).observeDeep(onEdges);
		this.#unobserve = () => {
			items(doc).unobserveDeep(onItems);
			edgesOf(doc).unobserveDeep(onEdges);
		};
		this.#rebuildAll();
	}

	destroy() {
		this.#unobserve();
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#frame !== null) cancelAnimationFrame(this.#frame);
	}

	/** Re-derives everything (after the rights changed: what is draggable changes). */
	refresh() {
		this.#rebuildAll(true);
	}

	/** The plain item behind a node, as last read from the document. */
	item(id: string): Item | undefined {
		return this.#base.get(id)?.data.item;
	}

	/** The selected items, in the order they were selected. */
	get selectedIds(): string[] {
		const selected = new Set(this.nodes.filter((n) => n.selected).map((n) => n.id));
		return [...this.#order.filter((id) => selected.has(id)), ...[...selected].filter((id) => !this.#order.includes(id))];
	}

	get selectedEdgeIds(): string[] {
		return this.edges.filter((e) => e.selected).map((e) => e.id);
	}

	/** Selects exactly these items (and no arrows). */
	select(ids: Iterable<string>) {
		const wanted = new Set(ids);
		const canEdit = this.#options.canEdit();
		this.nodes = this.nodes.map((n) => {
			const selected = wanted.has(n.id);
			return !!n.selected === selected ? n : { ...n, selected, draggable: this.#draggable(n.data.item, selected, canEdit) };
		});
		this.edges = this.edges.map((e) => (e.selected ? { ...e, selected: false } : e));
		this.#order = [...wanted];
	}

	#remember(nodes: BoardNode[]) {
		const selected = nodes.filter((n) => n.selected).map((n) => n.id);
		this.#order = [...this.#order.filter((id) => selected.includes(id)), ...selected.filter((id) => !this.#order.includes(id))];
	}

	/** xyflow hands back its nodes (selection, sizes, positions): moved items are written to the document. */
	setNodes(next: BoardNode[]) {
		const canEdit = this.#options.canEdit();
		// A frame can be dragged once it is selected (see #draggable).
		this.nodes = next.map((n) => (n.data.item.type === 'group' && n.draggable !== this.#draggable(n.data.item, !!n.selected, canEdit) ? { ...n, draggable: !n.draggable } : n));
		this.#remember(next);
		if (!canEdit) return;
		const moved: [string, number, number][] = [];
		for (const node of next) {
			const base = this.#base.get(node.id);
			if (!base || (node.position.x === base.position.x && node.position.y === base.position.y)) continue;
			if (node.dragging) {
				this.#pending.set(node.id, { ...node.position });
				this.#timer ??= setTimeout(() => this.#flush(), LIVE_MOVE_MS);
			} else {
				this.#pending.delete(node.id);
				moved.push([node.id, node.position.x, node.position.y]);
			}
		}
		if (moved.length) this.#doc.transact(() => moved.forEach(([id, x, y]) => moveItem(this.#doc, id, x, y, this.#options.origin)), this.#options.origin);
	}

	setEdges(next: BoardEdge[]) {
		this.edges = next;
	}

	/**
	 * Frames are big: an unselected frame is background, so a finger or mouse on it pans and pinches
	 * the board. Tapped once (selected) it can be dragged, like a note.
	 */
	#draggable(item: Item, selected: boolean, canEdit: boolean): boolean {
		return canEdit && !item.locked && (item.type !== 'group' || selected);
	}

	#flush() {
		this.#timer = null;
		const moves = [...this.#pending];
		this.#pending.clear();
		if (!moves.length || !this.#options.canEdit()) return;
		this.#doc.transact(() => {
			for (const [id, { x, y }] of moves) moveItem(this.#doc, id, x, y, this.#options.origin);
		}, this.#options.origin);
	}

	/** Remote changes waiting for the next animation frame. */
	#queued = { changed: new Set<string>(), structural: false, reorder: false };
	#frame: number | null = null;

	/**
	 * Remote changes (twenty people moving notes send ~100 updates a second) are applied once per
	 * animation frame: xyflow then works through the node list once a frame, not once an update.
	 * This person's own changes show at once.
	 */
	#onItems(events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) {
		this.#collect(events, this.#queued);
		if (transaction.local || typeof requestAnimationFrame === 'undefined') {
			if (this.#frame !== null) cancelAnimationFrame(this.#frame);
			this.#applyQueued();
		} else {
			this.#frame ??= requestAnimationFrame(() => this.#applyQueued());
		}
	}

	#applyQueued() {
		this.#frame = null;
		const { changed, structural, reorder } = this.#queued;
		this.#queued = { changed: new Set(), structural: false, reorder: false };
		if (changed.size) this.#apply(changed, structural, reorder);
	}

	#collect(events: Y.YEvent<Y.AbstractType<unknown>>[], into: { changed: Set<string>; structural: boolean; reorder: boolean }) {
		const map = items(this.#doc);
		const changed = into.changed;
		for (const event of events) {
			if (event.target === map) {
				for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
				into.structural = true;
			} else {
				const id = event.path[0];
				if (typeof id !== 'string') continue;
				changed.add(id);
				const keys = event.path.length === 1 ? (event as Y.YMapEvent<unknown>).keysChanged : undefined;
				if (keys?.has('parentId') || keys?.has('z') || keys?.has('type')) into.reorder = true;
				// A group that moves into another group changes how deep everything inside it is.
				if (keys?.has('parentId') && this.#base.get(id)?.data.item.type === 'group') into.structural = true;
			}
		}
	}

	/**
	 * @param structural items were added or removed
	 * @param reorder something that decides the order changed (parent, z): the array is sorted again
	 */
	#apply(changed: Set<string>, structural: boolean, reorder: boolean) {
		const map = items(this.#doc);
		if (structural && [...changed].some((id) => this.#base.get(id)?.data.item.type === 'group' || map.get(id)?.get('type') === 'group')) {
			this.#rebuildAll();
			return;
		}
		for (const id of changed) {
			const item = readItem(this.#doc, id);
			if (item) this.#base.set(id, itemToNode(item));
			else this.#base.delete(id);
		}
		if (structural || reorder || [...changed].some((id) => !this.#base.has(id))) this.#merge();
		else {
			// The common case (someone moves or types): swap the changed nodes, keep the order.
			const canEdit = this.#options.canEdit();
			this.nodes = this.nodes.map((n) => (changed.has(n.id) ? this.#decorate(this.#base.get(n.id)!, n, canEdit) : n));
		}
		if (structural) this.#rebuildEdges();
	}

	#rebuildAll(redecorate = false) {
		this.#base = new Map(readItems(this.#doc).map((item) => [item.id, itemToNode(item)]));
		this.#merge(redecorate);
		this.#rebuildEdges();
	}

	#depth(node: BoardNode): number {
		let depth = 0;
		let parent = node.parentId;
		while (parent && depth < 64) {
			depth++;
			parent = this.#base.get(parent)?.parentId;
		}
		return depth;
	}

	/** Builds the xyflow array: parents before children, frames under notes, then by z. */
	#merge(redecorate = false) {
		const prevById = new Map(this.nodes.map((n) => [n.id, n]));
		const list = [...this.#base.values()].map((node) => ({ node, depth: this.#depth(node) }));
		list.sort(
			(a, b) =>
				a.depth - b.depth ||
				Number(b.node.data.item.type === 'group') - Number(a.node.data.item.type === 'group') ||
				a.node.data.item.z - b.node.data.item.z ||
				a.node.id.localeCompare(b.node.id)
		);
		const canEdit = this.#options.canEdit();
		this.nodes = list.map(({ node: base }) => {
			const prev = prevById.get(base.id);
			return prev && prev.data === base.data && !redecorate ? prev : this.#decorate(base, prev, canEdit);
		});
	}

	/** A node as derived from the doc, with what xyflow knows about it locally (selection, a drag). */
	#decorate(base: BoardNode, prev: BoardNode | undefined, canEdit: boolean): BoardNode {
		return {
			...base,
			position: prev?.dragging ? prev.position : base.position,
			selected: prev?.selected ?? false,
			dragging: prev?.dragging ?? false,
			draggable: this.#draggable(base.data.item, !!prev?.selected, canEdit),
			deletable: canEdit && !base.data.item.locked,
			connectable: canEdit,
			ariaLabel: this.#options.describe(base.data.item)
		} as BoardNode;
	}

	#rebuildEdges() {
		const prevById = new Map(this.edges.map((e) => [e.id, e]));
		const canEdit = this.#options.canEdit();
		this.edges = readEdges(this.#doc).map((edge) => {
			const prev = prevById.get(edge.id);
			if (prev && prev.source === edge.source && prev.target === edge.target && prev.data?.label === edge.label && prev.deletable === canEdit) return prev;
			return { ...edgeToFlow(edge), selected: prev?.selected ?? false, deletable: canEdit };
		});
	}
}

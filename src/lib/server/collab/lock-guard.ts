/**
 * Item locks on a board, enforced on the server. A board document keeps its items in the root map
 * `items` (id -> Y.Map); an item whose map has `locked: true` may only be changed by a facilitator
 * (see $lib/board/model.ts). An update from anyone else has already been applied to the server's
 * document when we look at it (Yjs cannot apply part of an update, and refusing it whole would leave
 * the sender's document ahead of the server's for good), so what it did to locked items is undone
 * by a second transaction, and only the two together are stored and sent.
 *
 * Every struct an update inserts or deletes belongs to at most one item: the entry it sits under in
 * `items`. An item is *violated* when the update touched it and it was locked before the update, or
 * is locked after it (someone who may not lock set `locked`). Only the violated items' changes are
 * undone; the rest of the update (other notes, arrows) stays: a batch of offline edits is not lost
 * because one of its notes was locked meanwhile.
 *
 * The transaction must have run with `doc.gc` off, so that what it deleted (an overwritten value, a
 * deleted note with its text) is still there to be restored; `collectGarbage` finishes the job.
 */
import * as Y from 'yjs';

type Range = { client: number; clock: number; len: number };

/** The id of the item (entry of `items`) a struct sits under, or null (edges, meta, stray roots). */
function ownerOf(struct: Y.Item, items: Y.Map<unknown>): string | null {
	let item: Y.Item | null = struct;
	while (item) {
		const parent: unknown = item.parent;
		if (parent === items) return item.parentSub;
		if (!(parent instanceof Y.AbstractType)) return null;
		item = parent._item;
	}
	return null;
}

/** Calls `f` for every struct overlapping the range, with the overlap. Read-only: nothing is split. */
function forEachStruct(doc: Y.Doc, { client, clock, len }: Range, f: (struct: Y.Item, start: number, end: number) => void) {
	const structs = doc.store.clients.get(client);
	if (!structs?.length) return;
	const last = structs[structs.length - 1];
	const end = Math.min(clock + len, last.id.clock + last.length);
	if (clock >= end) return;
	for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
		const struct = structs[i];
		if (struct.id.clock >= end) break;
		if (struct instanceof Y.Item) f(struct, Math.max(clock, struct.id.clock), Math.min(end, struct.id.clock + struct.length));
	}
}

function insertedRanges(transaction: Y.Transaction): Range[] {
	const ranges: Range[] = [];
	transaction.afterState.forEach((after, client) => {
		const before = transaction.beforeState.get(client) ?? 0;
		if (after > before) ranges.push({ client, clock: before, len: after - before });
	});
	return ranges;
}

function deletedRanges(transaction: Y.Transaction): Range[] {
	const ranges: Range[] = [];
	transaction.deleteSet.clients.forEach((deletes, client) => {
		for (const { clock, len } of deletes) ranges.push({ client, clock, len });
	});
	return ranges;
}

function isNew(item: Y.Item, transaction: Y.Transaction): boolean {
	return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

/** The value a map key held before the transaction: the newest older struct, if it was alive then. */
function valueBefore(map: { _map: Map<string, Y.Item> }, key: string, transaction: Y.Transaction): Y.Item | null {
	let item: Y.Item | null = map._map.get(key) ?? null;
	while (item && isNew(item, transaction)) item = item.left;
	if (!item) return null;
	return !item.deleted || Y.isDeleted(transaction.deleteSet, item.id) ? item : null;
}

function lockedValue(item: Y.Item | null): boolean {
	if (!item) return false;
	const values = item.content.getContent();
	return values[values.length - 1] === true;
}

function wasLocked(items: Y.Map<unknown>, id: string, transaction: Y.Transaction): boolean {
	const entry = valueBefore(items, id, transaction);
	const map = entry?.content instanceof Y.ContentType ? entry.content.type : null;
	return map instanceof Y.Map && lockedValue(valueBefore(map, 'locked', transaction));
}

function isLockedNow(items: Y.Map<unknown>, id: string): boolean {
	const map = items.get(id);
	return map instanceof Y.Map && map.get('locked') === true;
}

/** The items whose changes in this transaction must not stick. */
export function lockViolations(items: Y.Map<unknown>, transaction: Y.Transaction): Set<string> {
	const doc = transaction.doc;
	const touched = new Set<string>();
	for (const range of [...insertedRanges(transaction), ...deletedRanges(transaction)]) {
		forEachStruct(doc, range, (struct) => {
			const owner = ownerOf(struct, items);
			if (owner !== null) touched.add(owner);
		});
	}
	const violated = new Set<string>();
	for (const id of touched) if (wasLocked(items, id, transaction) || isLockedNow(items, id)) violated.add(id);
	return violated;
}

/** The parts of the ranges whose structs belong to one of the items, as a delete set. */
function ownedBy(doc: Y.Doc, ranges: Range[], items: Y.Map<unknown>, ids: Set<string>) {
	const set = Y.createDeleteSet();
	for (const range of ranges) {
		forEachStruct(doc, range, (struct, start, end) => {
			const owner = ownerOf(struct, items);
			if (owner === null || !ids.has(owner)) return;
			const list = set.clients.get(range.client) ?? [];
			const previous = list[list.length - 1];
			if (previous && previous.clock + previous.len === start) previous.len += end - start;
			else list.push({ clock: start, len: end - start });
			set.clients.set(range.client, list);
		});
	}
	return set;
}

/**
 * Undoes what the transaction did to these items (deletes what it inserted under them, restores
 * what it deleted or overwrote) in a new transaction of the document.
 */
export function revertItems(items: Y.Map<unknown>, transaction: Y.Transaction, ids: Set<string>) {
	const doc = transaction.doc;
	const undo = new Y.UndoManager(doc, { captureTransaction: () => false, trackedOrigins: new Set() });
	const before = Y.getState(doc.store, doc.clientID);
	try {
		undo.undoStack.push({
			insertions: ownedBy(doc, insertedRanges(transaction), items, ids),
			deletions: ownedBy(doc, deletedRanges(transaction), items, ids),
			meta: new Map()
		} as (typeof undo.undoStack)[number]);
		undo.undo();
	} finally {
		undo.destroy();
	}
	// Restored structs are marked to be kept forever (for an UndoManager's redo, which we never do):
	// let them be collected like any other once deleted.
	forEachStruct(doc, { client: doc.clientID, clock: before, len: Y.getState(doc.store, doc.clientID) - before }, (struct) => {
		let item: Y.Item | null = struct;
		while (item?.keep) {
			item.keep = false;
			item = (item.parent as Y.AbstractType<unknown>)._item;
		}
	});
}

/** What the transaction deleted, collected now (it ran with garbage collection off). */
export function collectGarbage(transaction: Y.Transaction) {
	const doc = transaction.doc;
	if (doc.gc) Y.tryGc(transaction.deleteSet, doc.store, doc.gcFilter);
}

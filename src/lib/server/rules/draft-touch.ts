/**
 * What one transaction on a rule set's draft document touched: which indicators and outcomes (bands),
 * which of their parts, which were added, removed or moved, and whether the purpose text changed.
 * Read from the transaction itself (its changed types and its delete set), so it names exactly what
 * that person's update did, however others edit at the same time.
 *
 * It must run in `afterTransaction`, before Yjs collects garbage: an entry deleted by this
 * transaction still holds its id then. Values are never copied here: the audit row names what was
 * touched, the published versions hold the values (with a diff).
 */
import * as Y from 'yjs';
import { bandList, indicatorList, meta } from '$lib/rules/draft-doc';

/** One list (indicators or bands): entry id -> the parts changed, and the ids added and removed. */
export type ListTouch = { changed: Map<string, Set<string>>; added: Set<string>; removed: Set<string> };
export type DraftTouch = { indicators: ListTouch; bands: ListTouch; purpose: boolean };

const ID_MAX = 64;
// Yjs types are generic in their event type, which does not matter here.
type YType = Y.AbstractType<any>;

export function emptyTouch(): DraftTouch {
	const list = (): ListTouch => ({ changed: new Map(), added: new Set(), removed: new Set() });
	return { indicators: list(), bands: list(), purpose: false };
}

export function isEmptyTouch(touch: DraftTouch): boolean {
	const empty = (l: ListTouch) => !l.changed.size && !l.added.size && !l.removed.size;
	return empty(touch.indicators) && empty(touch.bands) && !touch.purpose;
}

/** Adds `step` to `into`. */
export function mergeTouch(into: DraftTouch, step: DraftTouch): DraftTouch {
	for (const key of ['indicators', 'bands'] as const) {
		const [to, from] = [into[key], step[key]];
		for (const [id, parts] of from.changed) {
			const known = to.changed.get(id);
			if (known) for (const part of parts) known.add(part);
			else to.changed.set(id, new Set(parts));
		}
		for (const id of from.added) to.added.add(id);
		for (const id of from.removed) to.removed.add(id);
	}
	into.purpose ||= step.purpose;
	return into;
}

/** A map entry's raw value, also when the map was just deleted (before garbage collection). */
function rawId(map: YType): string | null {
	const item = map._map.get('id');
	if (!item || !(item.content instanceof Y.ContentAny)) return null;
	const values = item.content.getContent();
	const value = values[values.length - 1];
	return typeof value === 'string' && value.length <= ID_MAX ? value : null;
}

/**
 * The entry of `list` that `type` sits in (or is), with the entry's key it sits under: a change to
 * an indicator's name text is the part `name` of that indicator. Null when it is not in the list.
 */
function entryOf(type: YType, list: YType): { entry: YType; key: string | null } | null {
	let current = type;
	let key: string | null = null;
	while (current._item) {
		const parent = current._item.parent;
		if (parent === list) return { entry: current, key };
		if (!(parent instanceof Y.AbstractType)) return null;
		key = current._item.parentSub;
		current = parent;
	}
	return null;
}

function isInside(type: YType, root: YType): boolean {
	for (let current: YType | null = type; current; ) {
		if (current === root) return true;
		const parent: unknown = current._item?.parent;
		current = parent instanceof Y.AbstractType ? parent : null;
	}
	return false;
}

function touchList(list: YType, transaction: Y.Transaction, into: ListTouch) {
	for (const [type, keys] of transaction.changed) {
		if (type === list) continue;
		const at = entryOf(type, list);
		const id = at && rawId(at.entry);
		if (!at || !id) continue;
		let parts = into.changed.get(id);
		if (!parts) into.changed.set(id, (parts = new Set()));
		if (at.key) parts.add(at.key);
		else for (const key of keys) if (key) parts.add(key);
	}
	if (!transaction.changed.has(list)) return;
	// The list itself changed: walk its entries (at most a hundred) for the ones this transaction
	// inserted or deleted. Entries deleted earlier were collected already and hold no type.
	for (let item = list._start; item; item = item.right) {
		if (!(item.content instanceof Y.ContentType)) continue;
		const inserted = item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
		const id = rawId(item.content.type);
		if (!id) continue;
		if (inserted && !item.deleted) into.added.add(id);
		else if (!inserted && item.deleted && Y.isDeleted(transaction.deleteSet, item.id)) into.removed.add(id);
	}
}

/**
 * Gives the document its root types before any update arrives. A root an update creates in a
 * document that never asked for it is a placeholder, replaced by a new object on first use: the
 * transaction would then name an object that is no longer the list.
 */
export function defineDraftRoots(doc: Y.Doc) {
	indicatorList(doc);
	bandList(doc);
	meta(doc);
}

/** What `transaction` touched (a person's edits gather over several: see mergeTouch). */
export function touchDraft(doc: Y.Doc, transaction: Y.Transaction): DraftTouch {
	const into = emptyTouch();
	touchList(indicatorList(doc), transaction, into.indicators);
	touchList(bandList(doc), transaction, into.bands);
	const root = meta(doc);
	for (const type of transaction.changed.keys()) {
		if (isInside(type, root)) {
			into.purpose = true;
			break;
		}
	}
	return into;
}

/**
 * A board (probleemkaart) as one Y.Doc, shared by browser, server and tests:
 *
 * - `items`: Y.Map of id -> Y.Map { id, type: 'note' | 'label' | 'group', x, y, width, height,
 *   parentId (a group id or null; x and y are then relative to that group, like xyflow child nodes),
 *   locked, createdBy (user id), createdAt (ms), z (ordering) } plus per type:
 *   note: text (Y.Text), kind, color (a key of NOTE_COLORS), author { name, organisation };
 *   label: text (Y.Text); group: title (Y.Text).
 * - `edges`: Y.Map of id -> Y.Map { id, source, target, label }.
 * - `meta`: Y.Map { template?: string }. (Old documents may hold `locked` here: it is ignored. Whether
 *   the board is locked is kept on the server, in SQL, and comes with the page data.)
 *
 * Every edit runs in `doc.transact(fn, origin)`: pass each person's own origin, so a Y.UndoManager
 * with `trackedOrigins: new Set([origin])` undoes that person's changes only.
 *
 * The document is written by browsers, so everything read from it is checked: unknown types,
 * non-numbers, dangling or circular parents are ignored or repaired on reading, never trusted.
 */
import Papa from 'papaparse';
import * as Y from 'yjs';
import type { Edge, EdgeMarker, Node, NodeHandle, Position } from '@xyflow/svelte';
import { diffText } from '$lib/collab/text-diff';

export const MAX_ITEMS = 10_000;
export const TEXT_MAX = 2_000;
export const EDGE_LABEL_MAX = 200;
/** Grid size in flow pixels: snapping, duplicate offset, template layout. */
export const GRID = 20;

export const ITEM_TYPES = ['note', 'label', 'group'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const NOTE_KINDS = ['note', 'hmw', 'idea', 'question', 'quote'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Sticky colours: dark text (#1f2937) on each has a contrast ratio above 10:1. */
export const NOTE_COLORS = {
	yellow: '#fef08a',
	orange: '#fed7aa',
	pink: '#fbcfe8',
	purple: '#e9d5ff',
	blue: '#bfdbfe',
	green: '#bbf7d0'
} as const;
export type NoteColor = keyof typeof NOTE_COLORS;
export const NOTE_COLOR_KEYS = Object.keys(NOTE_COLORS) as NoteColor[];
/** The colour a new note of a kind gets unless the writer picks one. */
export const KIND_COLORS: Record<NoteKind, NoteColor> = { note: 'yellow', hmw: 'blue', idea: 'green', question: 'purple', quote: 'pink' };

export const SIZES: Record<ItemType, { width: number; height: number }> = {
	note: { width: 200, height: 140 },
	label: { width: 240, height: 60 },
	group: { width: 480, height: 360 }
};
export const MIN_SIZES: Record<ItemType, { width: number; height: number }> = {
	note: { width: 100, height: 60 },
	label: { width: 60, height: 32 },
	group: { width: 160, height: 100 }
};
const MAX_SIZE = 20_000;
/** Coordinates are kept within this range (flow pixels), so a broken value cannot throw the view off. */
const MAX_COORD = 1_000_000;

export type Author = { userId: string; name: string; organisation: string };
export type ItemMap = Y.Map<unknown>;
/** A failed creation: the board holds MAX_ITEMS items already, or the parent is no group. */
export type BoardError = { ok: false; error: 'board_full' | 'bad_parent' };
export type Created = { ok: true; id: string } | BoardError;

export function items(doc: Y.Doc): Y.Map<ItemMap> {
	return doc.getMap<ItemMap>('items');
}
export function edges(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>('edges');
}
export function meta(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('meta');
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A random 16-character id (about 82 bits). */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let id = '';
	for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
	return id;
}

// ---------------------------------------------------------------------------------------------
// Reading (defensive)

function num(value: unknown, fallback: number, min = -MAX_COORD, max = MAX_COORD): number {
	return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}
function str(value: unknown, max = 200): string {
	return typeof value === 'string' ? value.slice(0, max) : '';
}
export function isKind(value: unknown): value is NoteKind {
	return typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);
}
export function isColor(value: unknown): value is NoteColor {
	return typeof value === 'string' && Object.hasOwn(NOTE_COLORS, value);
}
function itemType(map: ItemMap | undefined): ItemType | null {
	const type = map?.get('type');
	return typeof type === 'string' && (ITEM_TYPES as readonly string[]).includes(type) ? (type as ItemType) : null;
}
function getItem(doc: Y.Doc, id: string): ItemMap | null {
	const map = items(doc).get(id);
	return map instanceof Y.Map && itemType(map) ? map : null;
}

/** The Y.Text of a note or label (`text`) or a group (`title`); null for an unknown id. */
export function itemText(doc: Y.Doc, id: string): Y.Text | null {
	const map = getItem(doc, id);
	if (!map) return null;
	const text = map.get(itemType(map) === 'group' ? 'title' : 'text');
	return text instanceof Y.Text ? text : null;
}

/** The parent id if it names an existing group, else null (dangling parents are read as none). */
function validParent(doc: Y.Doc, map: ItemMap): string | null {
	const parentId = map.get('parentId');
	if (typeof parentId !== 'string') return null;
	const parent = getItem(doc, parentId);
	return parent && itemType(parent) === 'group' ? parentId : null;
}

/**
 * The chain of ancestors of an item, nearest first; an empty chain when a cycle is found (two people
 * moved two groups into each other at once): an item in a cycle is read as being at the root.
 */
function ancestors(doc: Y.Doc, id: string): string[] {
	const chain: string[] = [];
	const seen = new Set([id]);
	let map = getItem(doc, id);
	while (map) {
		const parentId = validParent(doc, map);
		if (!parentId) return chain;
		if (seen.has(parentId)) return [];
		seen.add(parentId);
		chain.push(parentId);
		map = getItem(doc, parentId);
	}
	return chain;
}

/** The effective parent (null at the root or in a cycle). */
export function parentOf(doc: Y.Doc, id: string): string | null {
	return ancestors(doc, id)[0] ?? null;
}

/** Position on the board, adding up the positions of the groups the item sits in. */
export function absolutePosition(doc: Y.Doc, id: string): { x: number; y: number } {
	const map = getItem(doc, id);
	if (!map) return { x: 0, y: 0 };
	let x = num(map.get('x'), 0);
	let y = num(map.get('y'), 0);
	for (const parentId of ancestors(doc, id)) {
		const parent = getItem(doc, parentId)!;
		x += num(parent.get('x'), 0);
		y += num(parent.get('y'), 0);
	}
	return { x, y };
}

export function itemCount(doc: Y.Doc): number {
	return items(doc).size;
}

export function isLocked(doc: Y.Doc, id: string): boolean {
	return getItem(doc, id)?.get('locked') === true;
}

/** An editable item: it exists and is not locked. */
function editable(doc: Y.Doc, id: string): ItemMap | null {
	const map = getItem(doc, id);
	return map && map.get('locked') !== true ? map : null;
}

/** Ids of the items directly inside a group. */
function childrenOf(doc: Y.Doc, groupId: string): string[] {
	const out: string[] = [];
	for (const [id] of items(doc)) if (parentOf(doc, id) === groupId) out.push(id);
	return out;
}

function descendantsOf(doc: Y.Doc, groupId: string): string[] {
	const out: string[] = [];
	const queue = [groupId];
	while (queue.length) {
		const next = childrenOf(doc, queue.shift()!);
		out.push(...next);
		queue.push(...next.filter((id) => itemType(getItem(doc, id)!) === 'group'));
	}
	return out;
}

function maxZ(doc: Y.Doc): number {
	let z = 0;
	for (const [, map] of items(doc)) z = Math.max(z, num(map.get('z'), 0));
	return z;
}

// ---------------------------------------------------------------------------------------------
// Creating

type Common = { x: number; y: number; width?: number; height?: number; parentId?: string | null; author: Author };
export type NoteInput = Common & { text?: string; kind?: NoteKind; color?: NoteColor };
export type LabelInput = Common & { text?: string };
export type GroupInput = Common & { title?: string };

function snapshotAuthor(author: Author) {
	return { name: str(author.name), organisation: str(author.organisation) };
}

function base(type: ItemType, input: Common, id: string, z: number): ItemMap {
	const map = new Y.Map<unknown>();
	const size = SIZES[type];
	const min = MIN_SIZES[type];
	map.set('id', id);
	map.set('type', type);
	map.set('x', num(input.x, 0));
	map.set('y', num(input.y, 0));
	map.set('width', num(input.width, size.width, min.width, MAX_SIZE));
	map.set('height', num(input.height, size.height, min.height, MAX_SIZE));
	map.set('parentId', input.parentId ?? null);
	map.set('locked', false);
	map.set('createdBy', str(input.author.userId));
	map.set('createdAt', Date.now());
	map.set('z', z);
	return map;
}

function checkCreate(doc: Y.Doc, count: number, parentId: string | null | undefined): BoardError | null {
	if (itemCount(doc) + count > MAX_ITEMS) return { ok: false, error: 'board_full' };
	if (parentId != null && itemType(getItem(doc, parentId) ?? undefined) !== 'group') return { ok: false, error: 'bad_parent' };
	return null;
}

function noteMap(input: NoteInput, id: string, z: number): ItemMap {
	const map = base('note', input, id, z);
	const kind = isKind(input.kind) ? input.kind : 'note';
	map.set('text', new Y.Text((input.text ?? '').slice(0, TEXT_MAX)));
	map.set('kind', kind);
	map.set('color', isColor(input.color) ? input.color : KIND_COLORS[kind]);
	map.set('author', snapshotAuthor(input.author));
	return map;
}

export function createNote(doc: Y.Doc, input: NoteInput, origin?: unknown): Created {
	const error = checkCreate(doc, 1, input.parentId);
	if (error) return error;
	const id = newId();
	doc.transact(() => items(doc).set(id, noteMap(input, id, maxZ(doc) + 1)), origin);
	return { ok: true, id };
}

export function createLabel(doc: Y.Doc, input: LabelInput, origin?: unknown): Created {
	const error = checkCreate(doc, 1, input.parentId);
	if (error) return error;
	const id = newId();
	doc.transact(() => {
		const map = base('label', input, id, maxZ(doc) + 1);
		map.set('text', new Y.Text((input.text ?? '').slice(0, TEXT_MAX)));
		items(doc).set(id, map);
	}, origin);
	return { ok: true, id };
}

export function createGroup(doc: Y.Doc, input: GroupInput, origin?: unknown): Created {
	const error = checkCreate(doc, 1, input.parentId);
	if (error) return error;
	const id = newId();
	doc.transact(() => {
		const map = base('group', input, id, maxZ(doc) + 1);
		map.set('title', new Y.Text((input.title ?? '').slice(0, TEXT_MAX)));
		items(doc).set(id, map);
	}, origin);
	return { ok: true, id };
}

// ---------------------------------------------------------------------------------------------
// Editing (locked items are left alone: each returns whether it changed something)

/** Moves an item to (x, y), relative to its parent group if it has one. */
export function moveItem(doc: Y.Doc, id: string, x: number, y: number, origin?: unknown): boolean {
	const map = editable(doc, id);
	if (!map) return false;
	const nx = num(x, 0);
	const ny = num(y, 0);
	if (map.get('x') === nx && map.get('y') === ny) return false;
	doc.transact(() => {
		map.set('x', nx);
		map.set('y', ny);
	}, origin);
	return true;
}

export function resizeItem(doc: Y.Doc, id: string, width: number, height: number, origin?: unknown): boolean {
	const map = editable(doc, id);
	if (!map) return false;
	const type = itemType(map)!;
	const w = num(width, SIZES[type].width, MIN_SIZES[type].width, MAX_SIZE);
	const h = num(height, SIZES[type].height, MIN_SIZES[type].height, MAX_SIZE);
	if (map.get('width') === w && map.get('height') === h) return false;
	doc.transact(() => {
		map.set('width', w);
		map.set('height', h);
	}, origin);
	return true;
}

/**
 * Puts an item into a group (or at the root with null), keeping where it is on the board.
 * Refused for unknown or locked items, a parent that is no group, and a group into itself or one
 * of its own descendants.
 */
export function setParent(doc: Y.Doc, id: string, parentId: string | null, origin?: unknown): boolean {
	const map = editable(doc, id);
	if (!map) return false;
	if (parentId !== null) {
		const parent = getItem(doc, parentId);
		if (!parent || itemType(parent) !== 'group' || parentId === id) return false;
		if (ancestors(doc, parentId).includes(id)) return false;
	}
	if (parentOf(doc, id) === parentId && map.get('parentId') === parentId) return false;
	const abs = absolutePosition(doc, id);
	const origin0 = parentId ? absolutePosition(doc, parentId) : { x: 0, y: 0 };
	doc.transact(() => {
		map.set('parentId', parentId);
		map.set('x', abs.x - origin0.x);
		map.set('y', abs.y - origin0.y);
		// On top of what is already in the new group.
		map.set('z', maxZ(doc) + 1);
	}, origin);
	return true;
}

/**
 * Replaces the text of a note or label or the title of a group with one minimal change (so
 * concurrent typing elsewhere in the same text merges). Text beyond TEXT_MAX is cut.
 * @returns whether the text was cut; false too when nothing changed.
 */
export function setText(doc: Y.Doc, id: string, value: string, origin?: unknown): boolean {
	const text = editable(doc, id) ? itemText(doc, id) : null;
	if (!text) return false;
	const cut = value.length > TEXT_MAX;
	const after = cut ? value.slice(0, TEXT_MAX) : value;
	const { index, remove, insert } = diffText(text.toString(), after);
	if (remove || insert) {
		doc.transact(() => {
			if (remove) text.delete(index, remove);
			if (insert) text.insert(index, insert);
		}, origin);
	}
	return cut;
}

function setNoteField(doc: Y.Doc, id: string, key: 'kind' | 'color', value: string, origin: unknown): boolean {
	const map = editable(doc, id);
	if (!map || itemType(map) !== 'note' || map.get(key) === value) return false;
	doc.transact(() => map.set(key, value), origin);
	return true;
}

export function setKind(doc: Y.Doc, id: string, kind: NoteKind, origin?: unknown): boolean {
	return isKind(kind) && setNoteField(doc, id, 'kind', kind, origin);
}

export function setColor(doc: Y.Doc, id: string, color: NoteColor, origin?: unknown): boolean {
	return isColor(color) && setNoteField(doc, id, 'color', color, origin);
}

/**
 * Locks or unlocks items (a locked item cannot be moved, resized, edited or deleted). Only a
 * facilitator may: the realtime server undoes anyone else's changes to locked items and to `locked`.
 */
export function setLocked(doc: Y.Doc, ids: string[], locked: boolean, origin?: unknown): number {
	const maps = ids.map((id) => getItem(doc, id)).filter((map): map is ItemMap => !!map && (map.get('locked') === true) !== locked);
	if (maps.length) doc.transact(() => maps.forEach((map) => map.set('locked', locked)), origin);
	return maps.length;
}

/**
 * Deletes items (locked ones, and frames holding one, stay) and the arrows attached to them. Items
 * inside a deleted group that are not deleted themselves move out of it, keeping their place on the
 * board (to the root, or to the nearest enclosing group that stays).
 * @returns the ids deleted
 */
export function deleteItems(doc: Y.Doc, ids: Iterable<string>, origin?: unknown): string[] {
	// A frame holding a locked item stays too: deleting it would move that item (its place is
	// relative to the frame), which the server would refuse halfway.
	const holdsLocked = (id: string) => itemType(getItem(doc, id)!) === 'group' && descendantsOf(doc, id).some((d) => isLocked(doc, d));
	const doomed = new Set([...ids].filter((id) => editable(doc, id) && !holdsLocked(id)));
	if (!doomed.size) return [];
	const all = items(doc);
	// Work out new places before anything is deleted.
	const rescued: { map: ItemMap; parentId: string | null; x: number; y: number }[] = [];
	for (const [id, map] of all) {
		if (doomed.has(id)) continue;
		const chain = ancestors(doc, id);
		if (!chain.length || !doomed.has(chain[0])) continue;
		const parentId = chain.find((a) => !doomed.has(a)) ?? null;
		const abs = absolutePosition(doc, id);
		const base = parentId ? absolutePosition(doc, parentId) : { x: 0, y: 0 };
		rescued.push({ map, parentId, x: abs.x - base.x, y: abs.y - base.y });
	}
	doc.transact(() => {
		for (const r of rescued) {
			r.map.set('parentId', r.parentId);
			r.map.set('x', r.x);
			r.map.set('y', r.y);
		}
		for (const id of doomed) all.delete(id);
		for (const [edgeId, edge] of edges(doc)) {
			if (doomed.has(edge.get('source') as string) || doomed.has(edge.get('target') as string)) edges(doc).delete(edgeId);
		}
	}, origin);
	return [...doomed];
}

/** A copy of an item (a new Y.Map: it cannot be read before it is in the document). */
function copyItem(source: ItemMap, id: string, by: Author, z: number, changes: Record<string, unknown>): ItemMap {
	const map = new Y.Map<unknown>();
	for (const [key, value] of source) {
		if (value instanceof Y.Text) map.set(key, new Y.Text(value.toString()));
		else if (value instanceof Y.AbstractType) continue;
		else map.set(key, value && typeof value === 'object' ? structuredClone(value) : value);
	}
	map.set('id', id);
	map.set('locked', false);
	map.set('createdBy', str(by.userId));
	map.set('createdAt', Date.now());
	map.set('z', z);
	for (const [key, value] of Object.entries(changes)) map.set(key, value);
	return map;
}

/**
 * Copies items (a copied group brings what is inside it) and the arrows between copied items. Copies
 * land `offset` lower and to the right; a note keeps its original author.
 * @returns the ids of the copies, in the order of `ids` (then the contents of copied groups)
 */
export function duplicateItems(doc: Y.Doc, ids: string[], options: { by: Author; offset?: number }, origin?: unknown): { ok: true; ids: string[] } | BoardError {
	const offset = options.offset ?? GRID;
	const selected = ids.filter((id) => getItem(doc, id));
	const all: string[] = [];
	for (const id of selected) {
		if (!all.includes(id)) all.push(id);
		if (itemType(getItem(doc, id)!) === 'group') for (const d of descendantsOf(doc, id)) if (!all.includes(d)) all.push(d);
	}
	if (!all.length) return { ok: true, ids: [] };
	if (itemCount(doc) + all.length > MAX_ITEMS) return { ok: false, error: 'board_full' };
	const newIds = new Map(all.map((id) => [id, newId()]));
	doc.transact(() => {
		let z = maxZ(doc);
		for (const id of all) {
			const source = getItem(doc, id)!;
			const parentId = parentOf(doc, id);
			const inCopy = parentId !== null && newIds.has(parentId);
			// Only the outermost copies move; what is inside a copied group moves with it.
			const shift = inCopy ? 0 : offset;
			const changes = {
				parentId: inCopy ? newIds.get(parentId)! : parentId,
				x: num(source.get('x'), 0) + shift,
				y: num(source.get('y'), 0) + shift
			};
			items(doc).set(newIds.get(id)!, copyItem(source, newIds.get(id)!, options.by, ++z, changes));
		}
		for (const [, edge] of edges(doc)) {
			const source = newIds.get(edge.get('source') as string);
			const target = newIds.get(edge.get('target') as string);
			if (source && target) edges(doc).set(...edgeMap(source, target, str(edge.get('label'), EDGE_LABEL_MAX)));
		}
	}, origin);
	return { ok: true, ids: all.map((id) => newIds.get(id)!) };
}

// ---------------------------------------------------------------------------------------------
// Arrows

function edgeMap(source: string, target: string, label: string): [string, Y.Map<unknown>] {
	const id = newId();
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('source', source);
	map.set('target', target);
	map.set('label', label.slice(0, EDGE_LABEL_MAX));
	return [id, map];
}

/** Draws an arrow from one item to another. Refused (null) for a self-loop or an unknown item. */
export function connect(doc: Y.Doc, source: string, target: string, label = '', origin?: unknown): string | null {
	if (source === target || !getItem(doc, source) || !getItem(doc, target)) return null;
	const [id, map] = edgeMap(source, target, label);
	doc.transact(() => edges(doc).set(id, map), origin);
	return id;
}

export function setEdgeLabel(doc: Y.Doc, id: string, label: string, origin?: unknown): boolean {
	const edge = edges(doc).get(id);
	const value = label.slice(0, EDGE_LABEL_MAX);
	if (!(edge instanceof Y.Map) || edge.get('label') === value) return false;
	doc.transact(() => edge.set('label', value), origin);
	return true;
}

export function deleteEdge(doc: Y.Doc, id: string, origin?: unknown): boolean {
	if (!edges(doc).has(id)) return false;
	doc.transact(() => edges(doc).delete(id), origin);
	return true;
}

// ---------------------------------------------------------------------------------------------
// To xyflow and to plain data

export type ItemBase = { id: string; type: ItemType; x: number; y: number; width: number; height: number; parentId: string | null; locked: boolean; createdBy: string; createdAt: number; z: number };
export type NoteItem = ItemBase & { type: 'note'; text: string; kind: NoteKind; color: NoteColor; author: { name: string; organisation: string } };
export type LabelItem = ItemBase & { type: 'label'; text: string };
export type GroupItem = ItemBase & { type: 'group'; title: string };
export type Item = NoteItem | LabelItem | GroupItem;
export type EdgeItem = { id: string; source: string; target: string; label: string };

/** One item read safely into plain data (null when it is not a valid item). */
export function readItem(doc: Y.Doc, id: string): Item | null {
	const map = getItem(doc, id);
	if (!map) return null;
	const type = itemType(map)!;
	const common: ItemBase = {
		id,
		type,
		x: num(map.get('x'), 0),
		y: num(map.get('y'), 0),
		width: num(map.get('width'), SIZES[type].width, MIN_SIZES[type].width, MAX_SIZE),
		height: num(map.get('height'), SIZES[type].height, MIN_SIZES[type].height, MAX_SIZE),
		parentId: parentOf(doc, id),
		locked: map.get('locked') === true,
		createdBy: str(map.get('createdBy')),
		createdAt: num(map.get('createdAt'), 0, 0, Number.MAX_SAFE_INTEGER),
		z: num(map.get('z'), 0)
	};
	const text = itemText(doc, id)?.toString() ?? '';
	if (type === 'group') return { ...common, type, title: text };
	if (type === 'label') return { ...common, type, text };
	const kind = isKind(map.get('kind')) ? (map.get('kind') as NoteKind) : 'note';
	const author = (map.get('author') ?? {}) as Record<string, unknown>;
	return {
		...common,
		type,
		text,
		kind,
		color: isColor(map.get('color')) ? (map.get('color') as NoteColor) : KIND_COLORS[kind],
		author: { name: str(author.name), organisation: str(author.organisation) }
	};
}

export function readEdges(doc: Y.Doc): EdgeItem[] {
	const out: EdgeItem[] = [];
	for (const [id, edge] of edges(doc)) {
		if (!(edge instanceof Y.Map)) continue;
		const source = edge.get('source');
		const target = edge.get('target');
		if (typeof source !== 'string' || typeof target !== 'string' || source === target) continue;
		if (!getItem(doc, source) || !getItem(doc, target)) continue;
		out.push({ id, source, target, label: str(edge.get('label'), EDGE_LABEL_MAX) });
	}
	return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** All items, parents before their children, groups under notes, then by z. */
export function readItems(doc: Y.Doc): Item[] {
	const list: { item: Item; depth: number }[] = [];
	for (const [id] of items(doc)) {
		const item = readItem(doc, id);
		if (item) list.push({ item, depth: ancestors(doc, id).length });
	}
	list.sort(
		(a, b) =>
			a.depth - b.depth ||
			Number(b.item.type === 'group') - Number(a.item.type === 'group') ||
			a.item.z - b.item.z ||
			a.item.id.localeCompare(b.item.id)
	);
	return list.map((entry) => entry.item);
}

export type NoteData = { item: NoteItem };
export type LabelData = { item: LabelItem };
export type GroupData = { item: GroupItem };
/** Node types: 'note', 'label' and 'frame' (a group; xyflow's own 'group' type has styles of its own). */
export type BoardNode = Node<NoteData, 'note'> | Node<LabelData, 'label'> | Node<GroupData, 'frame'>;
export type BoardEdge = Edge<{ label: string }>;

/** Size of the connection handles in the middle of each side (Handles.svelte, 14px). */
const HANDLE = 14;

/**
 * The four handles of an item (one per side, all of type source: the board connects in "loose"
 * mode). Given up front, with `measured`, so xyflow need not render every item once to measure it:
 * a board of thousands of notes renders only what is in view.
 */
function handlesOf(width: number, height: number): NodeHandle[] {
	const h = HANDLE / 2;
	return [
		{ id: 't', type: 'source', position: 'top' as Position, x: width / 2 - h, y: -h, width: HANDLE, height: HANDLE },
		{ id: 'r', type: 'source', position: 'right' as Position, x: width - h, y: height / 2 - h, width: HANDLE, height: HANDLE },
		{ id: 'b', type: 'source', position: 'bottom' as Position, x: width / 2 - h, y: height - h, width: HANDLE, height: HANDLE },
		{ id: 'l', type: 'source', position: 'left' as Position, x: -h, y: height / 2 - h, width: HANDLE, height: HANDLE }
	];
}

/** One item as an xyflow node: `data.item` is the plain item (text included, as text). */
export function itemToNode(item: Item): BoardNode {
	const node = {
		id: item.id,
		type: item.type === 'group' ? 'frame' : item.type,
		position: { x: item.x, y: item.y },
		width: item.width,
		height: item.height,
		measured: { width: item.width, height: item.height },
		handles: handlesOf(item.width, item.height),
		data: { item },
		// Notes can be dragged out of their group, so no `extent: 'parent'`.
		...(item.parentId ? { parentId: item.parentId } : {}),
		draggable: !item.locked,
		deletable: !item.locked,
		class: `board-${item.type}${item.locked ? ' locked' : ''}`,
		// For tests and styles: which frame the item is in.
		domAttributes: { 'data-parent': item.parentId ?? '' }
	};
	return node as BoardNode;
}

export function edgeToFlow(edge: EdgeItem): BoardEdge {
	return {
		id: edge.id,
		source: edge.source,
		target: edge.target,
		...(edge.label ? { label: edge.label } : {}),
		data: { label: edge.label },
		type: 'arrow',
		// An object, so xyflow draws the marker (a string would name an existing <marker>).
		markerEnd: { type: 'arrowclosed', width: 18, height: 18 } as EdgeMarker
	};
}

export function toFlow(doc: Y.Doc): { nodes: BoardNode[]; edges: BoardEdge[] } {
	return { nodes: readItems(doc).map(itemToNode), edges: readEdges(doc).map(edgeToFlow) };
}

/** The whole board as plain data (for the JSON export and tests). */
export function exportJson(doc: Y.Doc, locked = false) {
	return { format: 'meedoen-board', version: 1, locked, items: readItems(doc), edges: readEdges(doc) };
}

export type ExportRow = { id: string; text: string; kind: NoteKind; group: string; organisation: string };

/** One row per note: text, kind, title of the group it is in, author organisation. */
export function exportRows(doc: Y.Doc): ExportRow[] {
	const list = readItems(doc);
	const titles = new Map(list.filter((i) => i.type === 'group').map((g) => [g.id, (g as GroupItem).title]));
	const notes = list.filter((i): i is NoteItem => i.type === 'note').map((note) => ({ note, at: absolutePosition(doc, note.id) }));
	// Reading order: top to bottom, then left to right.
	notes.sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x);
	return notes.map(({ note }) => ({
		id: note.id,
		text: note.text,
		kind: note.kind,
		group: note.parentId ? (titles.get(note.parentId) ?? '') : '',
		organisation: note.author.organisation
	}));
}

/** A spreadsheet cannot read a cell as a formula: cells starting with = + - @ tab or CR get a quote. */
export function neutraliseCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows to CSV (header first), with formula cells neutralised. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
	return Papa.unparse({ fields: header.map(neutraliseCell), data: rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell))) }, { newline: '\r\n' });
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportedNote = { text: string; kind: NoteKind; group: string };
export type ImportError = 'empty' | 'too_many' | 'missing_quotes' | 'field_count' | 'empty_text' | 'unknown_kind' | 'bad_csv';
export type ImportResult = { ok: true; notes: ImportedNote[]; cut: number } | { ok: false; line: number; error: ImportError };

/** Kind names accepted in an import, in English and Dutch. */
const KIND_ALIASES: Record<string, NoteKind> = {
	'': 'note',
	note: 'note',
	notitie: 'note',
	hmw: 'hmw',
	hzw: 'hmw',
	'how might we': 'hmw',
	'hoe zouden we': 'hmw',
	idea: 'idea',
	idee: 'idea',
	question: 'question',
	vraag: 'question',
	quote: 'quote',
	citaat: 'quote'
};

const HEADER = /^\s*"?text"?\s*,\s*"?kind"?\s*,\s*"?group"?\s*$/i;

/**
 * Reads pasted or uploaded text into notes: a CSV when the first line is the header
 * `text,kind,group`, else one note per non-empty line. A broken CSV is refused whole, naming the
 * (1-based) line of the first fault. Text over TEXT_MAX is cut (counted in `cut`). Nothing is
 * interpreted: the text stays text.
 */
export function parseImport(input: string): ImportResult {
	const source = input.replace(/^\uFEFF/, '');
	const firstLine = source.split(/\r\n|\n|\r/, 1)[0] ?? '';
	let cut = 0;
	const clip = (text: string) => {
		if (text.length <= TEXT_MAX) return text;
		cut++;
		return text.slice(0, TEXT_MAX);
	};

	if (!HEADER.test(firstLine)) {
		const notes: ImportedNote[] = [];
		const lines = source.split(/\r\n|\n|\r/);
		for (let i = 0; i < lines.length; i++) {
			const text = lines[i].trim();
			if (!text) continue;
			if (notes.length >= MAX_ITEMS) return { ok: false, line: i + 1, error: 'too_many' };
			notes.push({ text: clip(text), kind: 'note', group: '' });
		}
		return notes.length ? { ok: true, notes, cut } : { ok: false, line: 1, error: 'empty' };
	}

	// Line number where a character offset falls.
	const lineStarts = [0];
	for (let i = 0; i < source.length; i++) {
		if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] !== '\n')) lineStarts.push(i + 1);
	}
	const lineAt = (offset: number) => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lineStarts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
	const skipBlank = (offset: number) => {
		while (offset < source.length && /[\r\n]/.test(source[offset])) offset++;
		return offset;
	};

	const notes: ImportedNote[] = [];
	let failure: ImportResult | null = null;
	let rowStart = 0;
	let header = true;
	Papa.parse<string[]>(source, {
		header: false,
		skipEmptyLines: false,
		step(results, parser) {
			const line = lineAt(skipBlank(rowStart));
			rowStart = results.meta.cursor;
			const fail = (error: ImportError, at = line) => {
				failure = { ok: false, line: at, error };
				parser.abort();
			};
			const error = results.errors[0];
			if (error) return fail(error.code === 'MissingQuotes' ? 'missing_quotes' : 'bad_csv');
			const row = results.data;
			if (header) {
				header = false;
				return;
			}
			if (row.length === 1 && row[0].trim() === '') return; // an empty line
			if (row.length !== 3) return fail('field_count');
			const text = row[0].trim();
			if (!text) return fail('empty_text');
			const kind = KIND_ALIASES[row[1].trim().toLowerCase()];
			if (!kind) return fail('unknown_kind');
			if (notes.length >= MAX_ITEMS) return fail('too_many');
			notes.push({ text: clip(text), kind, group: row[2].trim().slice(0, TEXT_MAX) });
		}
	});
	if (failure) return failure;
	return notes.length ? { ok: true, notes, cut } : { ok: false, line: 2, error: 'empty' };
}

/**
 * Adds imported notes to the board in a grid starting at `at`: notes naming a group go into the
 * group with that title (made, below the others, when the board has none yet).
 */
export function addImportedNotes(doc: Y.Doc, notes: ImportedNote[], author: Author, at: { x: number; y: number }, origin?: unknown): { ok: true; ids: string[] } | BoardError {
	const byGroup = new Map<string, ImportedNote[]>();
	for (const note of notes) byGroup.set(note.group, [...(byGroup.get(note.group) ?? []), note]);
	const existing = new Map<string, string>();
	for (const item of readItems(doc)) if (item.type === 'group' && !existing.has(item.title)) existing.set(item.title, item.id);
	const newGroups = [...byGroup.keys()].filter((title) => title && !existing.has(title));
	if (itemCount(doc) + notes.length + newGroups.length > MAX_ITEMS) return { ok: false, error: 'board_full' };

	const { width: w, height: h } = SIZES.note;
	// Five notes a row; a long list gets a squarer block, so it does not run off the board downwards.
	const columns = Math.max(5, Math.round(Math.sqrt(notes.length)));
	const rowsOf = (n: number) => Math.ceil(n / columns);
	const ids: string[] = [];
	doc.transact(() => {
		let y = at.y;
		let z = maxZ(doc);
		for (const [title, list] of byGroup) {
			let parentId: string | null = null;
			// Where the first note goes (relative to its group, if any).
			let ox = at.x;
			let oy = y;
			if (title && existing.has(title)) {
				// Below what the group holds already; the group grows to fit.
				parentId = existing.get(title)!;
				const inside = childrenOf(doc, parentId).map((id) => readItem(doc, id)!);
				ox = GRID;
				oy = Math.max(3 * GRID, ...inside.map((i) => i.y + i.height + GRID));
				const parent = getItem(doc, parentId)!;
				const height = oy + rowsOf(list.length) * (h + GRID) + GRID;
				const width = Math.min(list.length, columns) * (w + GRID) + 2 * GRID;
				if (num(parent.get('height'), 0) < height) parent.set('height', height);
				if (num(parent.get('width'), 0) < width) parent.set('width', width);
			} else if (title) {
				parentId = newId();
				const width = Math.min(list.length, columns) * (w + GRID) + GRID;
				const height = rowsOf(list.length) * (h + GRID) + 4 * GRID;
				const group = base('group', { x: at.x, y, width, height, author }, parentId, ++z);
				group.set('title', new Y.Text(title));
				items(doc).set(parentId, group);
				ox = GRID;
				oy = 3 * GRID;
				y += height + 2 * GRID;
			} else {
				y += rowsOf(list.length) * (h + GRID) + GRID;
			}
			list.forEach((note, i) => {
				const id = newId();
				const x = ox + (i % columns) * (w + GRID);
				const ny = oy + Math.floor(i / columns) * (h + GRID);
				items(doc).set(id, noteMap({ x, y: ny, text: note.text, kind: note.kind, parentId, author }, id, ++z));
				ids.push(id);
			});
		}
	}, origin);
	return { ok: true, ids };
}

// ---------------------------------------------------------------------------------------------
// The Design Sprint problem map

export type ProblemMapTexts = { goal: string; actors: string; steps: string; hmw: string };
export type ProblemMapIds = { goal: string; actors: string; steps: string; hmw: string; arrow: string };

/**
 * Lays out the Design Sprint "Probleemkaart": the long-term goal across the top, the actors on the
 * left, the steps towards the goal on the right (an arrow from the steps to the goal) and a wall
 * for "Hoe zouden we ...?" notes below. `texts` are the (translated) titles. Applied once per
 * board: a second call returns null.
 */
export function applyProblemMapTemplate(doc: Y.Doc, texts: ProblemMapTexts, author: Author, origin?: unknown): ProblemMapIds | null {
	if (meta(doc).get('template') === 'problem-map' || itemCount(doc) + 4 > MAX_ITEMS) return null;
	const ids = { goal: newId(), actors: newId(), steps: newId(), hmw: newId() };
	const width = 1600;
	const layout: [keyof typeof ids, { x: number; y: number; width: number; height: number }][] = [
		['goal', { x: 0, y: 0, width, height: 180 }],
		['actors', { x: 0, y: 240, width: 400, height: 600 }],
		['steps', { x: 460, y: 240, width: width - 460, height: 600 }],
		['hmw', { x: 0, y: 900, width, height: 560 }]
	];
	let arrow = '';
	doc.transact(() => {
		let z = maxZ(doc);
		for (const [key, box] of layout) {
			const map = base('group', { ...box, author }, ids[key], ++z);
			map.set('title', new Y.Text(texts[key].slice(0, TEXT_MAX)));
			items(doc).set(ids[key], map);
		}
		const [edgeId, edge] = edgeMap(ids.steps, ids.goal, '');
		edges(doc).set(edgeId, edge);
		arrow = edgeId;
		meta(doc).set('template', 'problem-map');
	}, origin);
	return { ...ids, arrow };
}

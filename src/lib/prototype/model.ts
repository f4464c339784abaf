/**
 * A prototype as one Y.Doc, shared by browser, server and tests:
 *
 * - `screens`: Y.Map of id -> Y.Map { id, name: Y.Text, order: number, blocks: Y.Map of id -> block }.
 * - a block: Y.Map { id, type (BLOCK_TYPES), order: number, text: Y.Text (heading, label, question…),
 *   items: Y.Text (one option, list line or tab per line; the body of a card), target (a screen id,
 *   BACK, or null), overlay (boolean: the target opens over this screen), multiple (choice),
 *   emoji (pictogram), imageId (image block) }.
 * - `meta`: Y.Map { start: screen id, template }.
 * - `comments`: see comments.ts. Kept in the document (not SQL) so they arrive live and sit beside
 *   the screens and blocks they are pinned to; they are not part of a frozen version.
 *
 * Order is a number per screen and per block (not a Y.Array): two people moving the same block at
 * once then still leave one block, never a duplicate. Every edit runs in `doc.transact(fn, origin)`
 * with the person's own origin, so their Y.UndoManager undoes their changes only.
 *
 * The document is written by browsers: everything read from it is checked and capped.
 */
import * as Y from 'yjs';

export const BLOCK_TYPES = [
	'heading',
	'text',
	'image',
	'emoji',
	'button',
	'field',
	'choice',
	'scale',
	'checklist',
	'card',
	'list',
	'tabs',
	'note'
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** The target of a button that goes one screen back. */
export const BACK = '@back';
export const MAX_SCREENS = 60;
export const MAX_BLOCKS = 60;
export const NAME_MAX = 60;
/** Per block type: how long its main text may be (cut with a message when longer). */
export const TEXT_MAX: Record<BlockType, number> = {
	heading: 80,
	text: 600,
	image: 150,
	emoji: 80,
	button: 40,
	field: 120,
	choice: 150,
	scale: 150,
	checklist: 150,
	card: 80,
	list: 80,
	tabs: 0,
	note: 400
};
export const ITEMS_MAX = 600;
/** Which block types use `items` (one entry per line). */
export const HAS_ITEMS: ReadonlySet<BlockType> = new Set(['choice', 'checklist', 'card', 'list', 'tabs']);

export type Block = {
	id: string;
	type: BlockType;
	text: string;
	items: string;
	target: string | null;
	overlay: boolean;
	multiple: boolean;
	emoji: string;
	imageId: string | null;
};
export type Screen = { id: string; name: string; blocks: Block[] };

export type ProtoMap = Y.Map<unknown>;

export function screensMap(doc: Y.Doc): Y.Map<ProtoMap> {
	return doc.getMap<ProtoMap>('screens');
}
export function meta(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('meta');
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** A random 16-character id, the same alphabet as the server's ids. */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let id = '';
	for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
	return id;
}

export function isBlockType(value: unknown): value is BlockType {
	return typeof value === 'string' && (BLOCK_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Reading (defensive)

function textOf(value: unknown, max: number): string {
	if (value instanceof Y.Text) return value.toString().slice(0, max);
	return typeof value === 'string' ? value.slice(0, max) : '';
}
function orderOf(map: ProtoMap): number {
	const value = map.get('order');
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
function byOrder(a: [string, ProtoMap], b: [string, ProtoMap]) {
	return orderOf(a[1]) - orderOf(b[1]) || a[0].localeCompare(b[0]);
}

export function screenMap(doc: Y.Doc, screenId: string): ProtoMap | null {
	const map = screensMap(doc).get(screenId);
	return map instanceof Y.Map ? map : null;
}
function blocksOf(screen: ProtoMap): Y.Map<ProtoMap> | null {
	const blocks = screen.get('blocks');
	return blocks instanceof Y.Map ? (blocks as Y.Map<ProtoMap>) : null;
}
export function blockMap(doc: Y.Doc, screenId: string, blockId: string): ProtoMap | null {
	const screen = screenMap(doc, screenId);
	const map = screen ? blocksOf(screen)?.get(blockId) : null;
	return map instanceof Y.Map && isBlockType(map.get('type')) ? map : null;
}

/** The screens' maps in order (entries with a broken shape are skipped). */
function orderedScreens(doc: Y.Doc): [string, ProtoMap][] {
	return [...screensMap(doc).entries()].filter(([, map]) => map instanceof Y.Map).sort(byOrder);
}
function orderedBlocks(screen: ProtoMap): [string, ProtoMap][] {
	const blocks = blocksOf(screen);
	if (!blocks) return [];
	return [...blocks.entries()].filter(([, map]) => map instanceof Y.Map && isBlockType(map.get('type'))).sort(byOrder);
}

export function readBlock(id: string, map: ProtoMap): Block {
	const type = map.get('type') as BlockType;
	const target = map.get('target');
	const imageId = map.get('imageId');
	return {
		id,
		type,
		text: textOf(map.get('text'), TEXT_MAX[type]),
		items: HAS_ITEMS.has(type) ? textOf(map.get('items'), ITEMS_MAX) : '',
		target: typeof target === 'string' && target.length <= 40 ? target : null,
		overlay: map.get('overlay') === true,
		multiple: map.get('multiple') === true,
		emoji: textOf(map.get('emoji'), 16),
		imageId: typeof imageId === 'string' && /^[a-z2-7]{16}$/.test(imageId) ? imageId : null
	};
}

export function readScreens(doc: Y.Doc): Screen[] {
	return orderedScreens(doc).map(([id, map]) => ({
		id,
		name: textOf(map.get('name'), NAME_MAX),
		blocks: orderedBlocks(map).map(([blockId, block]) => readBlock(blockId, block))
	}));
}

/** The start screen: the one chosen, or the first when none is chosen or it was deleted. */
export function startScreen(doc: Y.Doc): string | null {
	const start = meta(doc).get('start');
	if (typeof start === 'string' && screenMap(doc, start)) return start;
	return orderedScreens(doc)[0]?.[0] ?? null;
}

/** Lines of a block's `items`, empty ones left out. */
export function lines(items: string): string[] {
	return items
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Links

export type Link = { screenId: string; blockId: string; target: string; overlay: boolean; label: string; broken: boolean };

/**
 * Every link between screens: buttons with a target (not "back"), and tabs whose line is the name of
 * a screen. A target that names no screen (deleted meanwhile) is a broken link.
 */
export function linksOf(screens: Screen[]): Link[] {
	const ids = new Set(screens.map((s) => s.id));
	const byName = new Map(screens.map((s) => [s.name.trim().toLowerCase(), s.id] as const));
	const links: Link[] = [];
	for (const screen of screens) {
		for (const block of screen.blocks) {
			if (block.type === 'button' && block.target && block.target !== BACK) {
				links.push({ screenId: screen.id, blockId: block.id, target: block.target, overlay: block.overlay, label: block.text, broken: !ids.has(block.target) });
			}
			if (block.type === 'tabs') {
				for (const tab of lines(block.items)) {
					const target = byName.get(tab.toLowerCase());
					if (target && target !== screen.id) links.push({ screenId: screen.id, blockId: block.id, target, overlay: false, label: tab, broken: false });
				}
			}
		}
	}
	return links;
}

export function tabTarget(screens: Screen[], tab: string): string | null {
	return screens.find((s) => s.name.trim().toLowerCase() === tab.trim().toLowerCase())?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Editing

export type Fail = { ok: false; error: 'full' | 'not_found' };
export type Created = { ok: true; id: string } | Fail;

function nextOrder(entries: [string, ProtoMap][]): number {
	return entries.length ? orderOf(entries[entries.length - 1][1]) + 1 : 1;
}

export type BlockInit = Partial<Omit<Block, 'id' | 'type'>> & { type: BlockType };

function makeBlock(id: string, init: BlockInit, order: number): ProtoMap {
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('type', init.type);
	map.set('order', order);
	map.set('text', new Y.Text((init.text ?? '').slice(0, TEXT_MAX[init.type])));
	map.set('items', new Y.Text((init.items ?? '').slice(0, ITEMS_MAX)));
	map.set('target', init.target ?? null);
	map.set('overlay', init.overlay ?? false);
	map.set('multiple', init.multiple ?? false);
	map.set('emoji', (init.emoji ?? '').slice(0, 16));
	map.set('imageId', init.imageId ?? null);
	return map;
}

/** Adds a screen (at the end, or right after `after`) with blocks; ids may be given (templates, restore). */
export function addScreen(doc: Y.Doc, name: string, origin: unknown, options: { id?: string; after?: string; blocks?: (BlockInit & { id?: string })[] } = {}): Created {
	const screens = orderedScreens(doc);
	if (screens.length >= MAX_SCREENS) return { ok: false, error: 'full' };
	const id = options.id ?? newId();
	let order = nextOrder(screens);
	const at = options.after ? screens.findIndex(([sid]) => sid === options.after) : -1;
	if (at >= 0) order = at + 1 < screens.length ? (orderOf(screens[at][1]) + orderOf(screens[at + 1][1])) / 2 : orderOf(screens[at][1]) + 1;
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		map.set('id', id);
		map.set('name', new Y.Text(name.slice(0, NAME_MAX)));
		map.set('order', order);
		const blocks = new Y.Map<ProtoMap>();
		(options.blocks ?? []).slice(0, MAX_BLOCKS).forEach((init, i) => {
			const blockId = init.id ?? newId();
			blocks.set(blockId, makeBlock(blockId, init, i + 1));
		});
		map.set('blocks', blocks);
		screensMap(doc).set(id, map);
		if (!startScreen(doc) || screens.length === 0) meta(doc).set('start', id);
	}, origin);
	return { ok: true, id };
}

export function screenName(doc: Y.Doc, screenId: string): Y.Text | null {
	const name = screenMap(doc, screenId)?.get('name');
	return name instanceof Y.Text ? name : null;
}

export function renameScreen(doc: Y.Doc, screenId: string, name: string, origin: unknown): boolean {
	const text = screenName(doc, screenId);
	if (!text) return false;
	doc.transact(() => {
		text.delete(0, text.length);
		text.insert(0, name.slice(0, NAME_MAX));
	}, origin);
	return true;
}

/** Deletes a screen. Links to it stay, and read as broken, so nobody's button silently changes. */
export function deleteScreen(doc: Y.Doc, screenId: string, origin: unknown): boolean {
	if (!screenMap(doc, screenId)) return false;
	doc.transact(() => {
		screensMap(doc).delete(screenId);
		if (meta(doc).get('start') === screenId) {
			const first = orderedScreens(doc)[0]?.[0];
			if (first) meta(doc).set('start', first);
			else meta(doc).delete('start');
		}
	}, origin);
	return true;
}

export function setStart(doc: Y.Doc, screenId: string, origin: unknown): boolean {
	if (!screenMap(doc, screenId)) return false;
	doc.transact(() => meta(doc).set('start', screenId), origin);
	return true;
}

/** Moves an entry one place up (-1) or down (+1) among its siblings by giving it an order between its new neighbours. */
function moveAmong(entries: [string, ProtoMap][], id: string, by: -1 | 1): boolean {
	const at = entries.findIndex(([eid]) => eid === id);
	const to = at + by;
	if (at < 0 || to < 0 || to >= entries.length) return false;
	const beyond = entries[to + by];
	const edge = orderOf(entries[to][1]);
	const order = beyond ? (edge + orderOf(beyond[1])) / 2 : edge + by;
	entries[at][1].set('order', order);
	return true;
}

/** Moves an entry to index `to` among its siblings. */
function moveTo(entries: [string, ProtoMap][], id: string, to: number): boolean {
	const at = entries.findIndex(([eid]) => eid === id);
	if (at < 0) return false;
	const rest = entries.filter(([eid]) => eid !== id);
	const index = Math.max(0, Math.min(rest.length, to));
	const before = rest[index - 1] ? orderOf(rest[index - 1][1]) : null;
	const after = rest[index] ? orderOf(rest[index][1]) : null;
	const order = before === null ? (after === null ? 1 : after - 1) : after === null ? before + 1 : (before + after) / 2;
	entries[at][1].set('order', order);
	return true;
}

export function moveScreen(doc: Y.Doc, screenId: string, by: -1 | 1, origin: unknown): boolean {
	let moved = false;
	doc.transact(() => (moved = moveAmong(orderedScreens(doc), screenId, by)), origin);
	return moved;
}

export function moveScreenTo(doc: Y.Doc, screenId: string, to: number, origin: unknown): boolean {
	let moved = false;
	doc.transact(() => (moved = moveTo(orderedScreens(doc), screenId, to)), origin);
	return moved;
}

/** A copy of a screen right after it, with new block ids; links keep pointing where they did. */
export function duplicateScreen(doc: Y.Doc, screenId: string, copyName: string, origin: unknown): Created {
	const screen = readScreens(doc).find((s) => s.id === screenId);
	if (!screen) return { ok: false, error: 'not_found' };
	return addScreen(doc, copyName.slice(0, NAME_MAX), origin, { after: screenId, blocks: screen.blocks.map(({ id: _id, ...block }) => block) });
}

export function addBlock(doc: Y.Doc, screenId: string, init: BlockInit, origin: unknown, after?: string): Created {
	const screen = screenMap(doc, screenId);
	const blocks = screen ? blocksOf(screen) : null;
	if (!screen || !blocks) return { ok: false, error: 'not_found' };
	const entries = orderedBlocks(screen);
	if (entries.length >= MAX_BLOCKS) return { ok: false, error: 'full' };
	const id = newId();
	doc.transact(() => {
		blocks.set(id, makeBlock(id, init, nextOrder(entries)));
		if (after) moveTo(orderedBlocks(screen), id, entries.findIndex(([bid]) => bid === after) + 1);
	}, origin);
	return { ok: true, id };
}

export function deleteBlock(doc: Y.Doc, screenId: string, blockId: string, origin: unknown): boolean {
	const screen = screenMap(doc, screenId);
	const blocks = screen ? blocksOf(screen) : null;
	if (!blocks?.has(blockId)) return false;
	doc.transact(() => blocks.delete(blockId), origin);
	return true;
}

export function moveBlock(doc: Y.Doc, screenId: string, blockId: string, by: -1 | 1, origin: unknown): boolean {
	const screen = screenMap(doc, screenId);
	if (!screen) return false;
	let moved = false;
	doc.transact(() => (moved = moveAmong(orderedBlocks(screen), blockId, by)), origin);
	return moved;
}

export function moveBlockTo(doc: Y.Doc, screenId: string, blockId: string, to: number, origin: unknown): boolean {
	const screen = screenMap(doc, screenId);
	if (!screen) return false;
	let moved = false;
	doc.transact(() => (moved = moveTo(orderedBlocks(screen), blockId, to)), origin);
	return moved;
}

type Settable = { target: string | null; overlay: boolean; multiple: boolean; emoji: string; imageId: string | null };

/** Sets one of a block's plain properties (the texts are Y.Texts, edited through blockText). */
export function setBlock<K extends keyof Settable>(doc: Y.Doc, screenId: string, blockId: string, key: K, value: Settable[K], origin: unknown): boolean {
	const block = blockMap(doc, screenId, blockId);
	if (!block) return false;
	doc.transact(() => block.set(key, typeof value === 'string' && key === 'emoji' ? value.slice(0, 16) : value), origin);
	return true;
}

/** The Y.Text of a block's main text or its items. */
export function blockText(doc: Y.Doc, screenId: string, blockId: string, field: 'text' | 'items'): Y.Text | null {
	const text = blockMap(doc, screenId, blockId)?.get(field);
	return text instanceof Y.Text ? text : null;
}

/** Which screen a block is on (for links made in the flow view, where only the block id is known). */
export function screenOfBlock(doc: Y.Doc, blockId: string): string | null {
	for (const [screenId, screen] of orderedScreens(doc)) if (blocksOf(screen)?.has(blockId)) return screenId;
	return null;
}

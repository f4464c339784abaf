/**
 * A prototype as plain JSON: what a frozen version stores, what play mode and the comparison draw,
 * and what a restore writes back into the live document. A snapshot is checked on the way in
 * (parseSnapshot), because it comes from a database row or a request.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import {
	addScreen,
	BLOCK_TYPES,
	ITEMS_MAX,
	MAX_BLOCKS,
	MAX_SCREENS,
	meta,
	NAME_MAX,
	readScreens,
	screensMap,
	startScreen,
	TEXT_MAX,
	type Screen
} from './model';

export const SNAPSHOT_VERSION = 1;
export type PrototypeSnapshot = { v: 1; start: string | null; screens: Screen[] };

const id = z.string().regex(/^[a-z2-7]{16}$/);
const block = z.object({
	id,
	type: z.enum(BLOCK_TYPES),
	text: z.string().max(Math.max(...Object.values(TEXT_MAX))),
	items: z.string().max(ITEMS_MAX),
	target: z.string().max(40).nullable(),
	overlay: z.boolean(),
	multiple: z.boolean(),
	emoji: z.string().max(16),
	imageId: id.nullable()
});
const schema = z.object({
	v: z.literal(1),
	start: id.nullable(),
	screens: z.array(z.object({ id, name: z.string().max(NAME_MAX), blocks: z.array(block).max(MAX_BLOCKS) })).max(MAX_SCREENS)
});

export function toSnapshot(doc: Y.Doc): PrototypeSnapshot {
	return { v: SNAPSHOT_VERSION, start: startScreen(doc), screens: readScreens(doc) };
}

/** A snapshot from stored or sent JSON; null when it is not one. */
export function parseSnapshot(value: unknown): PrototypeSnapshot | null {
	const parsed = schema.safeParse(value);
	if (!parsed.success) return null;
	const snap = parsed.data as PrototypeSnapshot;
	// A block's text longer than its type allows is cut, as the editor would have.
	for (const screen of snap.screens) for (const b of screen.blocks) b.text = b.text.slice(0, TEXT_MAX[b.type]);
	return snap;
}

/** The start screen of a snapshot: the one named, else the first. */
export function snapshotStart(snap: PrototypeSnapshot): string | null {
	return snap.screens.some((s) => s.id === snap.start) ? snap.start : (snap.screens[0]?.id ?? null);
}

/**
 * Replaces the live screens with a snapshot's, as one change with the person's origin: everyone sees
 * it at once, and the person who restored can undo it. Comments stay (they are not in a version).
 */
export function applySnapshot(doc: Y.Doc, snap: PrototypeSnapshot, origin: unknown) {
	doc.transact(() => {
		const screens = screensMap(doc);
		for (const key of [...screens.keys()]) screens.delete(key);
		for (const screen of snap.screens) addScreen(doc, screen.name, origin, { id: screen.id, blocks: screen.blocks });
		if (snapshotStart(snap)) meta(doc).set('start', snapshotStart(snap));
		else meta(doc).delete('start');
	}, origin);
}

import { createSubscriber } from 'svelte/reactivity';
import { OwnUndo } from '$lib/collab/own-undo.svelte';
import * as Y from 'yjs';
import type { CollabRoom } from '$lib/collab/room.svelte';
import { readThreads, commentsMap, type Thread } from './comments';
import * as model from './model';
import { toSnapshot, type PrototypeSnapshot } from './snapshot';

export type Me = { userId: string; name: string; organisation: string };
/** Where someone is working (awareness field `spot`). */
export type Spot = { screenId: string | null; blockId: string | null };
export type PeerSpot = Spot & { clientId: number; name: string; color: string };

/**
 * One person's session in the prototype studio: the live prototype read from the Y.Doc (re-read on
 * every change, never copied back), their own undo history, which screen and block they are on
 * (shared with the others as presence), and every edit as a verb written with their own origin.
 */
export class Studio {
	readonly room: CollabRoom;
	readonly doc: Y.Doc;
	readonly me: Me;
	readonly origin: { prototype: true; userId: string };
	readonly undoManager: Y.UndoManager;
	readonly #undo: OwnUndo;
	#subscribeDoc: () => void;
	#subscribeSpots: () => void;
	#screenId = $state<string | null>(null);
	#blockId = $state<string | null>(null);
	/** A message for this person (cut text, a full screen). */
	notice = $state<{ text: string; error: boolean } | null>(null);

	constructor(room: CollabRoom, me: Me) {
		this.room = room;
		this.doc = room.doc;
		this.me = me;
		this.origin = { prototype: true, userId: me.userId };
		// Comments are not in the undo history: undoing one's last edit must never delete a comment.
		this.#undo = new OwnUndo([model.screensMap(this.doc), model.meta(this.doc)], this.origin, () => this.canEdit);
		this.undoManager = this.#undo.manager;
		const doc = this.doc;
		this.#subscribeDoc = createSubscriber((update) => {
			doc.on('update', update);
			return () => doc.off('update', update);
		});
		const awareness = room.provider.awareness;
		this.#subscribeSpots = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
	}

	destroy() {
		this.#undo.destroy();
	}

	get canEdit() {
		return !this.room.readOnly && !this.room.ended;
	}

	/** The live prototype as plain data (re-read when the document changes). */
	get snapshot(): PrototypeSnapshot {
		this.#subscribeDoc();
		return toSnapshot(this.doc);
	}

	get links() {
		return model.linksOf(this.snapshot.screens);
	}

	threads(screenId?: string): Thread[] {
		this.#subscribeDoc();
		return readThreads(this.doc, screenId);
	}

	/** The screen being edited here: the chosen one while it exists, else the start screen. */
	get screenId(): string | null {
		const screens = this.snapshot.screens;
		if (this.#screenId && screens.some((s) => s.id === this.#screenId)) return this.#screenId;
		return this.snapshot.start ?? screens[0]?.id ?? null;
	}

	get screen(): model.Screen | null {
		return this.snapshot.screens.find((s) => s.id === this.screenId) ?? null;
	}

	get blockId() {
		return this.#blockId;
	}

	/** Goes to a screen (and a block on it), and tells the others. */
	focus(screenId: string | null, blockId: string | null = null) {
		if (screenId !== this.#screenId || blockId !== this.#blockId) this.undoManager.stopCapturing();
		this.#screenId = screenId;
		this.#blockId = blockId;
		this.room.provider.awareness.setLocalStateField('spot', { screenId, blockId } satisfies Spot);
	}

	/** The others and where they are. */
	get spots(): PeerSpot[] {
		this.#subscribeSpots();
		const self = this.doc.clientID;
		const spots: PeerSpot[] = [];
		for (const [clientId, state] of this.room.provider.awareness.getStates()) {
			if (clientId === self) continue;
			const { user, spot } = state as { user?: { name?: unknown; color?: unknown }; spot?: Partial<Spot> };
			if (!user || typeof user.name !== 'string' || !spot) continue;
			const screenId = typeof spot.screenId === 'string' ? spot.screenId : null;
			const blockId = typeof spot.blockId === 'string' ? spot.blockId : null;
			spots.push({ clientId, name: user.name.slice(0, 100), color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#57534e', screenId, blockId });
		}
		return spots;
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

	/** Runs an edit when this person may edit; each verb is its own undo step. */
	#edit<T>(fn: () => T): T | null {
		if (!this.canEdit) return null;
		this.undoManager.stopCapturing();
		return fn();
	}

	addScreen(name: string) {
		const created = this.#edit(() => model.addScreen(this.doc, name, this.origin, { after: this.screenId ?? undefined, blocks: [{ type: 'heading', text: name }] }));
		if (created?.ok) this.focus(created.id);
		return created;
	}
	renameScreen(screenId: string, name: string) {
		return this.#edit(() => model.renameScreen(this.doc, screenId, name, this.origin));
	}
	deleteScreen(screenId: string) {
		return this.#edit(() => model.deleteScreen(this.doc, screenId, this.origin));
	}
	duplicateScreen(screenId: string, copyName: string) {
		const created = this.#edit(() => model.duplicateScreen(this.doc, screenId, copyName, this.origin));
		if (created?.ok) this.focus(created.id);
		return created;
	}
	moveScreen(screenId: string, by: -1 | 1) {
		return this.#edit(() => model.moveScreen(this.doc, screenId, by, this.origin));
	}
	moveScreenTo(screenId: string, to: number) {
		return this.#edit(() => model.moveScreenTo(this.doc, screenId, to, this.origin));
	}
	setStart(screenId: string) {
		return this.#edit(() => model.setStart(this.doc, screenId, this.origin));
	}
	addBlock(screenId: string, init: model.BlockInit, after?: string) {
		const created = this.#edit(() => model.addBlock(this.doc, screenId, init, this.origin, after));
		if (created?.ok) this.focus(screenId, created.id);
		return created;
	}
	deleteBlock(screenId: string, blockId: string) {
		return this.#edit(() => model.deleteBlock(this.doc, screenId, blockId, this.origin));
	}
	moveBlock(screenId: string, blockId: string, by: -1 | 1) {
		return this.#edit(() => model.moveBlock(this.doc, screenId, blockId, by, this.origin));
	}
	moveBlockTo(screenId: string, blockId: string, to: number) {
		return this.#edit(() => model.moveBlockTo(this.doc, screenId, blockId, to, this.origin));
	}
	setBlock<K extends 'target' | 'overlay' | 'multiple' | 'emoji' | 'imageId'>(screenId: string, blockId: string, key: K, value: Parameters<typeof model.setBlock<K>>[4]) {
		return this.#edit(() => model.setBlock(this.doc, screenId, blockId, key, value, this.origin));
	}
	/** A link made in the flow view: from a button (known by its id) to a screen. */
	link(blockId: string, targetScreenId: string) {
		const screenId = model.screenOfBlock(this.doc, blockId);
		if (!screenId || !model.screenMap(this.doc, targetScreenId)) return false;
		return this.setBlock(screenId, blockId, 'target', targetScreenId);
	}

	get commentCount() {
		this.#subscribeDoc();
		return commentsMap(this.doc).size;
	}
}

import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './connection';
import { parseDocName } from './doc-name';
import type { DocStore } from './doc-store';
import { collectGarbage, lockViolations, revertItems } from './lock-guard';
import { awarenessMessage, CLOSE, updateMessage } from './protocol';
import type { EditWatcher, WatchEdits } from './types';

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * One realtime document in memory with the connections editing it. Every update is appended to the
 * store before it is sent to anyone; awareness changes are coalesced into one frame per tick.
 */
export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly connections = new Set<Connection>();
	#lastId = 0;
	#sinceCompaction = 0;
	#compactTimer: ReturnType<typeof setTimeout> | null = null;
	#pendingAwareness = new Set<number>();
	#awarenessScheduled = false;
	#failed = false;
	#destroyed = false;
	/** The facilitator's control document: only writers' presence is passed on (their viewport to follow). */
	readonly writersOnlyPresence: boolean;
	/** Board documents: item locks are enforced on updates from anyone but a facilitator. */
	readonly #items: Y.Map<unknown> | null;
	/** While a guarded update is checked, its updates wait here instead of being stored and sent. */
	#held: { update: Uint8Array; transaction: Y.Transaction }[] | null = null;
	#watcher: EditWatcher | null = null;

	constructor(
		readonly name: string,
		private readonly store: DocStore,
		private readonly compactAfter: number,
		private readonly onEmpty: (room: Room) => void,
		private readonly log: (line: string) => void,
		private readonly watchEdits: WatchEdits = () => null
	) {
		// The server holds no awareness state of its own.
		this.awareness.setLocalState(null);
		const kind = parseDocName(name)?.kind;
		this.#items = kind === 'boards' ? this.doc.getMap('items') : null;
		this.writersOnlyPresence = kind === 'control';
	}

	/** Has the edit watcher write down what is pending. */
	flushEdits() {
		try {
			this.#watcher?.flush();
		} catch (error) {
			this.log(`[collab] edit watcher of ${this.name} failed to flush: ${(error as Error).message}`);
		}
	}

	/** Loads the stored document; throws (and the room is never used) when the store fails. */
	load() {
		const { updates, lastId } = this.store.load(this.name);
		Y.transact(this.doc, () => {
			for (const update of updates) Y.applyUpdate(this.doc, update);
		}, 'load');
		this.#lastId = lastId;
		this.#sinceCompaction = Math.max(0, updates.length - 1);
		this.doc.on('update', this.#onUpdate);
		this.awareness.on('update', this.#onAwareness);
		const parsed = parseDocName(this.name);
		this.#watcher = parsed ? this.watchEdits(parsed, this.doc) : null;
		if (this.#watcher) this.doc.on('afterTransaction', this.#onTransaction);
	}

	/** A person's update, seen by the watcher before garbage collection. */
	#onTransaction = (transaction: Y.Transaction) => {
		const conn = transaction.origin as Connection;
		// Sync messages that bring nothing new are transactions too.
		if (!this.#watcher || !this.connections.has(conn) || transaction.changed.size === 0) return;
		try {
			this.#watcher.edited(transaction, { userId: conn.admission.userId, name: conn.admission.presence.name });
		} catch (error) {
			this.log(`[collab] edit watcher of ${this.name} failed: ${(error as Error).message}`);
		}
	};

	#onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
		if (this.#held) this.#held.push({ update, transaction });
		else this.#commit(update, origin);
	};

	/** Stores the update, then sends it to every connection but `except`. */
	#commit(update: Uint8Array, except: unknown) {
		if (this.#failed) return;
		try {
			this.#lastId = this.store.append(this.name, update);
		} catch (error) {
			this.fail(error);
			return;
		}
		// One Buffer for all readers: ws would otherwise wrap the bytes anew for every socket.
		const message = asBuffer(updateMessage(update));
		for (const conn of this.connections) if (conn !== except) conn.send(message);
		if (++this.#sinceCompaction >= this.compactAfter) this.#scheduleCompaction();
	}

	#onAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		const conn = origin as Connection | null;
		if (conn && this.connections.has(conn)) {
			for (const id of [...added, ...updated]) {
				for (const other of this.connections) if (other !== conn) other.awarenessIds.delete(id);
				conn.awarenessIds.add(id);
			}
			for (const id of removed) conn.awarenessIds.delete(id);
		}
		for (const id of added) this.#pendingAwareness.add(id);
		for (const id of updated) this.#pendingAwareness.add(id);
		for (const id of removed) this.#pendingAwareness.add(id);
		if (!this.#awarenessScheduled) {
			this.#awarenessScheduled = true;
			setImmediate(this.#flushAwareness);
		}
	};

	#flushAwareness = () => {
		this.#awarenessScheduled = false;
		if (!this.#pendingAwareness.size || this.#failed) return;
		const message = asBuffer(awarenessMessage(this.awareness, [...this.#pendingAwareness]));
		this.#pendingAwareness.clear();
		for (const conn of this.connections) conn.send(message);
	};

	/**
	 * Another session's connection that set this awareness client id, if any. The same session may
	 * take its id over: a browser that reconnects before its old socket timed out keeps its presence.
	 */
	ownerOfAwareness(clientId: number, asking: Connection): Connection | undefined {
		for (const conn of this.connections) {
			if (conn !== asking && conn.awarenessIds.has(clientId) && conn.admission.sessionId !== asking.admission.sessionId) return conn;
		}
		return undefined;
	}

	add(conn: Connection) {
		this.connections.add(conn);
	}

	remove(conn: Connection) {
		if (!this.connections.delete(conn)) return;
		if (conn.awarenessIds.size) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
		}
		if (this.connections.size === 0) this.onEmpty(this);
	}

	/**
	 * Applies a client's update. An update whose structs cannot all be integrated (missing
	 * dependencies: never sent by a well-behaved client, since the server holds everything) would
	 * sit in the document as pending data; it is discarded and the sender refused, so that no
	 * snapshot ever contains it.
	 */
	applyClientUpdate(update: Uint8Array, origin: Connection) {
		if (this.#items && origin.admission.role !== 'facilitator') return this.#applyGuarded(update, origin, this.#items);
		try {
			Y.applyUpdate(this.doc, update, origin);
		} finally {
			this.#dropPending();
		}
	}

	#dropPending() {
		const store = this.doc.store;
		if (store.pendingStructs || store.pendingDs) {
			store.pendingStructs = null;
			store.pendingDs = null;
			throw new Error('update with missing dependencies');
		}
	}

	/**
	 * An update from someone who may not change locked items: applied with its update held back
	 * (garbage collection off, so that what it deleted can be restored), then what it did to locked
	 * items is undone (lock-guard.ts) and the update and its undoing are stored and sent as one, to
	 * the sender too: nobody else ever sees the forbidden change, and the sender's copy is corrected.
	 */
	#applyGuarded(update: Uint8Array, origin: Connection, items: Y.Map<unknown>) {
		const held: { update: Uint8Array; transaction: Y.Transaction }[] = (this.#held = []);
		this.doc.gc = false;
		try {
			Y.applyUpdate(this.doc, update, origin);
		} finally {
			this.doc.gc = true;
			try {
				const applied = held[0]?.transaction;
				const violated = applied ? lockViolations(items, applied) : new Set<string>();
				if (violated.size) {
					revertItems(items, applied, violated);
					this.log(`[collab] reverted changes to ${violated.size} locked item(s) in ${this.name} by user ${origin.admission.userId}`);
				}
				if (applied) collectGarbage(applied);
			} finally {
				this.#held = null;
				if (held.length === 1) this.#commit(held[0].update, origin);
				else if (held.length > 1) this.#commit(Y.mergeUpdates(held.map((h) => h.update)), null);
			}
			this.#dropPending();
		}
	}

	/**
	 * Folds the update log into one snapshot. The snapshot is checked by loading it before the log
	 * it replaces is deleted: compaction may never lose what the log holds.
	 */
	compact() {
		if (this.#compactTimer) clearTimeout(this.#compactTimer);
		this.#compactTimer = null;
		if (this.#failed || this.#sinceCompaction === 0) return;
		try {
			const snapshot = Y.encodeStateAsUpdate(this.doc);
			const check = new Y.Doc();
			Y.applyUpdate(check, snapshot);
			const equivalent =
				!check.store.pendingStructs &&
				!check.store.pendingDs &&
				Buffer.from(Y.encodeStateVector(check)).equals(Buffer.from(Y.encodeStateVector(this.doc)));
			check.destroy();
			if (!equivalent) {
				this.log(`[collab] compaction of ${this.name} skipped: the snapshot does not reproduce the document`);
				return;
			}
			this.store.compact(this.name, snapshot, this.#lastId);
			this.#sinceCompaction = 0;
		} catch (error) {
			// The log is still complete; compaction is only an optimisation and is retried later.
			this.log(`[collab] compaction of ${this.name} failed: ${(error as Error).message}`);
		}
	}

	#scheduleCompaction() {
		this.#compactTimer ??= setTimeout(() => this.compact(), 50);
	}

	/** Storage failed: nobody may be served a document that is not on disk. */
	fail(error: unknown) {
		if (this.#failed) return;
		this.#failed = true;
		this.log(`[collab] store failed for ${this.name}: ${(error as Error).message}; closing its connections`);
		// Closing the last connection unloads the room; with none open, unload it here.
		for (const conn of [...this.connections]) conn.close(CLOSE.internal, 'storage failure');
		if (this.connections.size === 0 && !this.#destroyed) this.onEmpty(this);
	}

	get failed() {
		return this.#failed;
	}

	destroy() {
		if (this.#destroyed) return;
		this.#destroyed = true;
		if (this.#compactTimer) clearTimeout(this.#compactTimer);
		this.flushEdits();
		this.doc.off('afterTransaction', this.#onTransaction);
		this.doc.off('update', this.#onUpdate);
		this.awareness.off('update', this.#onAwareness);
		this.awareness.destroy();
		this.doc.destroy();
	}
}

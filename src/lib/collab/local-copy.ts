import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { copyName, deleteCopy, markUnsaved, remember, tidyLocalCopies, wasUnsaved } from './local-copies';

/** Remote updates are merged and written this often (the server has them already). */
const REMOTE_WRITE_MS = 500;

/**
 * One person's copy of one document in this browser (y-indexeddb), with the mark that says whether
 * it holds edits the server has not confirmed.
 */
export class LocalCopy {
	readonly name: string;
	/** The copy held unconfirmed edits when it was opened (from an earlier visit or tab). */
	readonly restoredUnsaved: boolean;
	#persistence: IndexeddbPersistence;

	/** @param isRemote whether an update came from the server */
	constructor(userId: string, docName: string, doc: Y.Doc, isRemote: (origin: unknown) => boolean) {
		this.name = copyName(userId, docName);
		this.restoredUnsaved = wasUnsaved(this.name);
		remember(this.name);
		this.#persistence = new IndexeddbPersistence(this.name, doc);
		this.#batchRemoteWrites(doc, isRemote);
		void tidyLocalCopies(userId);
	}

	/** Whether an update is what this copy restored into the document. */
	restored(origin: unknown): boolean {
		return origin === this.#persistence;
	}

	get unsaved(): boolean {
		return wasUnsaved(this.name);
	}

	/** Marks the copy as holding unconfirmed edits, or not. */
	mark(unsaved: boolean) {
		markUnsaved(this.name, unsaved);
	}

	/** Stops writing; what is stored stays. */
	close(): Promise<void> {
		return this.#persistence.destroy();
	}

	async delete(): Promise<void> {
		await this.close();
		await deleteCopy(this.name);
	}

	/**
	 * y-indexeddb writes every update in a transaction of its own: with many people moving notes
	 * that is a write per remote move. Remote updates are merged and written twice a second; a local
	 * change is written at once, with whatever is waiting (so no stored update lacks what it builds on).
	 */
	#batchRemoteWrites(doc: Y.Doc, isRemote: (origin: unknown) => boolean) {
		const local = this.#persistence;
		doc.off('update', local._storeUpdate);
		let waiting: Uint8Array[] = [];
		let timer: ReturnType<typeof setTimeout> | null = null;
		const flush = () => {
			if (timer) clearTimeout(timer);
			timer = null;
			if (!waiting.length || local._destroyed) return;
			const update = waiting.length === 1 ? waiting[0] : Y.mergeUpdates(waiting);
			waiting = [];
			try {
				local._storeUpdate(update, null);
			} catch {
				// The database was closed under us (a logout in another tab deletes it): nothing to keep.
			}
		};
		const store = (update: Uint8Array, origin: unknown) => {
			if (origin === local) return;
			if (local._destroyed) {
				doc.off('update', store);
				return;
			}
			waiting.push(update);
			if (!isRemote(origin)) flush();
			else timer ??= setTimeout(flush, REMOTE_WRITE_MS);
		};
		doc.on('update', store);
	}
}

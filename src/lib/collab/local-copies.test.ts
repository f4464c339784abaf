import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearLocalCopies, copyName, hasUnsavedChanges, markUnsaved, registerOpen, remember, tidyLocalCopies, wasUnsaved } from './local-copies';

/** A Storage as browsers have it, in memory. */
class MemoryStorage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.#items.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.#items.set(k, String(v));
	}
	removeItem(k: string) {
		this.#items.delete(k);
	}
}

/** indexedDB with just what logout uses: list and delete. */
function fakeIndexedDb(names: string[], listing = true) {
	const dbs = new Set(names);
	return {
		dbs,
		api: {
			...(listing ? { databases: async () => [...dbs].map((name) => ({ name, version: 1 })) } : {}),
			deleteDatabase(name: string) {
				const request: { onsuccess?: (e: unknown) => void; onerror?: (e: unknown) => void } = {};
				setTimeout(() => {
					dbs.delete(name);
					request.onsuccess?.({ target: { result: undefined } });
				});
				return request;
			}
		}
	};
}

let storage: MemoryStorage;
beforeEach(() => {
	storage = new MemoryStorage();
	vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('local copies of documents', () => {
	it('names a copy per person and document', () => {
		expect(copyName('u1', 'sprints/a/boards/b')).toBe('meedoen:u1:sprints/a/boards/b');
		expect(copyName('u2', 'sprints/a/boards/b')).not.toBe(copyName('u1', 'sprints/a/boards/b'));
	});

	it('remembers unsaved changes per copy, also for a closed tab', () => {
		const name = copyName('u1', 'sprints/a/boards/b');
		expect(hasUnsavedChanges()).toBe(false);
		markUnsaved(name, true);
		expect(wasUnsaved(name)).toBe(true);
		expect(wasUnsaved(copyName('u1', 'sprints/a/boards/c'))).toBe(false);
		expect(hasUnsavedChanges()).toBe(true);
		markUnsaved(name, false);
		expect(hasUnsavedChanges()).toBe(false);
	});

	it('counts unsaved changes of a document open in this tab, until it is closed', () => {
		let unsaved = true;
		const unregister = registerOpen({ get unsaved() { return unsaved; }, closeCopy: async () => {} });
		expect(hasUnsavedChanges()).toBe(true);
		unsaved = false;
		expect(hasUnsavedChanges()).toBe(false);
		unsaved = true;
		unregister();
		expect(hasUnsavedChanges()).toBe(false);
	});

	it('at logout closes open copies, deletes every Meedoen database and mark, and nothing else', async () => {
		const idb = fakeIndexedDb(['meedoen:u1:sprints/a/boards/b', 'meedoen:u2:sprints/a/boards/b', 'other-app']);
		vi.stubGlobal('indexedDB', idb.api);
		storage.setItem('other-app-key', 'keep');
		markUnsaved('meedoen:u1:sprints/a/boards/b', true);
		const closeCopy = vi.fn(async () => {});
		const unregister = registerOpen({ unsaved: false, closeCopy });
		await clearLocalCopies();
		unregister();
		expect(closeCopy).toHaveBeenCalledOnce();
		expect([...idb.dbs]).toEqual(['other-app']);
		expect(storage.getItem('other-app-key')).toBe('keep');
		expect(storage.length).toBe(1);
		expect(hasUnsavedChanges()).toBe(false);
	});

	it('finds the copies by its own list where the browser cannot list databases', async () => {
		const idb = fakeIndexedDb(['meedoen:u1:sprints/a/boards/b', 'other-app'], false);
		vi.stubGlobal('indexedDB', idb.api);
		remember('meedoen:u1:sprints/a/boards/b');
		remember('meedoen:u1:sprints/a/boards/b');
		await clearLocalCopies();
		expect([...idb.dbs]).toEqual(['other-app']);
		expect(storage.length).toBe(0);
	});
});

describe('tidying copies whose session is over', () => {
	it('keeps the signed-in person\'s copies and anyone\'s unsaved edits, deletes the rest', async () => {
		const mine = copyName('me', 'sprints/a/boards/b');
		const theirs = copyName('other', 'sprints/a/boards/b');
		const theirsUnsaved = copyName('other', 'sprints/a/boards/c');
		const idb = fakeIndexedDb([mine, theirs, theirsUnsaved, 'other-app']);
		vi.stubGlobal('indexedDB', idb.api);
		markUnsaved(theirsUnsaved, true);
		await tidyLocalCopies('me');
		expect([...idb.dbs].sort()).toEqual([mine, theirsUnsaved, 'other-app'].sort());
		// Nobody signed in: only unsaved edits stay.
		await tidyLocalCopies(null);
		expect([...idb.dbs].sort()).toEqual([theirsUnsaved, 'other-app'].sort());
	});
});

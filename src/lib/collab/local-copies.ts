/**
 * The copies of realtime documents kept in this browser (IndexedDB, through y-indexeddb), so that
 * edits made without a connection survive a closed tab. They are personal: named per account, and
 * removed at logout, because tablets are shared.
 */
import { clearDocument } from 'y-indexeddb';

const PREFIX = 'meedoen:';
const UNSAVED = `${PREFIX}unsaved:`;
const REGISTRY = `${PREFIX}copies`;

/** The IndexedDB database name of one person's copy of a document. */
export function copyName(userId: string, docName: string): string {
	return `${PREFIX}${userId}:${docName}`;
}

/** A document open in this tab, as logout needs to see it. */
export type OpenCopy = { readonly unsaved: boolean; closeCopy(): Promise<void> };
const open = new Set<OpenCopy>();

export function registerOpen(copy: OpenCopy): () => void {
	open.add(copy);
	return () => open.delete(copy);
}

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage can be switched off; then nothing is remembered across tabs.
		return null;
	}
}

/** Remembers that a copy holds changes the server does not have yet (or that it no longer does). */
export function markUnsaved(name: string, unsaved: boolean) {
	const s = storage();
	if (!s) return;
	if (unsaved) s.setItem(UNSAVED + name, '1');
	else s.removeItem(UNSAVED + name);
}

export function wasUnsaved(name: string): boolean {
	return storage()?.getItem(UNSAVED + name) === '1';
}

/** Notes the name, for browsers that cannot list their IndexedDB databases. */
export function remember(name: string) {
	const s = storage();
	if (!s) return;
	const names = known(s);
	if (!names.includes(name)) s.setItem(REGISTRY, JSON.stringify([...names, name]));
}

function known(s: Storage): string[] {
	try {
		const names: unknown = JSON.parse(s.getItem(REGISTRY) ?? '[]');
		return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
	} catch {
		return [];
	}
}

/** Whether logging out now would lose changes: in an open document here, or kept from earlier. */
export function hasUnsavedChanges(): boolean {
	for (const copy of open) if (copy.unsaved) return true;
	const s = storage();
	if (!s) return false;
	for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(UNSAVED)) return true;
	return false;
}

async function allCopies(s: Storage | null): Promise<Set<string>> {
	const names = new Set(s ? known(s) : []);
	try {
		for (const db of (await indexedDB.databases?.()) ?? []) if (db.name?.startsWith(PREFIX)) names.add(db.name);
	} catch {
		// Listing is not supported everywhere: the registry has the names then.
	}
	return names;
}

function forget(s: Storage | null, name: string) {
	if (!s) return;
	s.removeItem(UNSAVED + name);
	s.setItem(REGISTRY, JSON.stringify(known(s).filter((n) => n !== name)));
}

/** Deletes one copy (its data is on the server, or its owner chose to let it go). */
export async function deleteCopy(name: string): Promise<void> {
	await clearDocument(name).catch(() => undefined);
	forget(storage(), name);
}

/** Removes every Meedoen copy from this browser (at logout). */
export async function clearLocalCopies(): Promise<void> {
	await Promise.all([...open].map((copy) => copy.closeCopy()));
	const s = storage();
	await Promise.all([...(await allCopies(s))].map((name) => clearDocument(name).catch(() => undefined)));
	if (s) {
		for (let i = s.length - 1; i >= 0; i--) {
			const key = s.key(i);
			if (key?.startsWith(PREFIX)) s.removeItem(key);
		}
	}
}

/**
 * Removes the copies whose session is over here without a logout (it expired, or someone else logged
 * in): all but those of `userId` (the person signed in now, if anyone). Copies holding unsaved edits
 * stay: they are that person's work and go to the server when they log in here again.
 */
export async function tidyLocalCopies(userId: string | null): Promise<void> {
	const s = storage();
	const own = userId ? copyName(userId, '') : null;
	const stale = [...(await allCopies(s))].filter((name) => !(own && name.startsWith(own)) && !wasUnsaved(name));
	await Promise.all(stale.map(deleteCopy));
}

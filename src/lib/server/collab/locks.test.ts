/**
 * Locks on a board, enforced by the realtime server: changes to locked items by anyone but a
 * facilitator are undone for everyone, and a locked board is read-only for them (connections follow
 * a lock change at once). Clients here write to the Y.Doc directly, as a modified client could.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, itemText, readItem, setLocked, type Author } from '$lib/board/model';
import type { SprintRole } from '../db/schema';
import { BOARD, cleanUp, client, start, testRights, until } from './test-harness';

afterEach(cleanUp);

const fenna: Author = { userId: 'f', name: 'Fenna', organisation: 'JOIN' };

function items(doc: Y.Doc) {
	return doc.getMap<Y.Map<unknown>>('items');
}

/** A facilitator, two partners and the board with a locked note (text "vast") and an unlocked one. */
async function board() {
	const server = await start();
	const f = client(server.url, 'f', 'facilitator', BOARD);
	const p = client(server.url, 'p', 'partner', BOARD);
	const q = client(server.url, 'q', 'partner', BOARD);
	await Promise.all([f.synced, p.synced, q.synced]);
	const created = [createNote(f.doc, { x: 0, y: 0, text: 'vast', author: fenna }), createNote(f.doc, { x: 0, y: 200, text: 'los', author: fenna })];
	const [locked, free] = created.map((c) => (c.ok ? c.id : ''));
	setLocked(f.doc, [locked], true);
	await until(() => [p, q].every((c) => readItem(c.doc, locked)?.locked === true && readItem(c.doc, free) !== null));
	// What the other partner ever sees of the locked note, after every change that reaches them.
	const seenByQ: string[] = [];
	q.doc.on('afterTransaction', () => {
		const item = readItem(q.doc, locked);
		seenByQ.push(item ? `${item.x},${item.type === 'note' ? item.text : ''},${item.locked}` : 'gone');
	});
	return { ...server, f, p, q, locked, free, seenByQ };
}

/** The document as the store holds it (what a reload would serve). */
function stored(store: Awaited<ReturnType<typeof start>>['store']) {
	const doc = new Y.Doc();
	for (const update of store.load(BOARD).updates) Y.applyUpdate(doc, update);
	return doc;
}

describe('item locks', () => {
	it("undoes a partner's move, edit, delete and overwrite of a locked note for everyone, the partner too", async () => {
		const { p, q, f, locked, seenByQ, store, logs, collab } = await board();
		const attempts: (() => void)[] = [
			() => items(p.doc).get(locked)!.set('x', 500),
			() => itemText(p.doc, locked)!.insert(0, 'HACK '),
			() => items(p.doc).delete(locked),
			() => {
				const other = new Y.Map<unknown>();
				other.set('type', 'note');
				other.set('text', new Y.Text('overschreven'));
				items(p.doc).set(locked, other);
			}
		];
		for (const attempt of attempts) {
			p.doc.transact(attempt);
			await until(() => [p, q, f].every((c) => readItem(c.doc, locked)?.x === 0 && itemText(c.doc, locked)?.toString() === 'vast' && readItem(c.doc, locked)?.locked === true));
		}
		expect(seenByQ.every((s) => s === '0,vast,true')).toBe(true);
		const reload = stored(store);
		expect(readItem(reload, locked)).toMatchObject({ x: 0, text: 'vast', locked: true });
		expect(logs.filter((l) => l.includes('locked item'))).toHaveLength(attempts.length);
		// What was undone is collected, not kept, and the compacted snapshot still holds the note.
		const room = collab.rooms.get(BOARD)!;
		room.compact();
		expect(store.pending(BOARD)).toBe(0);
		const snapshot = Buffer.from(Y.encodeStateAsUpdate(room.doc));
		expect(snapshot.includes('HACK') || snapshot.includes('overschreven')).toBe(false);
		// Deleting and overwriting the note made copies of its text; the originals are gone.
		expect(snapshot.toString('latin1').split('vast').length - 1).toBe(1);
		expect(readItem(stored(store), locked)).toMatchObject({ x: 0, text: 'vast', locked: true });
	});

	it("undoes a partner setting or clearing `locked`, and keeps what the same update did to other notes", async () => {
		const { p, q, locked, free, store } = await board();
		// Locking a note undoes what the same update did to that note (all of it: it is one item).
		p.doc.transact(() => {
			items(p.doc).get(free)!.set('locked', true);
			items(p.doc).get(free)!.set('y', 400);
		});
		await until(() => readItem(p.doc, free)?.locked === false && readItem(p.doc, free)?.y === 200);
		expect(readItem(q.doc, free)).toMatchObject({ locked: false, y: 200 });
		// A move of an unlocked note and an unlock of the locked one in one update: only the unlock goes.
		p.doc.transact(() => {
			items(p.doc).get(locked)!.set('locked', false);
			items(p.doc).get(free)!.set('x', 300);
		});
		await until(() => readItem(q.doc, free)?.x === 300 && readItem(p.doc, locked)?.locked === true);
		expect(readItem(q.doc, locked)?.locked).toBe(true);
		// A note created locked is not kept.
		let id = '';
		p.doc.transact(() => {
			const made = createNote(p.doc, { x: 0, y: 0, text: 'stiekem', author: { userId: 'p', name: 'Pim', organisation: 'GGD' } });
			id = made.ok ? made.id : '';
			items(p.doc).get(id)!.set('locked', true);
		});
		expect(items(p.doc).has(id)).toBe(true);
		await until(() => !items(p.doc).has(id));
		expect(items(q.doc).has(id)).toBe(false);
		expect(readItem(stored(store), free)).toMatchObject({ x: 300, y: 200, locked: false });
		expect(readItem(stored(store), locked)).toMatchObject({ locked: true });
	});

	it('lets a facilitator change, unlock and delete a locked note', async () => {
		const { f, p, locked } = await board();
		items(f.doc).get(locked)!.set('x', 80);
		await until(() => readItem(p.doc, locked)?.x === 80);
		setLocked(f.doc, [locked], false);
		await until(() => readItem(p.doc, locked)?.locked === false);
		items(p.doc).get(locked)!.set('x', 120);
		await until(() => readItem(f.doc, locked)?.x === 120);
		setLocked(f.doc, [locked], true);
		await until(() => readItem(p.doc, locked)?.locked === true);
		items(f.doc).delete(locked);
		await until(() => !items(p.doc).has(locked));
	});

	it("leaves a partner's changes to unlocked notes alone", async () => {
		const { p, q, free, logs } = await board();
		items(p.doc).get(free)!.set('x', 40);
		itemText(p.doc, free)!.insert(3, ' en vrij');
		await until(() => readItem(q.doc, free)?.x === 40 && itemText(q.doc, free)?.toString() === 'los en vrij');
		items(p.doc).delete(free);
		await until(() => !items(q.doc).has(free));
		expect(logs.filter((l) => l.includes('locked item'))).toHaveLength(0);
	});
});

describe('board lock', () => {
	/** A board whose lock the test flips; revalidation compares with the rights the lock gives now. */
	async function lockable(pingInterval = 60_000) {
		const state = { locked: false };
		const server = await start(
			{ pingInterval },
			(admission) => {
				const now = testRights(admission.role, state.locked);
				return now.readOnly === admission.readOnly && now.locked === admission.locked ? 'ok' : 'access-changed';
			},
			() => state.locked
		);
		return { ...server, state };
	}

	function closes(c: ReturnType<typeof client>) {
		const codes: number[] = [];
		c.provider.on('connection-close', (e: { code: number } | null) => codes.push(e?.code ?? 0));
		return codes;
	}

	it("closes the board's connections with 4403 when the lock flips, and drops a partner's updates while it is locked", async () => {
		const { url, collab, state, store } = await lockable();
		const join = async (user: string, role: SprintRole) => {
			const c = client(url, user, role, BOARD);
			await c.synced;
			return c;
		};
		const f = await join('f', 'facilitator');
		const p = await join('p', 'partner');
		const [fCodes, pCodes] = [closes(f), closes(p)];
		state.locked = true;
		collab.refreshAccess(BOARD);
		await until(() => pCodes.length > 0 && fCodes.length > 0);
		expect(pCodes[0]).toBe(4403);

		// Back with the new rights: the partner looks, the facilitator writes.
		const f2 = await join('f2', 'facilitator');
		const p2 = await join('p2', 'partner');
		const before = store.pending(BOARD);
		createNote(p2.doc, { x: 0, y: 0, text: 'tijdens slot', author: fenna });
		createNote(f2.doc, { x: 0, y: 0, text: 'van Fenna', author: fenna });
		await until(() => [...items(p2.doc).values()].length === 2 && store.pending(BOARD) > before);
		await new Promise((r) => setTimeout(r, 100));
		expect([...items(stored(store)).values()].map((m) => (m.get('text') as Y.Text).toString())).toEqual(['van Fenna']);

		const p2Codes = closes(p2);
		state.locked = false;
		collab.refreshAccess(BOARD);
		await until(() => p2Codes.length > 0);
		expect(p2Codes[0]).toBe(4403);
	});

	it('catches a lock it was not told about at the next liveness check', async () => {
		const { url, state } = await lockable(50);
		const p = client(url, 'p', 'partner', BOARD);
		await p.synced;
		const codes = closes(p);
		state.locked = true;
		await until(() => codes.length > 0);
		expect(codes[0]).toBe(4403);
	});
});

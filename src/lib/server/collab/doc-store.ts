import type Database from 'better-sqlite3';

/**
 * Where realtime documents live. Sync on purpose: better-sqlite3 commits before it returns, so an
 * update is durable before anyone is sent it, and loading completes before the first sync message.
 */
export interface DocStore {
	/** The snapshot (if any) followed by every update logged after it, in order. */
	load(docName: string): { updates: Uint8Array[]; lastId: number };
	/** Appends one update and returns its log id; throws when it could not be committed. */
	append(docName: string, update: Uint8Array): number;
	/** Replaces the log up to and including `upToId` by `state` (an encoded Y.Doc state). */
	compact(docName: string, state: Uint8Array, upToId: number): void;
	/** How many updates are logged after the snapshot. */
	pending(docName: string): number;
}

export class SqliteDocStore implements DocStore {
	#snapshot;
	#updates;
	#insert;
	#upsertSnapshot;
	#deleteUpTo;
	#count;
	#compact;

	constructor(db: Database.Database) {
		this.#snapshot = db.prepare<[string], { state: Buffer; up_to_id: number }>(
			'SELECT state, up_to_id FROM doc_snapshots WHERE doc_name = ?'
		);
		this.#updates = db.prepare<[string, number], { id: number; update: Buffer }>(
			'SELECT id, "update" FROM doc_updates WHERE doc_name = ? AND id > ? ORDER BY id'
		);
		this.#insert = db.prepare<[string, Buffer]>('INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)');
		this.#upsertSnapshot = db.prepare<[string, Buffer, number, number]>(
			`INSERT INTO doc_snapshots (doc_name, state, up_to_id, updated_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT(doc_name) DO UPDATE SET state = excluded.state, up_to_id = excluded.up_to_id, updated_at = excluded.updated_at`
		);
		this.#deleteUpTo = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?');
		this.#count = db.prepare<[string, number], { n: number }>(
			'SELECT count(*) AS n FROM doc_updates WHERE doc_name = ? AND id > ?'
		);
		this.#compact = db.transaction((docName: string, state: Uint8Array, upToId: number) => {
			this.#upsertSnapshot.run(docName, Buffer.from(state), upToId, Date.now());
			this.#deleteUpTo.run(docName, upToId);
		});
	}

	load(docName: string) {
		const snap = this.#snapshot.get(docName);
		const after = snap?.up_to_id ?? 0;
		const rows = this.#updates.all(docName, after);
		const updates: Uint8Array[] = snap ? [new Uint8Array(snap.state)] : [];
		for (const row of rows) updates.push(new Uint8Array(row.update));
		return { updates, lastId: rows.length ? rows[rows.length - 1].id : after };
	}

	append(docName: string, update: Uint8Array) {
		return Number(this.#insert.run(docName, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid);
	}

	compact(docName: string, state: Uint8Array, upToId: number) {
		this.#compact(docName, state, upToId);
	}

	pending(docName: string) {
		const snap = this.#snapshot.get(docName);
		return this.#count.get(docName, snap?.up_to_id ?? 0)?.n ?? 0;
	}
}

/** The in-memory twin, for tests; `failNext` makes the next append throw like a full disk. */
export class MemoryDocStore implements DocStore {
	#seq = 0;
	snapshots = new Map<string, { state: Uint8Array; upToId: number }>();
	log = new Map<string, { id: number; update: Uint8Array }[]>();
	failNext = false;
	failLoad = false;

	load(docName: string) {
		if (this.failLoad) throw new Error('load failed');
		const snap = this.snapshots.get(docName);
		const rows = (this.log.get(docName) ?? []).filter((r) => r.id > (snap?.upToId ?? 0));
		return {
			updates: [...(snap ? [snap.state] : []), ...rows.map((r) => r.update)],
			lastId: rows.length ? rows[rows.length - 1].id : (snap?.upToId ?? 0)
		};
	}

	append(docName: string, update: Uint8Array) {
		if (this.failNext) {
			this.failNext = false;
			throw new Error('disk full');
		}
		const id = ++this.#seq;
		const rows = this.log.get(docName) ?? [];
		rows.push({ id, update: update.slice() });
		this.log.set(docName, rows);
		return id;
	}

	compact(docName: string, state: Uint8Array, upToId: number) {
		this.snapshots.set(docName, { state: state.slice(), upToId });
		this.log.set(docName, (this.log.get(docName) ?? []).filter((r) => r.id > upToId));
	}

	pending(docName: string) {
		const snap = this.snapshots.get(docName);
		return (this.log.get(docName) ?? []).filter((r) => r.id > (snap?.upToId ?? 0)).length;
	}
}

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';

describe('WAL checkpointer', () => {
	it('moves committed pages from the WAL into the database file from its worker thread', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'meedoen-ckpt-'));
		const path = join(dir, 't.db');
		const db = new Database(path);
		db.pragma('journal_mode = WAL');
		db.pragma('wal_autocheckpoint = 0');
		db.exec('CREATE TABLE t (x BLOB)');
		db.pragma('wal_checkpoint(TRUNCATE)');
		const before = statSync(path).size;
		const insert = db.prepare('INSERT INTO t VALUES (?)');
		for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(4096, i));
		expect(statSync(path).size).toBe(before); // all of it still in the WAL
		const checkpointer = startCheckpointer(path, 20);
		try {
			// Waits for the whole checkpoint: the file grows page by page while one runs, and a
			// check right after it first grew would catch it half-way (seen on a busy machine).
			const target = before + 200 * 4096 * 0.9;
			const start = Date.now();
			while (statSync(path).size <= target && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 20));
			expect(statSync(path).size).toBeGreaterThan(target);
		} finally {
			await checkpointer.stop();
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

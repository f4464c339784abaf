import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the database lives: DATABASE_URL (a file path, optionally `file:`-prefixed) or ./data/meedoen.db. */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
	const url = env.DATABASE_URL?.trim();
	if (!url) return resolve('data/meedoen.db');
	if (url === ':memory:') return url;
	return resolve(url.replace(/^file:/, ''));
}

/** Opens (creating the folder), sets WAL and applies the committed migrations in drizzle/. */
export function openDatabase(path: string, migrationsFolder = resolve('drizzle')): DB {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	// NORMAL in WAL mode: a committed transaction survives a process crash (kill -9);
	// only an OS crash or power loss can lose the last transactions.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as DB;
	migrate(db, { migrationsFolder });
	return db;
}

let instance: DB | undefined;
let checkpointer: Checkpointer | undefined;
let closed = false;

/** The process-wide database, opened on first use; after shutdown it stays closed. */
export function getDb(): DB {
	if (closed) throw new Error('the database is closed: the server is shutting down');
	if (!instance) {
		const path = databasePath();
		instance = openDatabase(path);
		if (path !== ':memory:') {
			instance.$client.pragma('wal_autocheckpoint = 0');
			checkpointer = startCheckpointer(path);
		}
	}
	return instance;
}

export async function closeDb() {
	closed = true;
	await checkpointer?.stop();
	instance?.$client.close();
	instance = undefined;
	checkpointer = undefined;
}

export { schema };

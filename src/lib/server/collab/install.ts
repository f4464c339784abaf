/**
 * Creates the process's realtime server once and publishes its upgrade handler on a global, where
 * the production entry (src/server/entry.js) and the Vite plugin (dev, preview) pick it up.
 */
import { getDb } from '../db';
import { createAuthenticate } from './authorize';
import { SqliteDocStore } from './doc-store';
import { CollabServer } from './server';

const KEY = Symbol.for('meedoen.collab');
type Global = Record<symbol, CollabServer | undefined>;

function envNumber(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function installCollab(): CollabServer {
	const g = globalThis as Global;
	const existing = g[KEY];
	if (existing) return existing;
	const db = getDb();
	const server = new CollabServer(new SqliteDocStore(db.$client), createAuthenticate(db), {
		maxPayload: envNumber('COLLAB_MAX_PAYLOAD', 1024 * 1024),
		messagesPerSecond: envNumber('COLLAB_MESSAGES_PER_SECOND', 200),
		messageBurst: envNumber('COLLAB_MESSAGE_BURST', 600)
	});
	g[KEY] = server;
	return server;
}

/** The running realtime server, if this process has one (not in unit tests). */
export function collab(): CollabServer | undefined {
	return (globalThis as Global)[KEY];
}

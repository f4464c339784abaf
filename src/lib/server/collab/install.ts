/**
 * Creates the process's realtime server once and publishes it on a global, where the production
 * entry (src/server/entry.js) and the Vite plugin (dev, preview) pick up its upgrade handler and
 * shutdown. (They run outside the SvelteKit bundle and cannot import $lib.)
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { closeDb, getDb } from '../db';
import { createAuthenticate, createRevalidate } from './authorize';
import { SqliteDocStore } from './doc-store';
import { CollabServer } from './server';
import { watchDraftEdits } from '../rules/draft-audit';

const KEY = Symbol.for('meedoen.collab');

type Installed = {
	server: CollabServer;
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** SIGTERM: close the realtime server (flushing its documents), then the database. */
	shutdown(): Promise<void>;
};
type Global = Record<symbol, Installed | undefined>;

function envNumber(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function installCollab(): CollabServer {
	const g = globalThis as Global;
	const existing = g[KEY];
	if (existing) return existing.server;
	const db = getDb();
	const server = new CollabServer(new SqliteDocStore(db.$client), createAuthenticate(db), {
		maxPayload: envNumber('COLLAB_MAX_PAYLOAD', 1024 * 1024),
		messagesPerSecond: envNumber('COLLAB_MESSAGES_PER_SECOND', 200),
		messageBurst: envNumber('COLLAB_MESSAGE_BURST', 600),
		maxConnectionsPerUser: envNumber('COLLAB_CONNECTIONS_PER_USER', 50),
		watchEdits: watchDraftEdits(db)
	}, createRevalidate(db));
	g[KEY] = {
		server,
		handleUpgrade: (req, socket, head) => server.handleUpgrade(req, socket, head),
		shutdown: async () => {
			await server.shutdown();
			await closeDb();
		}
	};
	return server;
}

/** The running realtime server, if this process has one (not in unit tests). */
export function collab(): CollabServer | undefined {
	return (globalThis as Global)[KEY]?.server;
}

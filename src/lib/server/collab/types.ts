import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { SprintRole } from '../db/schema';
import type { DocName } from './doc-name';

/** Who is connecting to which document, as decided at the upgrade. */
export type Admission = {
	docName: string;
	userId: string;
	sessionId: string;
	/** Sprint id the document belongs to: used to close sockets when access is revoked. */
	sprintId: string;
	/** The person's role in the sprint: only a facilitator may change locked board items. */
	role: SprintRole;
	readOnly: boolean;
	/** A board that was locked at admission (read-only for all but facilitators); false elsewhere. */
	locked: boolean;
	/** Who this is in presence: the server's word, not the client's. */
	presence: { name: string; organisation: string; color: string };
};

export type Refusal = { status: 400 | 401 | 403 | 404 | 429; reason: string };

/** The app decides admission: session cookie, Origin and membership. Must not throw. */
export type Authenticate = (req: IncomingMessage) => Admission | Refusal;

/**
 * Asked for every open connection at each liveness check and when a document's access changes: is
 * its session still valid, and would the person be admitted with the same rights now (role, read-only,
 * board lock)? (Admission is checked at the upgrade; sessions expire and rights change later.)
 */
export type Revalidate = (admission: Admission) => 'ok' | 'session-ended' | 'access-changed';

/**
 * Watches the edits people make to one open document (not the server's own changes), e.g. for an
 * audit trail. Must not throw: the room goes on whatever a watcher does.
 */
export type EditWatcher = {
	/** After a person's update was applied, before garbage collection: what it deleted can still be read. */
	edited(transaction: Y.Transaction, who: { userId: string; name: string }): void;
	/** Write down what is pending: before a decision that reads the document, and when it unloads. */
	flush(): void;
};

/** Gives a loaded document its watcher, or null when it needs none. */
export type WatchEdits = (name: DocName, doc: Y.Doc) => EditWatcher | null;

export type CollabOptions = {
	/** Largest frame accepted, in bytes (ws closes bigger frames with 1009). */
	maxPayload: number;
	/** Largest awareness update accepted from one client, in bytes. */
	maxAwarenessBytes: number;
	/** Presence entries (client ids) one connection may own. */
	maxAwarenessClients: number;
	/** Open connections one person may have at once (all documents, all tabs and devices). */
	maxConnectionsPerUser: number;
	/** How long shutdown waits for clients to complete the close handshake, ms. */
	closeGrace: number;
	/** Messages per second per connection, and the burst allowed above that. */
	messagesPerSecond: number;
	messageBurst: number;
	/** Bytes per second per connection, and the burst above that (at least maxPayload). */
	bytesPerSecond: number;
	byteBurst: number;
	/** Compact a document's update log once this many updates are pending. */
	compactAfter: number;
	/** A connection whose send buffer grows past this is too slow and is closed. */
	maxBufferedBytes: number;
	/** Interval for ping/pong liveness checks, ms. */
	pingInterval: number;
	/** Watchers of people's edits, per document (the rules audit trail). */
	watchEdits: WatchEdits;
	log: (line: string) => void;
};

export const DEFAULT_OPTIONS: CollabOptions = {
	maxPayload: 1024 * 1024,
	maxAwarenessBytes: 64 * 1024,
	maxAwarenessClients: 4,
	// A facilitator with a board, the brief, a projector and a few tablets stays far below this.
	maxConnectionsPerUser: 50,
	closeGrace: 1000,
	messagesPerSecond: 200,
	messageBurst: 600,
	bytesPerSecond: 2 * 1024 * 1024,
	byteBurst: 8 * 1024 * 1024,
	compactAfter: 500,
	maxBufferedBytes: 16 * 1024 * 1024,
	pingInterval: 30_000,
	watchEdits: () => null,
	log: (line) => console.warn(line)
};

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { Connection } from './connection';
import type { DocStore } from './doc-store';
import { CLOSE } from './protocol';
import { Room } from './room';
import { DEFAULT_OPTIONS, type Admission, type Authenticate, type CollabOptions, type Refusal, type Revalidate } from './types';

const STATUS_TEXT: Record<Refusal['status'], string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	429: 'Too Many Requests'
};

/** Transaction origin of the server's own changes (never a connection, so every client gets them). */
const SERVER_ORIGIN = Symbol('server');

/**
 * The realtime server: admits upgrades (auth first, then upgrade), keeps a registry of rooms that
 * load on the first connection and unload after the last, and closes sockets on logout.
 */
export class CollabServer {
	readonly options: CollabOptions;
	readonly rooms = new Map<string, Room>();
	#wss: WebSocketServer;
	#accepting = true;
	#pinger: ReturnType<typeof setInterval>;

	constructor(
		private readonly store: DocStore,
		private readonly authenticate: Authenticate,
		options: Partial<CollabOptions> = {},
		private readonly revalidate: Revalidate = () => 'ok'
	) {
		this.options = { ...DEFAULT_OPTIONS, ...options };
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: this.options.maxPayload, perMessageDeflate: false });
		this.#pinger = setInterval(() => this.#ping(), this.options.pingInterval);
		this.#pinger.unref();
	}

	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
		if (!this.#accepting) return refuse(socket, { status: 404, reason: 'shutting down' });
		let verdict: Admission | Refusal;
		try {
			verdict = this.authenticate(req);
		} catch (error) {
			this.options.log(`[collab] authentication failed: ${(error as Error).message}`);
			verdict = { status: 401, reason: 'authentication failed' };
		}
		if ('status' in verdict) return refuse(socket, verdict);
		const admission = verdict;
		if (this.#openBy(admission.userId) >= this.options.maxConnectionsPerUser) {
			this.options.log(`[collab] refused a connection: ${this.options.maxConnectionsPerUser} already open for one person`);
			return refuse(socket, { status: 429, reason: 'too many connections' });
		}
		this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws, admission));
	}

	#openBy(userId: string) {
		let open = 0;
		for (const room of this.rooms.values()) for (const conn of room.connections) if (conn.admission.userId === userId) open++;
		return open;
	}

	#connect(ws: WebSocket, admission: Admission) {
		// Counted again after the handshake: many upgrades started at once all pass the first check.
		if (this.#openBy(admission.userId) >= this.options.maxConnectionsPerUser) {
			ws.close(CLOSE.policy, 'too many connections');
			return;
		}
		let room = this.rooms.get(admission.docName);
		if (!room) {
			room = new Room(admission.docName, this.store, this.options.compactAfter, (r) => this.#unload(r), this.options.log, this.options.watchEdits);
			try {
				room.load();
			} catch (error) {
				// Never serve an empty document in place of one we could not read.
				this.options.log(`[collab] could not load ${admission.docName}: ${(error as Error).message}`);
				room.destroy();
				ws.close(CLOSE.internal, 'document could not be loaded');
				return;
			}
			this.rooms.set(admission.docName, room);
		}
		const conn = new Connection(ws, room, admission, this.options);
		room.add(conn);
		conn.start();
	}

	#unload(room: Room) {
		if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
		room.compact();
		room.destroy();
	}

	#connections() {
		return [...this.rooms.values()].flatMap((room) => [...room.connections]);
	}

	/** Logout: close every socket opened with this session. */
	closeSession(sessionId: string) {
		for (const conn of this.#connections()) {
			if (conn.admission.sessionId === sessionId) conn.close(CLOSE.sessionEnded, 'session ended');
		}
	}

	/**
	 * A copy of a document as it is now: the live room's state when it is open (it may hold edits
	 * newer than what a reader of the store would see mid-flight), else the stored state.
	 */
	readDocument(docName: string): Y.Doc {
		const copy = new Y.Doc();
		const room = this.rooms.get(docName);
		if (room && !room.failed) Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
		else for (const update of this.store.load(docName).updates) Y.applyUpdate(copy, update);
		return copy;
	}

	/**
	 * Changes a document on the server's own behalf (private notes revealed onto a board), whether
	 * or not it is open: in one transaction, committed to the store before any client is sent it.
	 * Throws when the change could not be committed; it is then applied nowhere.
	 */
	updateDocument(docName: string, change: (doc: Y.Doc) => void) {
		const room = this.rooms.get(docName);
		if (room && !room.failed) {
			// The room appends the update to the store, then sends it to every connection.
			room.doc.transact(() => change(room.doc), SERVER_ORIGIN);
			if (room.failed) throw new Error(`could not store a change to ${docName}`);
			return;
		}
		const doc = new Y.Doc();
		try {
			for (const update of this.store.load(docName).updates) Y.applyUpdate(doc, update);
			const updates: Uint8Array[] = [];
			doc.on('update', (update: Uint8Array) => updates.push(update));
			doc.transact(() => change(doc), SERVER_ORIGIN);
			for (const update of updates) this.store.append(docName, update);
		} finally {
			doc.destroy();
		}
	}

	/** Has an open document's edit watcher write down what is pending (see WatchEdits). */
	flushEdits(docName: string) {
		this.rooms.get(docName)?.flushEdits();
	}

	/** A document's access changed (archived, deleted): everyone reconnects with the new rights. */
	closeDocument(docName: string) {
		const room = this.rooms.get(docName);
		if (room) for (const conn of [...room.connections]) conn.close(CLOSE.accessRevoked, 'access changed');
	}

	/** Access changed: close this user's sockets in this sprint (they reconnect with their new rights). */
	closeUserInSprint(userId: string, sprintId: string) {
		for (const conn of this.#connections()) {
			if (conn.admission.userId === userId && conn.admission.sprintId === sprintId) {
				conn.close(CLOSE.accessRevoked, 'access changed');
			}
		}
	}

	/**
	 * A document's rights changed (a board locked or unlocked): every open connection is checked
	 * again at once, and those whose rights differ now are closed (they reconnect with the new ones).
	 */
	refreshAccess(docName: string) {
		const room = this.rooms.get(docName);
		if (room) for (const conn of [...room.connections]) this.#recheck(conn);
	}

	/** The rights in a whole sprint changed (the facilitator took or gave back control): as above, for all its documents. */
	refreshSprint(sprintId: string) {
		for (const conn of [...this.#connections()]) if (conn.admission.sprintId === sprintId) this.#recheck(conn);
	}

	/** Closes the connection when its session ended or its rights changed; true when it stays. */
	#recheck(conn: Connection): boolean {
		let verdict: ReturnType<Revalidate> = 'ok';
		try {
			verdict = this.revalidate(conn.admission);
		} catch (error) {
			this.options.log(`[collab] revalidation failed: ${(error as Error).message}`);
		}
		if (verdict === 'session-ended') conn.close(CLOSE.sessionEnded, 'session ended');
		else if (verdict === 'access-changed') conn.close(CLOSE.accessRevoked, 'access changed');
		return verdict === 'ok';
	}

	/** Liveness and validity: dead sockets are cut, expired sessions and changed access closed. */
	#ping() {
		for (const conn of this.#connections()) {
			if (!conn.alive) {
				conn.ws.terminate();
				continue;
			}
			if (!this.#recheck(conn)) continue;
			conn.alive = false;
			conn.ws.ping();
		}
	}

	/**
	 * SIGTERM: stop accepting, flush (compact) every room, close every socket. Clients get
	 * `closeGrace` ms to answer the close handshake; whoever has not by then is cut off.
	 */
	async shutdown() {
		this.#accepting = false;
		clearInterval(this.#pinger);
		for (const room of [...this.rooms.values()]) {
			for (const conn of [...room.connections]) conn.close(CLOSE.goingAway, 'server shutting down');
			// Rooms with no connection left have unloaded themselves (compacted) already.
			if (this.rooms.get(room.name) === room) this.#unload(room);
		}
		const closed = new Promise<void>((resolve) => this.#wss.close(() => resolve()));
		const grace = new Promise<void>((resolve) => setTimeout(resolve, this.options.closeGrace).unref());
		await Promise.race([closed, grace]);
		for (const ws of this.#wss.clients) ws.terminate();
		await closed;
	}
}

function refuse(socket: Duplex, { status, reason }: Refusal) {
	if (!socket.writable) return socket.destroy();
	const body = reason + '\n';
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

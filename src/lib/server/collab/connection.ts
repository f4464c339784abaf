import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket, RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import {
	awarenessMessage,
	CLOSE,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SAVED,
	MESSAGE_SYNC,
	readSaved,
	savedMessage,
	syncStep1
} from './protocol';
import type { Room } from './room';
import { TokenBucket } from './token-bucket';
import type { Admission, CollabOptions } from './types';

type AwarenessEntry = { id: number; clock: number; state: Record<string, unknown> | null };

/** Decodes an awareness update (count, then client id, clock and JSON state each); throws when malformed. */
function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const id = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const state = JSON.parse(decoding.readVarString(decoder));
		if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('awareness state is not an object');
		entries.push({ id, clock, state });
	}
	return entries;
}

function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const { id, clock, state } of entries) {
		encoding.writeVarUint(encoder, id);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, JSON.stringify(state));
	}
	return encoding.toUint8Array(encoder);
}

/** Thrown for a frame we refuse; carries the close code. */
class Refused extends Error {
	constructor(readonly code: number, message: string) {
		super(message);
	}
}

/** One client socket in one room: reads the y-websocket protocol and enforces its limits. */
export class Connection {
	readonly awarenessIds = new Set<number>();
	#bucket: TokenBucket;
	#bytes: TokenBucket;
	#closed = false;
	alive = true;

	constructor(
		readonly ws: WebSocket,
		readonly room: Room,
		readonly admission: Admission,
		private readonly options: CollabOptions
	) {
		this.#bucket = new TokenBucket(options.messagesPerSecond, options.messageBurst);
		this.#bytes = new TokenBucket(options.bytesPerSecond, Math.max(options.byteBurst, options.maxPayload));
		ws.binaryType = 'nodebuffer';
		ws.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
		ws.on('pong', () => (this.alive = true));
		ws.on('close', () => this.#onClose());
		ws.on('error', () => this.close(CLOSE.invalidPayload, 'socket error'));
	}

	/** Starts the sync: the document is fully loaded before this runs. */
	start() {
		this.send(syncStep1(this.room.doc));
		const states = [...this.room.awareness.getStates().keys()];
		if (states.length) this.send(awarenessMessage(this.room.awareness, states));
	}

	send(message: Uint8Array) {
		if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
		if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
			// A close frame would queue behind the backlog: cut the socket.
			this.options.log(`[collab] terminated ${this.admission.docName} for user ${this.admission.userId}: client too slow`);
			this.#closed = true;
			this.ws.terminate();
			this.room.remove(this);
			return;
		}
		// No per-send callback: a failed write surfaces as the socket's 'error' event, handled above.
		this.ws.send(message);
	}

	close(code: number, reason: string) {
		if (this.#closed) return;
		this.#closed = true;
		if (code !== CLOSE.goingAway && code !== CLOSE.sessionEnded && code !== CLOSE.accessRevoked) {
			this.options.log(`[collab] closed ${this.admission.docName} for user ${this.admission.userId}: ${code} ${reason}`);
		}
		try {
			this.ws.close(code, reason);
		} catch {
			this.ws.terminate();
		}
		this.room.remove(this);
	}

	get closed() {
		return this.#closed;
	}

	#onClose() {
		this.#closed = true;
		this.room.remove(this);
	}

	#onMessage(data: RawData, isBinary: boolean) {
		if (this.#closed) return;
		try {
			if (!isBinary) throw new Refused(CLOSE.unsupported, 'text frames are not part of the protocol');
			if (!this.#bucket.take()) throw new Refused(CLOSE.policy, 'message rate limit');
			const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
			// Every accepted update is written to disk: a byte budget keeps one client from flooding it.
			if (!this.#bytes.take(bytes.byteLength)) throw new Refused(CLOSE.policy, 'byte rate limit');
			this.#handle(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
		} catch (error) {
			if (error instanceof Refused) this.close(error.code, error.message);
			else this.close(CLOSE.invalidPayload, 'malformed message');
		}
	}

	#handle(message: Uint8Array) {
		const decoder = decoding.createDecoder(message);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC: {
				const syncType = decoding.peekVarUint(decoder);
				if (syncType !== syncProtocol.messageYjsSyncStep1 && syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
					throw new Refused(CLOSE.invalidPayload, 'unknown sync message');
				}
				// Read-only members may ask for the document but their changes are dropped.
				if (this.admission.readOnly && syncType !== syncProtocol.messageYjsSyncStep1) return;
				decoding.readVarUint(decoder);
				if (syncType === syncProtocol.messageYjsSyncStep1) {
					const encoder = encoding.createEncoder();
					encoding.writeVarUint(encoder, MESSAGE_SYNC);
					syncProtocol.readSyncStep1(decoder, encoder, this.room.doc);
					this.send(encoding.toUint8Array(encoder));
				} else {
					// Not y-protocols' readSyncMessage: it logs and swallows a broken update, and a
					// client sending one must be closed instead.
					this.room.applyClientUpdate(decoding.readVarUint8Array(decoder), this);
				}
				return;
			}
			case MESSAGE_AWARENESS: {
				const update = decoding.readVarUint8Array(decoder);
				if (update.byteLength > this.options.maxAwarenessBytes) throw new Refused(CLOSE.tooBig, 'awareness state too large');
				// In the control document a follower's presence could pose as the facilitator's viewport.
				if (this.admission.readOnly && this.room.writersOnlyPresence) return;
				// Presence is bound to the connection that set it: entries for a client id that another
				// session's connection owns are dropped (standard clients relay the states they receive,
				// so such entries are normal and mostly stale; they must never win), a connection owns a
				// few ids at most, and the name and organisation shown are the account's.
				let owned = this.awarenessIds.size;
				const own = decodeAwareness(update).filter(({ id }) => {
					if (this.room.ownerOfAwareness(id, this)) return false;
					if (this.awarenessIds.has(id)) return true;
					return owned++ < this.options.maxAwarenessClients;
				});
				const awareness = this.room.awareness;
				for (const entry of own) {
					if (entry.state && 'user' in entry.state) entry.state.user = { ...this.admission.presence };
					// A client back after a reconnect (4403, a network drop) sends its state with the clock
					// it had, which the server passed when it removed the closed connection's state: it
					// would be ignored as old until the client renews it (15 s). Nobody holds that id now.
					const clock = awareness.meta.get(entry.id)?.clock;
					if (entry.state && clock !== undefined && clock >= entry.clock && !awareness.states.has(entry.id)) entry.clock = clock + 1;
				}
				if (own.length) awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwareness(own), this);
				return;
			}
			case MESSAGE_QUERY_AWARENESS: {
				const states = [...this.room.awareness.getStates().keys()];
				this.send(awarenessMessage(this.room.awareness, states));
				return;
			}
			case MESSAGE_SAVED: {
				let seq: number;
				try {
					seq = readSaved(decoder);
				} catch {
					throw new Refused(CLOSE.invalidPayload, 'malformed saved request');
				}
				// Messages are handled one by one and each update was committed when it was handled, so
				// this answer means: everything sent before it is on disk. A read-only member gets it
				// too (their updates were dropped, which is all that can happen to them).
				this.send(savedMessage(seq));
				return;
			}
			case MESSAGE_AUTH:
				// Auth happens at the upgrade; the client never sends this.
				throw new Refused(CLOSE.unsupported, 'auth messages are not accepted');
			default:
				throw new Refused(CLOSE.unsupported, `unknown message type ${type}`);
		}
	}
}

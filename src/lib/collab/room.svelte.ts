import { createSubscriber } from 'svelte/reactivity';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { registerOpen } from './local-copies';
import { LocalCopy } from './local-copy';
import { SaveTracker } from './save-tracker';
import { MESSAGE_SAVED, readSaved, savedMessage } from './wire';

export type Presence = { name: string; organisation: string; color: string };
export type Peer = Presence & { clientId: number; self: boolean };
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
/** Why the server ended the connection for good, if it did. */
export type Ended = 'session' | null;

export type RoomOptions = {
	/**
	 * Keep the document in this browser as this person's copy (their user id; see local-copies.ts),
	 * so that edits made without a connection survive a closed tab and go to the server when it is back.
	 */
	localCopyOf?: string;
	/** Whether this person may not change the document now: then nothing is said about saving. */
	readOnly?: () => boolean;
};

/** Close codes of our realtime server (src/lib/server/collab/protocol.ts). */
const SESSION_ENDED = 4401;
const ACCESS_CHANGED = 4403;
/** What the browser reports for a refused upgrade and for an unreachable server alike. */
const ABNORMAL = 1006;
const SESSION_CHECK_MS = 30_000;
/** Local changes are confirmed once per burst, not per keystroke. */
const CONFIRM_AFTER_MS = 150;

/**
 * A realtime document in the browser: the Y.Doc, its websocket connection to /collab, and the
 * connection state, save state and presence as reactive getters (awareness is read, never copied
 * into $state).
 */
export class CollabRoom {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	readonly persistent: boolean;
	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#ended = $state<Ended>(null);
	#lost = $state(false);
	#keptAfterEnd = $state(false);
	#unsaved = $state(false);
	#subscribePeers: () => void;
	#readOnly: () => boolean;
	#local: LocalCopy | null = null;
	#saves = new SaveTracker();
	/** This connection has sent the server what it lacked: a request now covers every change. */
	#ready = false;
	#confirmTimer: ReturnType<typeof setTimeout> | null = null;
	#unregister: () => void;
	#destroyed = false;

	/**
	 * @param onAccessChanged called when the server says this person's rights changed: reload what
	 *   the page knows (their role), then the connection is opened again with the new rights.
	 */
	constructor(docName: string, me: Presence, onAccessChanged: () => Promise<void>, options: RoomOptions = {}) {
		this.#readOnly = options.readOnly ?? (() => false);
		if (options.localCopyOf) this.#local = new LocalCopy(options.localCopyOf, docName, this.doc, (origin) => origin === this.provider);
		this.persistent = this.#local !== null;
		// Counted before the provider exists, so it can never see a change the tracker missed.
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin === this.provider) return;
			// What the local copy restores is already on the server, unless it was never confirmed.
			if (this.#local?.restored(origin) && !this.#local.restoredUnsaved) return;
			this.#saves.change();
			// Every time, not only when it turns: another tab may have cleared the mark meanwhile.
			this.#local?.mark(true);
			this.#refreshSaved();
			this.#scheduleConfirm();
		});

		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, docName, this.doc, { disableBc: true });
		this.provider.awareness.setLocalStateField('user', me);
		this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
			if (this.#saves.answer(readSaved(decoder))) this.#refreshSaved();
			this.#scheduleConfirm();
		};
		this.provider.on('status', ({ status }: { status: ConnectionStatus }) => {
			this.#status = status;
			if (status === 'connected') this.#lost = false;
		});
		this.provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			// Our server sends its sync step 1 first, and the client answered it (with every change
			// the server lacks) before this step 2 arrived: a request sent now covers all of them.
			this.#ready = synced;
			if (synced) this.#scheduleConfirm();
		});
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			this.#ready = false;
			this.#saves.lost();
			if (!this.#destroyed) this.#lost = true;
			// y-websocket does not reconnect after 44xx codes: we decide what happens.
			if (event?.code === SESSION_ENDED) this.#endSession(false);
			else if (event?.code === ABNORMAL && this.provider.wsUnsuccessfulReconnects >= 2) void this.#checkSession();
			else if (event?.code === ACCESS_CHANGED) {
				void onAccessChanged().then(() => {
					if (!this.#destroyed) this.provider.connect();
				});
			}
		});
		const awareness = this.provider.awareness;
		this.#subscribePeers = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
		// When the device says the network is gone, an open socket is not closed by the browser; it
		// would hang until y-websocket's 30 s watchdog. Close it now, so the page says so at once;
		// y-websocket keeps trying to reconnect.
		window.addEventListener('offline', this.#onOffline);
		const unsaved = () => this.#unsaved;
		this.#unregister = registerOpen({
			get unsaved() {
				return unsaved();
			},
			closeCopy: () => this.#local?.close() ?? Promise.resolve()
		});
	}

	/** No retrying with an ended session. */
	#endSession(disconnect: boolean) {
		if (this.#ended) return;
		if (disconnect) this.provider.disconnect();
		this.#ended = 'session';
		// A copy with unsaved edits stays: it is this person's work, and goes to the server when they
		// log in here again. One without is deleted (the server has all of it).
		this.#keptAfterEnd = Boolean(this.#local && this.#unsaved && this.#local.unsaved);
		if (this.#keptAfterEnd) void this.#local?.close();
		else void this.#local?.delete();
	}

	#lastSessionCheck = 0;

	/**
	 * A refused upgrade (the session expired while the device was offline, say) and a server that is
	 * down look alike to the browser: ask the server, at most every half minute, before retrying on.
	 */
	async #checkSession() {
		if (this.#destroyed || this.#ended || !navigator.onLine || Date.now() - this.#lastSessionCheck < SESSION_CHECK_MS) return;
		this.#lastSessionCheck = Date.now();
		try {
			const res = await fetch('/session', { cache: 'no-store' });
			if (res.status === 401 && !this.#destroyed) this.#endSession(true);
		} catch {
			// The server cannot be reached: keep retrying.
		}
	}

	#onOffline = () => {
		if (this.#destroyed || !this.provider.shouldConnect || !this.provider.ws) return;
		this.provider.disconnect();
		this.provider.connect();
	};

	#refreshSaved() {
		const unsaved = this.#saves.pending;
		if (unsaved === this.#unsaved) return;
		this.#unsaved = unsaved;
		this.#local?.mark(unsaved);
	}

	#scheduleConfirm() {
		if (this.#confirmTimer || !this.#ready || !this.#saves.wanted) return;
		this.#confirmTimer = setTimeout(() => {
			this.#confirmTimer = null;
			const ws = this.provider.ws;
			if (!this.#ready || !this.#saves.wanted || !ws || ws.readyState !== WebSocket.OPEN) return;
			ws.send(savedMessage(this.#saves.request()));
		}, CONFIRM_AFTER_MS);
	}

	get status() {
		return this.#status;
	}

	get synced() {
		return this.#synced;
	}

	/** The connection was open (or tried) and is gone now; y-websocket keeps trying to reconnect. */
	get lost() {
		return this.#lost && this.#status !== 'connected' && !this.#ended;
	}

	/** Some change made here is not confirmed stored on the server yet. */
	get unsaved() {
		return this.#unsaved;
	}

	get readOnly() {
		return this.#readOnly();
	}

	/** The session ended while edits were unsaved: they stay on this device for the next login. */
	get keptAfterEnd() {
		return this.#keptAfterEnd;
	}

	/** Set when the session ended (logged out elsewhere, expired): editing stops here. */
	get ended() {
		return this.#ended;
	}

	get peers(): Peer[] {
		this.#subscribePeers();
		const self = this.doc.clientID;
		const peers: Peer[] = [];
		for (const [clientId, state] of this.provider.awareness.getStates()) {
			const user = (state as { user?: Presence }).user;
			if (user && typeof user.name === 'string') peers.push({ ...user, clientId, self: clientId === self });
		}
		return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
	}

	destroy() {
		this.#destroyed = true;
		if (this.#confirmTimer) clearTimeout(this.#confirmTimer);
		window.removeEventListener('offline', this.#onOffline);
		this.#unregister();
		this.provider.destroy();
		// Also closes the local copy (y-indexeddb listens for the document's destroy).
		this.doc.destroy();
	}
}

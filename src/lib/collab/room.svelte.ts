import { createSubscriber } from 'svelte/reactivity';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type Presence = { name: string; organisation: string; color: string };
export type Peer = Presence & { clientId: number; self: boolean };
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
/** Why the server ended the connection for good, if it did. */
export type Ended = 'session' | null;

/** Close codes of our realtime server (src/lib/server/collab/protocol.ts). */
const SESSION_ENDED = 4401;
const ACCESS_CHANGED = 4403;

/**
 * A realtime document in the browser: the Y.Doc, its websocket connection to /collab, and the
 * connection state and presence as reactive getters (awareness is read, never copied into $state).
 */
export class CollabRoom {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#ended = $state<Ended>(null);
	#subscribePeers: () => void;

	/**
	 * @param onAccessChanged called when the server says this person's rights changed: reload what
	 *   the page knows (their role), then the connection is opened again with the new rights.
	 */
	constructor(docName: string, me: Presence, onAccessChanged: () => Promise<void>) {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, docName, this.doc, { disableBc: true });
		this.provider.awareness.setLocalStateField('user', me);
		this.provider.on('status', ({ status }: { status: ConnectionStatus }) => (this.#status = status));
		this.provider.on('sync', (synced: boolean) => (this.#synced = synced));
		// y-websocket does not reconnect after 44xx codes: we decide what happens.
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			if (event?.code === SESSION_ENDED) this.#ended = 'session';
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
	}

	get status() {
		return this.#status;
	}

	get synced() {
		return this.#synced;
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

	#destroyed = false;

	destroy() {
		this.#destroyed = true;
		this.provider.destroy();
		this.doc.destroy();
	}
}

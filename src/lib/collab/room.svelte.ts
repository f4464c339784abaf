import { createSubscriber } from 'svelte/reactivity';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type Presence = { name: string; organisation: string; color: string };
export type Peer = Presence & { clientId: number; self: boolean };
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * A realtime document in the browser: the Y.Doc, its websocket connection to /collab, and the
 * connection state and presence as reactive getters (awareness is read, never copied into $state).
 */
export class CollabRoom {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#subscribePeers: () => void;

	constructor(docName: string, me: Presence) {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, docName, this.doc, { disableBc: true });
		this.provider.awareness.setLocalStateField('user', me);
		this.provider.on('status', ({ status }: { status: ConnectionStatus }) => (this.#status = status));
		this.provider.on('sync', (synced: boolean) => (this.#synced = synced));
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
		this.provider.destroy();
		this.doc.destroy();
	}
}

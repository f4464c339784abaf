/** The server's own changes to a document: committed before they are sent, open room or not. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MemoryDocStore } from './doc-store';
import { CollabServer } from './server';

const DOC = 'sprints/abcdefghijkmnpq2/boards/bbbbbbbbbbbbbbb2';
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const fn of cleanup.reverse()) await fn();
	cleanup = [];
});

function stored(store: MemoryDocStore, name = DOC) {
	const doc = new Y.Doc();
	for (const update of store.load(name).updates) Y.applyUpdate(doc, update);
	return doc.getMap('m').toJSON();
}

async function serve() {
	const store = new MemoryDocStore();
	const collab = new CollabServer(
		store,
		(req) => ({ docName: decodeURIComponent((req.url ?? '').slice('/collab/'.length)), userId: 'u', sessionId: 's', sprintId: 'abcdefghijkmnpq2', role: 'facilitator', readOnly: false, locked: false, presence: { name: 'u', organisation: '', color: '#000' } }),
		{ log: () => {} }
	);
	const http = createServer();
	http.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	cleanup.push(async () => {
		await collab.shutdown();
		http.closeAllConnections();
		await new Promise((r) => http.close(r));
	});
	return { collab, store, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/collab` };
}

function client(url: string) {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(url, DOC, doc, { disableBc: true, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
	const synced = new Promise<void>((r) => provider.once('sync', () => r()));
	cleanup.push(() => {
		provider.destroy();
		doc.destroy();
	});
	return { doc, synced };
}

async function until(check: () => boolean) {
	for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

describe('updateDocument', () => {
	it('changes a document nobody has open: stored, and there when it is opened', async () => {
		const { collab, store, url } = await serve();
		collab.updateDocument(DOC, (doc) => doc.getMap('m').set('a', 1));
		collab.updateDocument(DOC, (doc) => doc.getMap('m').set('b', 2));
		expect(stored(store)).toEqual({ a: 1, b: 2 });
		expect(collab.rooms.has(DOC)).toBe(false);
		const reader = client(url);
		await reader.synced;
		expect(reader.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
	});

	it('changes an open document: stored first, then every connected client gets it', async () => {
		const { collab, store, url } = await serve();
		const [a, b] = [client(url), client(url)];
		await Promise.all([a.synced, b.synced]);
		a.doc.getMap('m').set('mine', true);
		await until(() => b.doc.getMap('m').get('mine') === true);
		collab.updateDocument(DOC, (doc) => doc.getMap('m').set('server', 'yes'));
		expect(stored(store)).toEqual({ mine: true, server: 'yes' });
		await until(() => a.doc.getMap('m').get('server') === 'yes' && b.doc.getMap('m').get('server') === 'yes');
	});

	it('throws and sends nothing when the change cannot be committed', async () => {
		const { collab, store, url } = await serve();
		const a = client(url);
		await a.synced;
		store.failNext = true;
		expect(() => collab.updateDocument(DOC, (doc) => doc.getMap('m').set('lost', 1))).toThrow();
		expect(stored(store)).toEqual({});
		// Closed for the storage failure; what it holds after reconnecting is what is stored.
		await until(() => collab.rooms.get(DOC)?.failed !== true);
		expect(a.doc.getMap('m').get('lost')).toBeUndefined();
	});

	it('throws when a change to a closed document cannot be committed', async () => {
		const { collab, store } = await serve();
		store.failNext = true;
		expect(() => collab.updateDocument(DOC, (doc) => doc.getMap('m').set('lost', 1))).toThrow('disk full');
		expect(stored(store)).toEqual({});
	});
});

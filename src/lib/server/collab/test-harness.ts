/**
 * For the realtime server's unit tests: the server in-process on a random port with the in-memory
 * store, real y-websocket clients and raw sockets, and cleanup after each test (`afterEach(cleanUp)`).
 * Who connects and with which role comes from headers (`x-user`, `x-role`; partner by default).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SprintRole } from '../db/schema';
import { MemoryDocStore } from './doc-store';
import { CollabServer } from './server';
import type { Admission } from './types';

export const DOC = 'sprints/abcdefghijkmnpq2/brief';
export const BOARD = 'sprints/abcdefghijkmnpq2/boards/bcdefghijkmnpqr2';

let cleanup: (() => Promise<void> | void)[] = [];

export async function cleanUp() {
	for (const fn of cleanup.reverse()) await fn();
	cleanup = [];
}

/** The rights the test admission gives: observers read only, and so does everyone but a facilitator on a locked board. */
export function testRights(role: SprintRole, locked: boolean) {
	return { role, readOnly: role === 'observer' || (locked && role !== 'facilitator'), locked };
}

export async function start(
	options: ConstructorParameters<typeof CollabServer>[2] = {},
	revalidate?: ConstructorParameters<typeof CollabServer>[3],
	boardLocked: () => boolean = () => false
) {
	const store = new MemoryDocStore();
	const logs: string[] = [];
	const collab = new CollabServer(
		store,
		(req) => {
			const user = req.headers['x-user'];
			if (!user || Array.isArray(user)) return { status: 401, reason: 'no user' };
			const name = decodeURIComponent((req.url ?? '').slice('/collab/'.length));
			const role = (req.headers['x-role'] as SprintRole | undefined) ?? 'partner';
			return {
				docName: name,
				userId: user,
				sessionId: `s-${user}`,
				sprintId: 'abcdefghijkmnpq2',
				...testRights(role, name.includes('/boards/') && boardLocked()),
				presence: { name: user === 'a' ? 'Anna' : user, organisation: 'GGD', color: '#0b6e4f' }
			} satisfies Admission;
		},
		{ log: (l) => logs.push(l), ...options },
		revalidate
	);
	const http: Server = createServer();
	http.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/collab`;
	cleanup.push(async () => {
		await collab.shutdown();
		http.closeAllConnections();
		await new Promise((r) => http.close(r));
	});
	return { collab, store, url, logs, port: (http.address() as AddressInfo).port };
}

export function client(url: string, user: string, role = 'partner', docName = DOC) {
	const doc = new Y.Doc();
	const headers = { 'x-user': user, 'x-role': role };
	const provider = new WebsocketProvider(url, docName, doc, {
		disableBc: true,
		WebSocketPolyfill: class extends WebSocket {
			constructor(address: string, protocols?: string | string[]) {
				super(address, protocols, { headers });
			}
		} as unknown as typeof globalThis.WebSocket
	});
	const synced = new Promise<void>((r) => provider.once('sync', () => r()));
	cleanup.push(() => {
		provider.destroy();
		doc.destroy();
	});
	return { doc, provider, synced };
}

export function raw(url: string, user = 'raw', docName = DOC, role = 'partner') {
	const ws = new WebSocket(`${url}/${docName}`, { headers: { 'x-user': user, 'x-role': role } });
	const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
	const opened = new Promise<void>((r, j) => {
		ws.on('open', () => r());
		ws.on('error', j);
	});
	cleanup.push(() => ws.terminate());
	return { ws, closed, opened };
}

export async function until(check: () => boolean, ms = 5000) {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > ms) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 10));
	}
}

/**
 * "All changes saved": the server's answer to a saved request (message type 100) against the real
 * built server and its SQLite file.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectDoc, createCoalition, createSprint, postForm, signup, startServer, until } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let person: { cookie: string; email: string };
let doc: string;

beforeAll(async () => {
	server = await startServer();
	person = await signup(server.url, 'Sanne');
	const sprintId = await createSprint(server.url, person.cookie, await createCoalition(server.url, person.cookie));
	doc = `sprints/${sprintId}/brief`;
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

function frame(type: number, write: (e: encoding.Encoder) => void) {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, type);
	write(e);
	return encoding.toUint8Array(e);
}
const savedRequest = (seq: number) => frame(100, (e) => encoding.writeVarUint(e, seq));
// A y-protocols sync update (message 0, sync type 2).
const update = (u: Uint8Array) => frame(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, u)));

/** The document as the database file holds it right now (snapshot plus update log). */
function stored(dbPath: string, name: string): Y.Doc {
	const db = new Database(dbPath, { readonly: true });
	try {
		const d = new Y.Doc();
		const snap = db.prepare('SELECT state FROM doc_snapshots WHERE doc_name = ?').get(name) as { state: Buffer } | undefined;
		if (snap) Y.applyUpdate(d, new Uint8Array(snap.state));
		for (const row of db.prepare('SELECT "update" FROM doc_updates WHERE doc_name = ? ORDER BY id').all(name) as { update: Buffer }[]) {
			Y.applyUpdate(d, new Uint8Array(row.update));
		}
		return d;
	} finally {
		db.close();
	}
}

const upTo = (n: number) => Array.from({ length: n + 1 }, (_, i) => `${i} `).join('');

function open(cookie: string) {
	const ws = new WebSocket(server.url.replace('http', 'ws') + `/collab/${doc}`, { headers: { origin: server.url, cookie } });
	const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
	const opened = new Promise<void>((r, j) => {
		ws.on('open', () => r());
		ws.on('error', j);
	});
	return { ws, closed, opened };
}

describe('saved requests (integration)', () => {
	it('answers only once the updates sent before the request are in the database', async () => {
		const c = open(person.cookie);
		await c.opened;
		const seen: { seq: number; text: string }[] = [];
		c.ws.on('message', (data: Buffer) => {
			// At the moment the answer arrives, read what the database file holds.
			if (data[0] === 100) seen.push({ seq: data[1], text: stored(server.dbPath, doc).getText('goal').toString() });
		});
		const edit = new Y.Doc();
		for (let i = 0; i < 20; i++) {
			const before = Y.encodeStateVector(edit);
			edit.getText('goal').insert(edit.getText('goal').length, `${i} `);
			c.ws.send(update(Y.encodeStateAsUpdate(edit, before)));
			if (i % 5 === 4) c.ws.send(savedRequest(i));
		}
		await until(() => seen.length === 4);
		expect(seen.map((s) => s.seq)).toEqual([4, 9, 14, 19]);
		// Each answer found every update sent before its request in the file (later ones may be there too).
		for (const s of seen) expect(s.text.startsWith(upTo(s.seq)), `answer ${s.seq}: "${s.text}"`).toBe(true);
		expect(seen[3].text).toBe(upTo(19));
		c.ws.close();
	});

	it('what was answered survives the server being killed the moment the answer arrives', async () => {
		const own = await startServer();
		try {
			const owner = await signup(own.url, 'Kees');
			const name = `sprints/${await createSprint(own.url, owner.cookie, await createCoalition(own.url, owner.cookie))}/brief`;
			const ws = new WebSocket(own.url.replace('http', 'ws') + `/collab/${name}`, { headers: { origin: own.url, cookie: owner.cookie } });
			await new Promise((r) => ws.on('open', r));
			const answered = new Promise<void>((resolve) =>
				ws.on('message', (data: Buffer) => {
					if (data[0] !== 100) return;
					own.proc.kill('SIGKILL');
					resolve();
				})
			);
			const edit = new Y.Doc();
			for (let i = 0; i < 30; i++) {
				const before = Y.encodeStateVector(edit);
				edit.getText('goal').insert(edit.getText('goal').length, `${i} `);
				ws.send(update(Y.encodeStateAsUpdate(edit, before)));
				if (i === 14) ws.send(savedRequest(1));
			}
			await answered;
			await own.exited;
			expect(stored(own.dbPath, name).getText('goal').toString().startsWith(upTo(14))).toBe(true);
		} finally {
			await own.stop();
			own.cleanup();
		}
	});

	it('closes only the connection that sends a malformed saved request (1007)', async () => {
		const good = connectDoc(server.url, person.cookie, doc);
		await good.synced;
		for (const bad of [new Uint8Array([100]), new Uint8Array([100, 3, 3])]) {
			const c = open(person.cookie);
			await c.opened;
			c.ws.send(bad);
			expect(await c.closed).toBe(1007);
		}
		expect(good.provider.wsconnected).toBe(true);
		good.doc.getText('goal').insert(0, '>');
		const late = connectDoc(server.url, person.cookie, doc);
		await late.synced;
		await until(() => late.doc.getText('goal').toString().startsWith('>'));
		good.destroy();
		late.destroy();
	});
});

describe('the session check the realtime client makes after refused upgrades', () => {
	it('answers 204 for a valid session and 401 without one or after logout, never cached', async () => {
		const ok = await fetch(`${server.url}/session`, { headers: { cookie: person.cookie } });
		expect(ok.status).toBe(204);
		expect(ok.headers.get('cache-control')).toBe('no-store');
		expect((await fetch(`${server.url}/session`)).status).toBe(401);
		const other = await signup(server.url, 'Tijdelijk');
		await postForm(server.url, '/logout', {}, other.cookie);
		expect((await fetch(`${server.url}/session`, { headers: { cookie: other.cookie } })).status).toBe(401);
	});
});

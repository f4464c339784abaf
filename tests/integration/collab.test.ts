/**
 * The realtime server as it runs in production: the built app started by src/server/entry.js with
 * a temporary database, spoken to by the unmodified y-websocket client in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
	addToSprint,
	connectDoc,
	createCoalition,
	createSprint,
	joinCoalition,
	postForm,
	signup,
	startServer,
	until,
	upgradeStatus
} from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let facilitator: { cookie: string; email: string };
let partner: { cookie: string; email: string };
let observer: { cookie: string; email: string };
let outsider: { cookie: string; email: string };
let sprintId: string;
let otherSprintId: string;
let doc: string;
const open: { destroy: () => void }[] = [];

function connect(cookie: string, name = doc, origin?: string) {
	const c = connectDoc(server.url, cookie, name, { origin });
	open.push(c);
	return c;
}

beforeAll(async () => {
	server = await startServer();
	facilitator = await signup(server.url, 'Fatima');
	partner = await signup(server.url, 'Pieter');
	observer = await signup(server.url, 'Olga');
	outsider = await signup(server.url, 'Xander');
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	otherSprintId = await createSprint(server.url, facilitator.cookie, coalitionId, 'Andere sprint');
	for (const person of [partner, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, person.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
	// The outsider has a coalition and sprint of their own.
	await createSprint(server.url, outsider.cookie, await createCoalition(server.url, outsider.cookie, 'Elders'));
	doc = `sprints/${sprintId}/brief`;
});

afterAll(async () => {
	for (const c of open) c.destroy();
	await server?.stop();
	server?.cleanup();
});

describe('realtime server (integration)', () => {
	it('makes two clients converge', async () => {
		const a = connect(facilitator.cookie);
		const b = connect(partner.cookie);
		await Promise.all([a.synced, b.synced]);
		a.doc.getText('goal').insert(0, 'Alle jongeren doen mee');
		b.doc.getArray('questions').push(['Kunnen we eerder signaleren?']);
		await until(() => b.doc.getText('goal').toString() === 'Alle jongeren doen mee' && a.doc.getArray('questions').length === 1);
		expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
		a.destroy();
		b.destroy();
	});

	it('refuses no session (401), a non-member (403), a foreign Origin (403), a malformed name (400) and a sprint one is not in (403)', async () => {
		const path = `/collab/${doc}`;
		expect(await upgradeStatus(server.url, path, { origin: server.url })).toBe(401);
		expect(await upgradeStatus(server.url, path, { origin: server.url, cookie: 'meedoen_session=forged.token' })).toBe(401);
		expect(await upgradeStatus(server.url, path, { origin: server.url, cookie: outsider.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, path, { origin: 'http://evil.example', cookie: facilitator.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, path, { cookie: facilitator.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, '/collab/sprints/..%2F..%2Fetc/passwd', { origin: server.url, cookie: facilitator.cookie })).toBe(400);
		expect(await upgradeStatus(server.url, `/collab/sprints/${sprintId}/nope`, { origin: server.url, cookie: facilitator.cookie })).toBe(400);
		expect(await upgradeStatus(server.url, `/collab/sprints/${otherSprintId}/brief`, { origin: server.url, cookie: partner.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, path, { origin: server.url, cookie: partner.cookie })).toBe(101);
	});

	it("drops an observer's edits and keeps serving them the document", async () => {
		const writer = connect(partner.cookie);
		const watcher = connect(observer.cookie);
		await Promise.all([writer.synced, watcher.synced]);
		const before = writer.doc.getText('goal').toString();
		watcher.doc.getText('goal').insert(0, 'OBSERVER WAS HERE ');
		writer.doc.getText('goal').insert(writer.doc.getText('goal').length, '.');
		await until(() => watcher.doc.getText('goal').toString().endsWith('.'));
		await new Promise((r) => setTimeout(r, 200));
		expect(writer.doc.getText('goal').toString()).toBe(before + '.');
		const fresh = connect(facilitator.cookie);
		await fresh.synced;
		expect(fresh.doc.getText('goal').toString()).not.toContain('OBSERVER');
		writer.destroy();
		watcher.destroy();
		fresh.destroy();
	});

	it('1,000 malformed frames leave the document intact and served to others', async () => {
		const reader = connect(partner.cookie);
		await reader.synced;
		const expected = reader.doc.getText('goal').toString();
		const frames = [
			() => new Uint8Array([0, 2, 255, 255, 255, 255, 15]),
			() => new Uint8Array([0, 1, 10, 1, 2]),
			() => new Uint8Array([0, 7]),
			() => new Uint8Array([9, 9, 9]),
			() => new Uint8Array([1, 200]),
			() => Uint8Array.from({ length: 64 }, () => Math.floor(Math.random() * 256))
		];
		let sent = 0;
		let closes = 0;
		// 100 connections, 10 frames each, sent back to back.
		for (let c = 0; c < 100; c++) {
			const ws = new WebSocket(server.url.replace('http', 'ws') + `/collab/${doc}`, { headers: { origin: server.url, cookie: partner.cookie } });
			await new Promise<void>((resolve, reject) => {
				ws.on('open', () => {
					for (let i = 0; i < 10; i++, sent++) ws.send(frames[(c + i) % frames.length]());
				});
				ws.on('close', () => {
					closes++;
					resolve();
				});
				ws.on('error', reject);
			});
		}
		expect(sent).toBe(1000);
		expect(closes).toBe(100);
		expect(reader.provider.wsconnected).toBe(true);
		const late = connect(facilitator.cookie);
		await late.synced;
		expect(late.doc.getText('goal').toString()).toBe(expected);
		late.doc.getText('goal').insert(0, '>');
		await until(() => reader.doc.getText('goal').toString() === '>' + expected);
		late.destroy();
		reader.destroy();
	});

	it("closes a member's sockets with 4403 when the facilitator changes their role, and reconnects them read-only", async () => {
		const member = await signup(server.url, 'Wim');
		// Wim joins the sprint's coalition and the sprint as a partner.
		const page = await fetch(`${server.url}/sprints/${sprintId}`, { headers: { cookie: facilitator.cookie } }).then((r) => r.text());
		const coalition = /href="\/coalitions\/([a-z2-7]{16})"/.exec(page)![1];
		await joinCoalition(server.url, facilitator.cookie, coalition, member.cookie);
		await addToSprint(server, facilitator.cookie, sprintId, member.email, 'partner');
		const c = connect(member.cookie);
		await c.synced;
		const closes: number[] = [];
		c.provider.on('connection-close', (e: { code: number } | null) => closes.push(e?.code ?? 0));
		await addToSprint(server, facilitator.cookie, sprintId, member.email, 'observer');
		await until(() => closes.length > 0);
		expect(closes[0]).toBe(4403);
		// The client (as the browser's does) reconnects; now its edits are dropped.
		c.provider.connect();
		await until(() => c.provider.wsconnected);
		c.doc.getText('goal').insert(0, 'DEMOTED ');
		const fresh = connect(facilitator.cookie);
		await fresh.synced;
		await new Promise((r) => setTimeout(r, 200));
		expect(fresh.doc.getText('goal').toString()).not.toContain('DEMOTED');
		c.destroy();
		fresh.destroy();
	});

	it('closes the sockets of a session when it logs out', async () => {
		const login = await postForm(server.url, '/login', { email: partner.email, password: 'correct horse battery' });
		expect(login.status).toBe(303);
		const c = connect(login.cookie);
		await c.synced;
		const closes: number[] = [];
		c.provider.ws!.addEventListener('close', (e: { code: number }) => closes.push(e.code));
		await postForm(server.url, '/logout', {}, login.cookie);
		await until(() => closes.length > 0);
		expect(closes[0]).toBe(4401);
		// The client retries, but the ended session is refused at the upgrade.
		expect(await upgradeStatus(server.url, `/collab/${doc}`, { origin: server.url, cookie: login.cookie })).toBe(401);
		c.destroy();
	});
});

describe('durability', () => {
	it('an edit that reached a second client survives kill -9 and restart', async () => {
		const own = await startServer();
		try {
			const person = await signup(own.url, 'Dirk');
			const coalition = await createCoalition(own.url, person.cookie);
			const sprint = await createSprint(own.url, person.cookie, coalition);
			const name = `sprints/${sprint}/brief`;
			const a = connectDoc(own.url, person.cookie, name);
			const b = connectDoc(own.url, person.cookie, name);
			await Promise.all([a.synced, b.synced]);
			for (let i = 0; i < 50; i++) a.doc.getText('goal').insert(a.doc.getText('goal').length, `${i} `);
			await until(() => b.doc.getText('goal').toString().includes('49 '));
			const seen = b.doc.getText('goal').toString();
			const exit = await own.stop('SIGKILL');
			expect(exit).toMatchObject({ signal: 'SIGKILL' });
			a.destroy();
			b.destroy();
			const again = await startServer({ dir: own.dir });
			try {
				const c = connectDoc(again.url, person.cookie, name);
				await c.synced;
				expect(c.doc.getText('goal').toString()).toBe(seen);
				c.destroy();
			} finally {
				await again.stop();
			}
		} finally {
			await own.stop();
			own.cleanup();
		}
	});

	it('SIGTERM closes sockets, keeps the document and exits 0', async () => {
		const own = await startServer();
		try {
			const person = await signup(own.url, 'Eva');
			const sprint = await createSprint(own.url, person.cookie, await createCoalition(own.url, person.cookie));
			const name = `sprints/${sprint}/brief`;
			const a = connectDoc(own.url, person.cookie, name);
			await a.synced;
			a.doc.getText('goal').insert(0, 'bewaard');
			await new Promise((r) => setTimeout(r, 300));
			const closes: number[] = [];
			a.provider.ws!.addEventListener('close', (e: { code: number }) => closes.push(e.code));
			const exit = await own.stop('SIGTERM');
			expect(exit).toEqual({ code: 0, signal: null });
			expect(closes).toContain(1001);
			a.destroy();
			const again = await startServer({ dir: own.dir });
			try {
				const c = connectDoc(again.url, person.cookie, name);
				await c.synced;
				expect(c.doc.getText('goal').toString()).toBe('bewaard');
				c.destroy();
			} finally {
				await again.stop();
			}
		} finally {
			own.cleanup();
		}
	});
});

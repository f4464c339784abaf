/**
 * Private mode on a board against the built server: private documents are their writer's alone,
 * the JSON endpoint's rights, and the reveal moving notes onto the board that open clients get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, readItems, type NoteItem } from '$lib/board/model';
import { addToSprint, connectDoc, createCoalition, createSprint, joinCoalition, postForm, signup, startServer, until, upgradeStatus, userIdByEmail } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = { cookie: string; email: string; id: string };
let server: Server;
let facilitator: Person;
let partner: Person;
let partner2: Person;
let observer: Person;
let sprintId: string;
let boardId: string;

const privateName = (who: Person) => `sprints/${sprintId}/boards/${boardId}/private/${who.id}`;

async function api(who: Person, method: 'GET' | 'POST', body?: unknown, origin = server.url) {
	const res = await fetch(`${server.url}/sprints/${sprintId}/boards/${boardId}/private`, {
		method,
		headers: { cookie: who.cookie, origin, 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: res.status, body: await res.json().catch(() => null) };
}

/** Polls an async condition (until() of app-server.js takes a synchronous one). */
async function eventually(check: () => Promise<boolean>, what: string) {
	for (let i = 0; i < 100; i++) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`timed out waiting for ${what}`);
}

const notes = (doc: Y.Doc) => readItems(doc).filter((i): i is NoteItem => i.type === 'note');

beforeAll(async () => {
	server = await startServer();
	const people: Person[] = [];
	for (const name of ['Fenna', 'Pim', 'Pia', 'Otto']) {
		const p = await signup(server.url, name);
		people.push({ ...p, id: userIdByEmail(server.dbPath, p.email) });
	}
	[facilitator, partner, partner2, observer] = people;
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	for (const p of [partner, partner2, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, partner2.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
	const created = await postForm(server.url, `/sprints/${sprintId}/boards?/create`, { title: 'Privé' }, facilitator.cookie);
	expect(created.status).toBe(303);
	boardId = created.location!.split('/').pop()!;
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

describe('private mode (integration)', () => {
	it("opens a private document for its owner only: not another partner, not the facilitator, not an observer", async () => {
		const path = (who: Person) => `/collab/${privateName(who)}`;
		const headers = (who: Person) => ({ origin: server.url, cookie: who.cookie });
		expect(await upgradeStatus(server.url, path(partner), headers(partner))).toBe(101);
		expect(await upgradeStatus(server.url, path(partner), headers(partner2))).toBe(403);
		expect(await upgradeStatus(server.url, path(partner), headers(facilitator))).toBe(403);
		expect(await upgradeStatus(server.url, path(observer), headers(observer))).toBe(403);
		expect(await upgradeStatus(server.url, `/collab/sprints/${sprintId}/boards/aaaaaaaaaaaaaaaa/private/${partner.id}`, headers(partner))).toBe(404);
	});

	it('lets only the facilitator start and reveal, same-origin, with a clear 400 for a bad body', async () => {
		expect(await api(partner, 'GET')).toEqual({ status: 200, body: { privateMode: false, waiting: 0 } });
		expect(await api(partner, 'POST', { action: 'start' })).toMatchObject({ status: 403, body: { error: 'error_forbidden' } });
		expect(await api(observer, 'POST', { action: 'reveal' })).toMatchObject({ status: 403 });
		for (const bad of [{ action: 'open' }, {}, 'not json', [1]]) {
			expect(await api(facilitator, 'POST', bad)).toMatchObject({ status: 400, body: { error: 'error_bad_request' } });
		}
		expect((await api(facilitator, 'POST', { action: 'start' }, 'http://evil.test')).status).toBe(403);
		expect((await api(partner, 'GET')).body.privateMode).toBe(false);
	});

	it('keeps notes private until the reveal, then puts them on the board that open clients get, and empties the private documents', async () => {
		expect(await api(facilitator, 'POST', { action: 'start' })).toMatchObject({ status: 200, body: { privateMode: true } });
		const boardName = `sprints/${sprintId}/boards/${boardId}`;
		const watcher = connectDoc(server.url, partner2.cookie, boardName);
		const mine = connectDoc(server.url, partner.cookie, privateName(partner));
		await Promise.all([watcher.synced, mine.synced]);
		const closes: number[] = [];
		mine.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
		createNote(mine.doc, { x: 0, y: 0, text: 'Geheim idee', kind: 'idea', color: 'pink', author: { userId: partner.id, name: 'Pim', organisation: '' } });
		createNote(mine.doc, { x: 0, y: 0, text: 'Tweede', author: { userId: partner.id, name: 'Pim', organisation: '' } });

		// Counted (never shown) while private; nowhere in the shared board.
		await eventually(async () => (await api(facilitator, 'GET')).body.waiting === 2, 'two waiting notes');
		expect((await api(partner2, 'GET')).body).toEqual({ privateMode: true, waiting: 2 });
		expect(notes(watcher.doc)).toEqual([]);

		const revealed = await api(facilitator, 'POST', { action: 'reveal' });
		expect(revealed).toEqual({ status: 200, body: { privateMode: false, waiting: 0, revealed: 2 } });
		await until(() => notes(watcher.doc).length === 2, 10_000, 'revealed notes on the board');
		const idea = notes(watcher.doc).find((n) => n.text === 'Geheim idee')!;
		expect(idea).toMatchObject({ kind: 'idea', color: 'pink', createdBy: partner.id, author: { name: 'Pim' } });
		expect(readItems(watcher.doc).some((i) => i.type === 'group' && i.title.startsWith('Pim') && i.id === idea.parentId)).toBe(true);

		// The private connection was closed so the page asks again; the document is empty now.
		await until(() => closes.includes(4403), 10_000, 'close 4403');
		const again = connectDoc(server.url, partner.cookie, privateName(partner));
		await again.synced;
		expect(notes(again.doc)).toEqual([]);
		await until(() => notes(mine.doc).length === 0, 10_000, 'the open copy emptied too');
		expect((await api(partner, 'GET')).body).toEqual({ privateMode: false, waiting: 0 });
		for (const c of [watcher, mine, again]) c.destroy();
	});

	it('keeps notes an offline tablet wrote during the reveal: they arrive later and wait for the next reveal', async () => {
		const boardName = `sprints/${sprintId}/boards/${boardId}`;
		expect((await api(facilitator, 'POST', { action: 'start' })).status).toBe(200);
		const tablet = connectDoc(server.url, partner2.cookie, privateName(partner2));
		await tablet.synced;
		const author = { userId: partner2.id, name: 'Pia', organisation: '' };
		createNote(tablet.doc, { x: 0, y: 0, text: 'Voor het laten zien', author });
		await eventually(async () => (await api(facilitator, 'GET')).body.waiting === 1, 'the first note');
		// The tablet loses its connection; the facilitator reveals; the tablet writes on.
		tablet.provider.disconnect();
		expect((await api(facilitator, 'POST', { action: 'reveal' })).body).toMatchObject({ privateMode: false, revealed: 1 });
		createNote(tablet.doc, { x: 0, y: 0, text: 'Na het laten zien', author });
		tablet.provider.connect();
		await until(() => notes(tablet.doc).length === 1, 10_000, 'the revealed note removed on the tablet');
		expect(notes(tablet.doc)[0].text).toBe('Na het laten zien');
		await eventually(async () => (await api(facilitator, 'GET')).body.waiting === 1, 'the late note counted');

		expect((await api(facilitator, 'POST', { action: 'reveal' })).body).toMatchObject({ privateMode: false, waiting: 0, revealed: 1 });
		const board = connectDoc(server.url, facilitator.cookie, boardName);
		await board.synced;
		const texts = notes(board.doc).map((n) => n.text);
		expect(texts.filter((t) => t === 'Voor het laten zien')).toHaveLength(1);
		expect(texts).toContain('Na het laten zien');
		for (const c of [tablet, board]) c.destroy();
	});
});

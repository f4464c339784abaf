/**
 * Boards against the built server: the board list's form actions, the realtime board document
 * (two clients), and dot voting through its JSON endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addToSprint, connectDoc, createCoalition, createSprint, joinCoalition, postForm, signup, startServer, until, upgradeStatus } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let facilitator: { cookie: string; email: string };
let partner: { cookie: string; email: string };
let observer: { cookie: string; email: string };
let sprintId: string;
let boardId: string;
let coalitionId: string;

async function api(cookie: string, method: 'GET' | 'POST', body?: unknown, origin?: string) {
	const res = await fetch(`${server.url}/sprints/${sprintId}/boards/${boardId}/votes`, {
		method,
		headers: { cookie, origin: origin ?? server.url, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: res.status, body: await res.json().catch(() => null) };
}

function addNote(doc: Y.Doc, id: string, kind: string, text: string) {
	const note = new Y.Map<unknown>();
	note.set('id', id);
	note.set('type', 'note');
	note.set('kind', kind);
	note.set('x', 0);
	note.set('y', 0);
	note.set('parentId', null);
	note.set('text', new Y.Text(text));
	doc.getMap('items').set(id, note);
}

beforeAll(async () => {
	server = await startServer();
	facilitator = await signup(server.url, 'Fenna');
	partner = await signup(server.url, 'Pim');
	observer = await signup(server.url, 'Otto');
	coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	for (const p of [partner, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
	const created = await postForm(server.url, `/sprints/${sprintId}/boards?/create`, { title: 'Ideeën' }, partner.cookie);
	expect(created.status).toBe(303);
	boardId = created.location!.split('/').pop()!;
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

describe('boards (integration)', () => {
	it('gives a new sprint a problem map board laid out from the Design Sprint template', async () => {
		const page = await fetch(`${server.url}/sprints/${sprintId}/boards`, { headers: { cookie: partner.cookie } }).then((r) => r.text());
		const match = new RegExp(`href="/sprints/${sprintId}/boards/([a-z2-7]{16})">Probleemkaart<`).exec(page);
		expect(match).not.toBeNull();
		const map = connectDoc(server.url, partner.cookie, `sprints/${sprintId}/boards/${match![1]}`);
		await map.synced;
		const kinds = [...map.doc.getMap<Y.Map<unknown>>('items').values()].map((item) => item.get('type'));
		expect(kinds.filter((k) => k === 'group').length).toBeGreaterThanOrEqual(3);
		const titles = [...map.doc.getMap<Y.Map<unknown>>('items').values()].map((item) => String(item.get('title') ?? item.get('text') ?? ''));
		expect(titles.some((t) => t.includes('Hoe zouden we'))).toBe(true);
		map.destroy();
	});

	it('serves an existing board to members, live, and refuses unknown boards and observers\' edits', async () => {
		const name = `sprints/${sprintId}/boards/${boardId}`;
		expect(await upgradeStatus(server.url, `/collab/sprints/${sprintId}/boards/aaaaaaaaaaaaaaaa`, { origin: server.url, cookie: partner.cookie })).toBe(404);
		const a = connectDoc(server.url, facilitator.cookie, name);
		const b = connectDoc(server.url, partner.cookie, name);
		const o = connectDoc(server.url, observer.cookie, name);
		await Promise.all([a.synced, b.synced, o.synced]);
		addNote(a.doc, 'n1', 'idea', 'Buddy uit de buurt');
		addNote(b.doc, 'n2', 'idea', 'Talentenkaart');
		addNote(b.doc, 'n3', 'hmw', 'Hoe zouden we ...?');
		addNote(o.doc, 'n4', 'idea', 'observer note');
		await until(() => a.doc.getMap('items').size >= 3 && b.doc.getMap('items').size >= 3);
		await new Promise((r) => setTimeout(r, 200));
		expect([...a.doc.getMap('items').keys()].sort()).toEqual(['n1', 'n2', 'n3']);
		a.destroy();
		b.destroy();
		o.destroy();
	});

	it('only lets the facilitator archive, and only within the sprint', async () => {
		expect((await postForm(server.url, `/sprints/${sprintId}/boards?/archive`, { boardId, archived: 'true' }, partner.cookie)).status).toBe(403);
		expect((await postForm(server.url, `/sprints/${sprintId}/boards?/rename`, { boardId, title: '' }, partner.cookie)).status).toBe(400);
	});

	it('runs a dot vote: hidden while open, revealed by the facilitator, supervote apart', async () => {
		expect((await api(partner.cookie, 'POST', { action: 'start', votesPerPerson: 2, scope: { kind: 'idea' } })).status).toBe(403);
		const started = await api(facilitator.cookie, 'POST', { action: 'start', votesPerPerson: 2, scope: { kind: 'idea' } });
		expect(started.status).toBe(200);
		expect(started.body.round.itemIds.sort()).toEqual(['n1', 'n2']);
		const roundId = started.body.round.id;
		expect((await api(partner.cookie, 'POST', { action: 'cast', roundId, itemId: 'n1' })).status).toBe(200);
		expect((await api(partner.cookie, 'POST', { action: 'cast', roundId, itemId: 'n1' })).status).toBe(200);
		const over = await api(partner.cookie, 'POST', { action: 'cast', roundId, itemId: 'n2' });
		expect(over.status).toBe(400);
		expect(over.body.message).toContain('stemmen zijn op');
		expect((await api(partner.cookie, 'POST', { action: 'cast', roundId, itemId: 'n3' })).body.error).toBe('error_vote_item_not_in_round');
		expect((await api(observer.cookie, 'POST', { action: 'cast', roundId, itemId: 'n2' })).body.error).toBe('error_vote_observer');
		expect((await api(facilitator.cookie, 'POST', { action: 'cast', roundId, itemId: 'n2' })).status).toBe(200);
		// While open, nobody sees per-note counts: only progress.
		const seen = await api(facilitator.cookie, 'GET');
		expect(seen.body.results).toBeNull();
		expect(seen.body.progress).toEqual({ voters: 2, dots: 3 });
		expect(JSON.stringify(seen.body)).not.toContain('"votes"');
		expect((await api(partner.cookie, 'POST', { action: 'reveal', roundId })).status).toBe(403);
		expect((await api(facilitator.cookie, 'POST', { action: 'reveal', roundId })).status).toBe(200);
		const revealed = await api(observer.cookie, 'GET');
		expect(revealed.body.results).toEqual([
			{ itemId: 'n1', votes: 2, supervotes: 0 },
			{ itemId: 'n2', votes: 1, supervotes: 0 }
		]);
	});

	it('lists idea notes with their revealed votes on the Ideas page, where only the facilitator chooses', async () => {
		const page = await fetch(`${server.url}/sprints/${sprintId}/ideas`, { headers: { cookie: partner.cookie } }).then((r) => r.text());
		expect(page).toContain('Buddy uit de buurt');
		expect(page).toContain('Talentenkaart');
		expect(page).not.toContain('Hoe zouden we ...?');
		expect(page).toContain('2 stemmen');
		expect((await postForm(server.url, `/sprints/${sprintId}/ideas?/select`, { boardId, itemId: 'n1', selected: 'true' }, partner.cookie)).status).toBe(403);
		expect((await postForm(server.url, `/sprints/${sprintId}/ideas?/select`, { boardId, itemId: 'n3', selected: 'true' }, facilitator.cookie)).status).toBe(400);
		expect((await postForm(server.url, `/sprints/${sprintId}/ideas?/select`, { boardId, itemId: 'n1', selected: 'true' }, facilitator.cookie)).status).toBe(200);
		const after = await fetch(`${server.url}/sprints/${sprintId}/ideas`, { headers: { cookie: observer.cookie } }).then((r) => r.text());
		expect(after).toContain('1 gekozen om te testen');
	});

	it('refuses bad input, foreign origins and outsiders without changing anything', async () => {
		expect((await api(facilitator.cookie, 'POST', { action: 'explode' })).status).toBe(400);
		const res = await fetch(`${server.url}/sprints/${sprintId}/boards/${boardId}/votes`, {
			method: 'POST',
			headers: { cookie: facilitator.cookie, origin: server.url, 'content-type': 'application/json' },
			body: '{not json'
		});
		expect(res.status).toBe(400);
		expect((await api(facilitator.cookie, 'POST', { action: 'start', votesPerPerson: 2, scope: {} }, 'http://evil.example')).status).toBe(403);
		const outsider = await signup(server.url, 'Xavi');
		expect((await api(outsider.cookie, 'GET')).status).toBe(404);
		expect((await api('', 'GET')).status).toBe(401);
	});

	it('locks a board through its controls endpoint: facilitator only, and open connections follow at once', async () => {
		const created = await postForm(server.url, `/sprints/${sprintId}/boards?/create`, { title: 'Slot' }, facilitator.cookie);
		const id = created.location!.split('/').pop()!;
		const name = `sprints/${sprintId}/boards/${id}`;
		const controls = (cookie: string, body: string, path = `/sprints/${sprintId}/boards/${id}/controls`, origin = server.url) =>
			fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) }));
		const lock = JSON.stringify({ locked: true });
		expect(await controls(partner.cookie, lock)).toMatchObject({ status: 403, body: { error: 'error_forbidden' } });
		expect((await controls(observer.cookie, lock)).status).toBe(403);
		for (const bad of ['{not json', '{}', '{"locked":"ja"}', '{"locked":true,"extra":1}', '[]']) {
			expect(await controls(facilitator.cookie, bad)).toMatchObject({ status: 400, body: { error: 'error_bad_request', message: expect.any(String) } });
		}
		// The same board id under another sprint of the same facilitator is not that board.
		const otherSprint = await createSprint(server.url, facilitator.cookie, coalitionId, 'Andere sprint');
		expect((await controls(facilitator.cookie, lock, `/sprints/${otherSprint}/boards/${id}/controls`)).status).toBe(404);
		expect((await controls(facilitator.cookie, lock, undefined, 'http://evil.example')).status).toBe(403);

		const f = connectDoc(server.url, facilitator.cookie, name);
		const p = connectDoc(server.url, partner.cookie, name);
		await Promise.all([f.synced, p.synced]);
		const closes: number[] = [];
		p.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));
		expect(await controls(facilitator.cookie, lock)).toEqual({ status: 200, body: { locked: true } });
		await until(() => closes.length > 0, 10_000, 'the partner to be closed');
		expect(closes[0]).toBe(4403);
		p.destroy();
		f.destroy();

		// Reconnected with the new rights: the partner reads, only the facilitator writes.
		const f2 = connectDoc(server.url, facilitator.cookie, name);
		const p2 = connectDoc(server.url, partner.cookie, name);
		await Promise.all([f2.synced, p2.synced]);
		addNote(p2.doc, 'stiekem', 'note', 'tijdens het slot');
		addNote(f2.doc, 'open', 'note', 'van de facilitator');
		await until(() => p2.doc.getMap('items').has('open'), 10_000, 'the facilitator\'s note');
		await new Promise((r) => setTimeout(r, 300));
		expect(f2.doc.getMap('items').has('stiekem')).toBe(false);
		const page = await fetch(`${server.url}/sprints/${sprintId}/boards/${id}`, { headers: { cookie: partner.cookie } }).then((r) => r.text());
		expect(page).toContain('locked:true');

		const again: number[] = [];
		p2.provider.on('connection-close', (event: { code: number } | null) => again.push(event?.code ?? 0));
		expect((await controls(facilitator.cookie, JSON.stringify({ locked: false }))).status).toBe(200);
		await until(() => again.length > 0, 10_000, 'the partner to be closed again');
		expect(again[0]).toBe(4403);
		p2.destroy();
		f2.destroy();
	});
});

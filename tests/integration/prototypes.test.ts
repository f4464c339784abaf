/**
 * Prototypes against the built server: the realtime room (who may open and write it), image uploads
 * (re-encoded, refused with a message, served only to the sprint) and frozen versions (immutable).
 */
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScreens, renameScreen } from '../../src/lib/prototype/model';
import { addToSprint, connectDoc, createCoalition, createSprint, joinCoalition, postForm, signup, startServer, until, upgradeStatus } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = { cookie: string; email: string };
let server: Server;
let facilitator: Person;
let partner: Person;
let observer: Person;
let outsider: Person;
let sprintId: string;
let otherSprintId: string;
let prototypeId: string;

const base = () => `/sprints/${sprintId}/prototypes/${prototypeId}`;

async function upload(cookie: string, bytes: Buffer, type: string, name: string) {
	const body = new FormData();
	body.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
	const res = await fetch(`${server.url}${base()}/images`, { method: 'POST', headers: { cookie, origin: server.url }, body });
	return { status: res.status, body: (await res.json().catch(() => null)) as { id?: string; error?: string; message?: string } | null };
}

async function freeze(cookie: string, name = '') {
	const res = await fetch(`${server.url}${base()}/versions`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
	return { status: res.status, body: (await res.json().catch(() => null)) as { number?: number; error?: string } | null };
}

beforeAll(async () => {
	server = await startServer();
	facilitator = await signup(server.url, 'Fenna');
	partner = await signup(server.url, 'Pim');
	observer = await signup(server.url, 'Otto');
	outsider = await signup(server.url, 'Xander');
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	otherSprintId = await createSprint(server.url, facilitator.cookie, coalitionId, 'Andere sprint');
	for (const p of [partner, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
	expect((await postForm(server.url, `/sprints/${sprintId}/prototypes?/create`, { name: 'App', device: 'phone', audience: 'youth', template: 'youth_checkin' }, observer.cookie)).status).toBe(403);
	const created = await postForm(server.url, `/sprints/${sprintId}/prototypes?/create`, { name: 'Check-in', device: 'tablet', audience: 'youth', template: 'youth_checkin' }, partner.cookie);
	expect(created.status).toBe(303);
	prototypeId = created.location!.split('/').pop()!;
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

describe('prototypes (integration)', () => {
	it('admits sprint members to the room (observers read-only) and refuses others and swapped ids', async () => {
		const name = `sprints/${sprintId}/prototypes/${prototypeId}`;
		const headers = (p: Person) => ({ origin: server.url, cookie: p.cookie });
		expect(await upgradeStatus(server.url, `/collab/${name}`, headers(outsider))).toBe(403);
		expect(await upgradeStatus(server.url, `/collab/${name}`, { origin: server.url })).toBe(401);
		expect(await upgradeStatus(server.url, `/collab/${name}`, { origin: 'http://evil.test', cookie: partner.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, `/collab/sprints/${otherSprintId}/prototypes/${prototypeId}`, headers(facilitator))).toBe(404);
		expect(await upgradeStatus(server.url, `/collab/sprints/${sprintId}/prototypes/aaaaaaaaaaaaaaaa`, headers(facilitator))).toBe(404);

		const a = connectDoc(server.url, partner.cookie, name);
		const o = connectDoc(server.url, observer.cookie, name);
		await Promise.all([a.synced, o.synced]);
		const screens = readScreens(a.doc);
		expect(screens.map((s) => s.name)).toEqual(['Welkom', 'Gevoel', 'Wat helpt', 'Bedankt']);
		renameScreen(o.doc, screens[0].id, 'Door de waarnemer', null);
		renameScreen(a.doc, screens[1].id, 'Hoe voel je je', null);
		await until(() => readScreens(o.doc)[1].name === 'Hoe voel je je');
		await new Promise((r) => setTimeout(r, 200));
		expect(readScreens(a.doc)[0].name).toBe('Welkom');
		a.destroy();
		o.destroy();
	});

	it('re-encodes uploaded images, refuses SVG and non-images with a message, and serves them only to the sprint', async () => {
		const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b6e4f' } }).png().toBuffer();
		const ok = await upload(partner.cookie, png, 'image/png', 'foto.png');
		expect(ok.status).toBe(201);
		const svg = await upload(partner.cookie, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml', 'x.svg');
		expect(svg).toMatchObject({ status: 400, body: { error: 'proto_image_svg' } });
		expect(svg.body!.message).toMatch(/SVG/);
		// An SVG named and typed as a PNG is still refused.
		expect((await upload(partner.cookie, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png', 'x.png')).body?.error).toBe('proto_image_svg');
		expect((await upload(partner.cookie, Buffer.from('hallo'), 'text/plain', 'x.txt')).body?.error).toBe('proto_image_not_image');
		expect((await upload(partner.cookie, Buffer.alloc(2 * 1024 * 1024 + 10, 1), 'image/png', 'groot.png')).status).toBe(413);
		expect((await upload(observer.cookie, png, 'image/png', 'foto.png')).status).toBe(403);
		expect((await upload(outsider.cookie, png, 'image/png', 'foto.png')).status).toBe(404);

		const url = `${server.url}${base()}/images/${ok.body!.id}`;
		const served = await fetch(url, { headers: { cookie: observer.cookie } });
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(served.headers.get('x-content-type-options')).toBe('nosniff');
		const bytes = Buffer.from(await served.arrayBuffer());
		expect(bytes.equals(png)).toBe(false);
		expect((await sharp(bytes).metadata()).width).toBe(64);
		expect((await fetch(url, { headers: { cookie: outsider.cookie } })).status).toBe(404);
		expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);
		expect((await fetch(`${server.url}/sprints/${otherSprintId}/prototypes/${prototypeId}/images/${ok.body!.id}`, { headers: { cookie: facilitator.cookie } })).status).toBe(404);
	});

	it('freezes versions that later edits never change', async () => {
		expect((await freeze(observer.cookie)).status).toBe(403);
		expect(await freeze(partner.cookie, 'Voor dinsdag')).toMatchObject({ status: 201, body: { number: 1 } });
		const name = `sprints/${sprintId}/prototypes/${prototypeId}`;
		const a = connectDoc(server.url, partner.cookie, name);
		await a.synced;
		renameScreen(a.doc, readScreens(a.doc)[0].id, 'Na het bevriezen', null);
		await new Promise((r) => setTimeout(r, 300));
		a.destroy();
		expect(await freeze(facilitator.cookie)).toMatchObject({ status: 201, body: { number: 2 } });

		const db = new Database(server.dbPath, { readonly: true });
		try {
			const rows = db.prepare('SELECT number, name, snapshot FROM prototype_versions WHERE prototype_id = ? ORDER BY number').all(prototypeId) as { number: number; name: string; snapshot: string }[];
			expect(rows.map((r) => [r.number, r.name])).toEqual([
				[1, 'Voor dinsdag'],
				[2, 'Versie 2']
			]);
			expect(JSON.parse(rows[0].snapshot).screens[0].name).toBe('Welkom');
			expect(JSON.parse(rows[1].snapshot).screens[0].name).toBe('Na het bevriezen');
		} finally {
			db.close();
		}
		const page = await fetch(`${server.url}${base()}/versions/1/play`, { headers: { cookie: observer.cookie } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Welkom');
		expect((await fetch(`${server.url}${base()}/versions/9/play`, { headers: { cookie: observer.cookie } })).status).toBe(404);
	});
});

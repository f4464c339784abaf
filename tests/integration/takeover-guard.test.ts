/**
 * "Take control" in the form actions and JSON endpoints (the realtime side is in control.test.ts):
 * while the facilitator has control, a partner's (and the decider's) changes are refused with one
 * message and change nothing; the facilitator's go through; after the release everything works again.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToSprint, createCoalition, createSprint, joinCoalition, postForm, signup, startServer } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = { cookie: string; email: string };
let server: Server;
let facilitator: Person;
let partner: Person;
let decider: Person;
let observer: Person;
let sprintId: string;
let ruleSetId: string;
let prototypeId: string;
let png: Buffer;

const nl = JSON.parse(readFileSync(new URL('../../src/lib/i18n/messages/nl.json', import.meta.url), 'utf8')) as Record<string, string>;
const REFUSED = nl.facil_takeover_refused;

function query<T>(sql: string, ...params: unknown[]): T {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return db.prepare(sql).get(...params) as T;
	} finally {
		db.close();
	}
}
const ruleSetName = () => query<{ name: string }>('SELECT name FROM rule_sets WHERE id = ?', ruleSetId).name;
const count = (table: 'boards' | 'prototypes' | 'prototype_images' | 'prototype_versions' | 'decisions' | 'rule_approval_requests') =>
	query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;

const takeControl = (body: object) =>
	fetch(`${server.url}/sprints/${sprintId}/take-control`, { method: 'POST', headers: { cookie: facilitator.cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const rename = (who: Person, name: string) => postForm(server.url, `/sprints/${sprintId}/rules/${ruleSetId}?/rename`, { name }, who.cookie);
const newBoard = (who: Person, title: string) => postForm(server.url, `/sprints/${sprintId}/boards?/create`, { title }, who.cookie);
async function upload(who: Person) {
	const body = new FormData();
	body.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'foto.png');
	const res = await fetch(`${server.url}/sprints/${sprintId}/prototypes/${prototypeId}/images`, { method: 'POST', headers: { cookie: who.cookie, origin: server.url }, body });
	return { status: res.status, body: (await res.json().catch(() => null)) as { error?: string; message?: string } | null };
}
async function freeze(who: Person) {
	const res = await fetch(`${server.url}/sprints/${sprintId}/prototypes/${prototypeId}/versions`, {
		method: 'POST',
		headers: { cookie: who.cookie, origin: server.url, 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Versie' })
	});
	return { status: res.status, body: (await res.json().catch(() => null)) as { error?: string; message?: string } | null };
}

beforeAll(async () => {
	server = await startServer();
	[facilitator, partner, decider, observer] = await Promise.all(['Fenna', 'Pim', 'Dewi', 'Otto'].map((n) => signup(server.url, n)));
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	for (const p of [partner, decider, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, decider.email, 'decider');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
	const ruleSet = await postForm(server.url, `/sprints/${sprintId}/rules?/create`, { name: 'Op tijd' }, partner.cookie);
	expect(ruleSet.status).toBe(303);
	ruleSetId = ruleSet.location!.split('/').pop()!;
	const prototype = await postForm(server.url, `/sprints/${sprintId}/prototypes?/create`, { name: 'Check-in', device: 'tablet', audience: 'youth', template: 'blank' }, partner.cookie);
	expect(prototype.status).toBe(303);
	prototypeId = prototype.location!.split('/').pop()!;
	png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a7' } }).png().toBuffer();
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

describe('take control in forms and endpoints', () => {
	it('refuses partners\' and the decider\'s changes with one message, changes nothing, and lets the facilitator work', async () => {
		expect((await takeControl({ minutes: 5 })).status).toBe(200);
		const before = { boards: count('boards'), images: count('prototype_images'), versions: count('prototype_versions'), decisions: count('decisions'), requests: count('rule_approval_requests') };

		const renamed = await rename(partner, 'Stiekem');
		expect(renamed.status).toBe(423);
		expect(renamed.body).toContain(REFUSED);
		const requested = await postForm(server.url, `/sprints/${sprintId}/rules/${ruleSetId}?/request`, {}, partner.cookie);
		expect(requested.status).toBe(423);
		expect(requested.body).toContain(REFUSED);
		const board = await newBoard(partner, 'Stiekeme kaart');
		expect(board.status).toBe(423);
		expect(board.body).toContain(REFUSED);
		const prototype = await postForm(server.url, `/sprints/${sprintId}/prototypes?/create`, { name: 'Nog een', device: 'phone', audience: 'youth', template: 'blank' }, partner.cookie);
		expect(prototype.status).toBe(423);
		expect(await upload(partner)).toEqual({ status: 423, body: { error: 'facil_takeover_refused', message: REFUSED } });
		expect(await freeze(partner)).toEqual({ status: 423, body: { error: 'facil_takeover_refused', message: REFUSED } });
		const decision = await postForm(server.url, `/sprints/${sprintId}/decisions?/decide`, { text: 'We bouwen de check-in', rationale: '' }, decider.cookie);
		expect(decision.status).toBe(423);
		expect(decision.body).toContain(REFUSED);

		expect(ruleSetName()).toBe('Op tijd');
		expect(count('prototypes')).toBe(1);
		expect({ boards: count('boards'), images: count('prototype_images'), versions: count('prototype_versions'), decisions: count('decisions'), requests: count('rule_approval_requests') }).toEqual(before);

		// An observer still gets the refusal they always get (they never change anything).
		expect((await upload(observer)).status).toBe(403);

		// The facilitator carries on.
		expect((await rename(facilitator, 'Op tijd erbij')).status).toBe(200);
		expect(ruleSetName()).toBe('Op tijd erbij');
		expect((await newBoard(facilitator, 'Kaart van de facilitator')).status).toBe(303);
		expect((await upload(facilitator)).status).toBe(201);
		expect(count('boards')).toBe(before.boards + 1);
		expect(count('prototype_images')).toBe(before.images + 1);
	});

	it('lets everyone work again once control is given back', async () => {
		expect((await takeControl({ release: true })).status).toBe(200);
		expect((await rename(partner, 'Weer van iedereen')).status).toBe(200);
		expect(ruleSetName()).toBe('Weer van iedereen');
		const boards = count('boards');
		expect((await newBoard(partner, 'Kaart van Pim')).status).toBe(303);
		expect(count('boards')).toBe(boards + 1);
		expect((await upload(partner)).status).toBe(201);
		expect((await freeze(partner)).status).toBe(201);
		expect((await postForm(server.url, `/sprints/${sprintId}/decisions?/decide`, { text: 'We bouwen de check-in', rationale: '' }, decider.cookie)).status).toBe(200);
	});
});

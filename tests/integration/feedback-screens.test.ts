/**
 * A test round over a frozen prototype version against the built server: the facilitator's form
 * (a bad version refused, nothing made), a young person's run through the screens as plain form
 * posts, and the frozen screen's images served to that run only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '$lib/server/db';
import { prototypeImages, prototypes, prototypeVersions, responses, testRounds } from '$lib/server/db/schema';
import { getRound, roundItems, type Round } from '$lib/server/feedback/rounds';
import { createCoalition, createSprint, postForm, signup, startServer, userIdByEmail } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: DB;
let sprintId: string;
let facilitatorCookie: string;

const START = 'aaaaaaaaaaaaaaaa';
const SECOND = 'bbbbbbbbbbbbbbbb';
const IMG = 'iiiiiiiiiiiiiiii';
const LATER_IMG = 'jjjjjjjjjjjjjjjj';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const blank = { items: '', target: null, overlay: false, multiple: false, emoji: '' };

async function get(path: string, cookie = '') {
	const res = await fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
	return { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), text: await res.text() };
}

beforeAll(async () => {
	server = await startServer();
	const facilitator = await signup(server.url, 'Fenna');
	facilitatorCookie = facilitator.cookie;
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	const userId = userIdByEmail(server.dbPath, facilitator.email);
	db = openDatabase(server.dbPath);
	// A frozen version as the studio stores it; its start screen is the second one listed.
	db.insert(prototypes).values({ id: 'proto1', sprintId, name: 'Check-in', device: 'phone', audience: 'youth', createdBy: userId }).run();
	const snapshot = {
		v: 1,
		start: START,
		screens: [
			{ id: SECOND, name: 'Hoe gaat het', blocks: [{ id: 'cccccccccccccccc', type: 'heading', text: 'Hoe gaat het met je?', imageId: null, ...blank }] },
			{
				id: START,
				name: 'Welkom',
				blocks: [
					{ id: 'dddddddddddddddd', type: 'image', text: 'Ons logo', imageId: IMG, ...blank },
					{ id: 'eeeeeeeeeeeeeeee', type: 'note', text: 'Kijk of ze de knop vinden', imageId: null, ...blank }
				]
			}
		]
	};
	db.insert(prototypeVersions).values({ id: 'version1', prototypeId: 'proto1', number: 1, name: 'Voor de test', snapshot, authorName: 'Fenna', createdBy: userId }).run();
	for (const id of [IMG, LATER_IMG]) db.insert(prototypeImages).values({ id, prototypeId: 'proto1', mime: 'image/png', width: 1, height: 1, bytes: PNG }).run();
});

afterAll(async () => {
	db?.$client.close();
	await server?.stop();
	server?.cleanup();
});

describe('a test round over a frozen prototype (integration)', () => {
	let round: Round;

	it("is made from the tests page form; an unknown version is refused with a message and makes nothing", async () => {
		const page = await get(`/sprints/${sprintId}/tests`, facilitatorCookie);
		expect(page.text).toContain('Check-in · v1 · Voor de test');
		const bad = await postForm(server.url, `/sprints/${sprintId}/tests?/create`, { title: 'Schermen', hours: '4', version: 'version-of-someone-else' }, facilitatorCookie);
		expect(bad.status).toBe(400);
		expect(bad.body).toContain('hoort niet bij deze sprint');
		expect(db.select().from(testRounds).all()).toHaveLength(0);
		const made = await postForm(server.url, `/sprints/${sprintId}/tests?/create`, { title: 'Schermen', hours: '4', version: 'version1' }, facilitatorCookie);
		expect(made.status).toBe(303);
		round = getRound(db, sprintId, made.location!.split('/').pop()!)!;
		expect(roundItems(db, round.id).map((i) => i.text)).toEqual(['Check-in v1: Welkom', 'Check-in v1: Hoe gaat het']);
	});

	it('takes a young person through the frozen screens as plain forms, with the images for that run only', async () => {
		const q = (type: string) => round.questions.find((x) => x.type === type)!;
		const image = `/j/${round.code}/images/${IMG}`;
		expect((await get(image)).status).toBe(404);
		const res = await fetch(`${server.url}/j/${round.code}?/start`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
		const cookie = res.headers.getSetCookie()[0].split(';')[0];
		expect(cookie).toMatch(/^meedoen_run=/);

		const step1 = await get(`/j/${round.code}/1`, cookie);
		expect(step1.status).toBe(200);
		expect(step1.cache).toBe('no-store');
		expect(step1.text).toContain('data-testid="youth-frozen-screen"');
		// Drawn as the phone the prototype is made for (a tablet prototype gets the page's width).
		expect(step1.text).toMatch(/class="frozen svelte-[a-z0-9]+"/);
		expect(step1.text).toContain('Welkom');
		expect(step1.text).toContain(`src="${image}"`);
		// Notes for testers are for the adults: they never reach a young person's page.
		expect(step1.text).not.toContain('Kijk of ze de knop vinden');

		const served = await fetch(server.url + image, { headers: { cookie } });
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(served.headers.get('cache-control')).toBe('no-store');
		expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
		// An image of the same prototype that the frozen version does not show stays private.
		expect((await get(`/j/${round.code}/images/${LATER_IMG}`, cookie)).status).toBe(404);
		expect((await get(image, 'meedoen_run=forged.token')).status).toBe(404);

		const saved = await postForm(server.url, `/j/${round.code}/1?/save`, { [`q-${q('reaction').id}`]: 'great', [`q-${q('would_help').id}`]: 'yes', [`q-${q('change').id}`]: 'Grotere knop', go: 'next' }, cookie);
		expect(saved.location).toBe(`/j/${round.code}/2`);
		const step2 = await get(`/j/${round.code}/2`, cookie);
		expect(step2.text).toContain('Hoe gaat het met je?');
		await postForm(server.url, `/j/${round.code}/2?/save`, { [`q-${q('would_help').id}`]: 'maybe', go: 'next' }, cookie);
		const done = await postForm(server.url, `/j/${round.code}/3?/save`, { go: 'next' }, cookie);
		expect(done.location).toBe(`/j/${round.code}/klaar`);

		const [welkom, second] = roundItems(db, round.id);
		const stored = db.select().from(responses).all().map((r) => `${r.itemKey === welkom.id ? 'welkom' : r.itemKey === second.id ? 'second' : r.itemKey}:${r.value}`);
		expect(stored.sort()).toEqual(['second:maybe', 'welkom:Grotere knop', 'welkom:great', 'welkom:yes']);
		// A finished run sees no more of the prototype.
		expect((await get(image, cookie)).status).toBe(404);

		const results = await get(`/sprints/${sprintId}/tests/${round.id}`, facilitatorCookie);
		expect(results.text).toContain('Check-in v1: Welkom');
		const print = await get(`/sprints/${sprintId}/tests/${round.id}/print`, facilitatorCookie);
		expect(print.text).toContain('Check-in v1: Hoe gaat het');
	});
});

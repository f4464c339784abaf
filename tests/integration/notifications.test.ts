/**
 * Notifications against the built server: a test round that runs out of time is announced by the
 * server's own sweep (once, to everyone in the sprint), and the bell's count endpoint answers each
 * person their own number only, read-only.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToSprint, createCoalition, createSprint, joinCoalition, postForm, signup, startServer, until } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = { cookie: string; email: string };
let server: Server;
let facilitator: Person;
let partner: Person;
let outsider: Person;
let sprintId: string;

const unread = async (who?: Person) => {
	const res = await fetch(`${server.url}/notifications/unread`, { headers: who ? { cookie: who.cookie } : {} });
	return { status: res.status, body: (await res.json().catch(() => null)) as { unread?: number } | null };
};

/** A round whose window ends at `closesAt` (the youth side and the round pages have their own tests). */
function insertRound(title: string, closesAt: number) {
	const id = Array.from(randomBytes(16), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('');
	const db = new Database(server.dbPath);
	try {
		db.prepare('INSERT INTO test_rounds (id, sprint_id, title, code, questions, rule, opens_at, closes_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
			id,
			sprintId,
			title,
			randomBytes(6).toString('hex'),
			'[]',
			'{"minAnswers":5,"minPositiveShare":0.6}',
			closesAt - 4 * 3600_000,
			closesAt,
			Date.now()
		);
	} finally {
		db.close();
	}
	return id;
}

function closedNotices(who: Person) {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return db
			.prepare("SELECT n.params, n.href FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ? AND n.kind = 'round_closed' ORDER BY n.created_at")
			.all(who.email) as { params: string; href: string }[];
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	// A sweep every 200 ms instead of 30 s, so the test need not wait long for it.
	server = await startServer({ env: { MEEDOEN_ROUND_SWEEP_MS: '200' } });
	[facilitator, partner, outsider] = await Promise.all(['Fenna', 'Pim', 'Xander'].map((n) => signup(server.url, n)));
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	await joinCoalition(server.url, facilitator.cookie, coalitionId, partner.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

describe('notifications (integration)', () => {
	it('the bell\'s count: one\'s own number only, for the signed-in only, read-only', async () => {
		expect(await unread()).toMatchObject({ status: 401 });
		expect(await unread(partner)).toEqual({ status: 200, body: { unread: 0 } });
		for (const method of ['POST', 'PUT', 'DELETE']) {
			const res = await fetch(`${server.url}/notifications/unread`, { method, headers: { cookie: partner.cookie, origin: server.url } });
			expect(res.status).toBe(405);
		}
	});

	it('a round that runs out of time is announced once, by the server, to everyone in the sprint and nobody else', async () => {
		const oost = insertRound('Oost', Date.now() - 1000);
		await until(() => closedNotices(partner).length === 1, 10_000, 'the partner\'s notice');
		expect((await unread(partner)).body?.unread).toBe(1);
		expect((await unread(facilitator)).body?.unread).toBe(1);
		expect((await unread(outsider)).body?.unread).toBe(0);
		expect(closedNotices(partner)).toEqual([{ params: '{"round":"Oost"}', href: `/sprints/${sprintId}/tests/${oost}` }]);

		// A second round's notice comes from a later sweep; by then Oost's would have come again, had it been sent twice.
		insertRound('West', Date.now() - 1000);
		await until(() => closedNotices(partner).length === 2, 10_000, 'the second notice');
		expect((await unread(partner)).body?.unread).toBe(2);
		expect(closedNotices(partner).map((n) => JSON.parse(n.params).round)).toEqual(['Oost', 'West']);
		expect(closedNotices(facilitator)).toHaveLength(2);

		// Read on the notifications page: the bell's number goes down.
		expect((await postForm(server.url, '/notifications?/read', {}, partner.cookie)).status).toBeLessThan(400);
		expect((await unread(partner)).body?.unread).toBe(0);
		expect((await unread(facilitator)).body?.unread).toBe(2);
	});
});

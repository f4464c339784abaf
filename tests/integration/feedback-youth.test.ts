/**
 * The young person's side of a test round against the built server: joining by code, the flow as
 * plain forms, the answers endpoint, refusals, and that nothing identifying (address, browser) ends
 * up in the database or the logs.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { createNote } from '$lib/board/model';
import { createBoard } from '$lib/server/boards/service';
import { openDatabase, type DB } from '$lib/server/db';
import { participants, responses } from '$lib/server/db/schema';
import { selectIdea, selectedIdeas } from '$lib/server/ideas/service';
import { closeRound, createRound, getRound, roundItems, type Round } from '$lib/server/feedback/rounds';
import { CODE_ALPHABET } from '$lib/server/feedback/join-code';
import { roundResults } from '$lib/server/feedback/round-results';
import { createCoalition, createSprint, signup, startServer, userIdByEmail } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: DB;
let sprintId: string;
let round: Round;

/** What a tablet sends that must never be kept. */
const PROBE_UA = 'MeedoenPrivacyProbe/1.0 (school tablet)';
const PROBE_IP = '203.0.113.77';
const probe = { 'user-agent': PROBE_UA, 'x-forwarded-for': PROBE_IP };

async function get(path: string, cookie = '') {
	const res = await fetch(server.url + path, { headers: { ...probe, cookie }, redirect: 'manual' });
	return { status: res.status, location: res.headers.get('location'), text: await res.text(), setCookie: res.headers.get('set-cookie') ?? '' };
}

async function post(path: string, fields: Record<string, string>, cookie = '') {
	const res = await fetch(server.url + path, {
		method: 'POST',
		// A browser's Accept: SvelteKit answers form actions with JSON to anything else.
		headers: { ...probe, cookie, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: res.status, location: res.headers.get('location'), text: await res.text(), setCookie: res.headers.get('set-cookie') ?? '' };
}

async function answers(body: unknown, origin = server.url, code = round.code) {
	const res = await fetch(`${server.url}/j/${code}/answers`, {
		method: 'POST',
		headers: { ...probe, origin, 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json().catch(() => null)) as { error?: string; message?: string; saved?: number } | null };
}

/** Starts a run like a browser without JavaScript: returns the run cookie and its token. */
async function start() {
	const started = await post(`/j/${round.code}?/start`, {});
	expect(started.status).toBe(303);
	expect(started.location).toBe(`/j/${round.code}/1`);
	const cookie = started.setCookie.split(';')[0];
	expect(cookie).toMatch(/^meedoen_run=/);
	expect(started.setCookie).toMatch(new RegExp(`Path=/j/${round.code}`, 'i'));
	expect(started.setCookie).toMatch(/HttpOnly/i);
	return { cookie, token: decodeURIComponent(cookie.split('=')[1]) };
}

const question = (type: string) => round.questions.find((q) => q.type === type)!;

beforeAll(async () => {
	server = await startServer();
	const facilitator = await signup(server.url, 'Fenna');
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	const userId = userIdByEmail(server.dbPath, facilitator.email);
	// Seeded beside the running server (SQLite in WAL mode takes a second connection): the
	// facilitator's pages are tested on their own.
	db = openDatabase(server.dbPath);
	const doc = new Y.Doc();
	const author = { userId, name: 'Sanne', organisation: 'GGD' };
	const ids = ['Buddy uit de buurt', 'Talentenkaart'].map((text, i) => {
		const note = createNote(doc, { x: i * 300, y: 0, text, kind: 'idea', author });
		if (!note.ok) throw new Error();
		return note.id;
	});
	const board = createBoard(db, sprintId, userId, 'Ideeën', 'blank', Y.encodeStateAsUpdate(doc));
	if (!board.ok) throw new Error();
	for (const id of ids) selectIdea(db, sprintId, board.value.id, id, userId);
	const made = createRound(db, sprintId, userId, { title: 'Ronde 1', ideaSelectionIds: selectedIdeas(db, sprintId).map((s) => s.id) });
	if (!made.ok) throw new Error(made.error);
	round = getRound(db, sprintId, made.value.id)!;
});

afterAll(async () => {
	db?.$client.close();
	await server?.stop();
	server?.cleanup();
});

describe('youth test rounds (integration)', () => {
	it('find a round by its code, whatever the case and dashes, at /j and by the short link', async () => {
		const typed = `${round.code.slice(0, 4).toLowerCase()}-${round.code.slice(4)}`;
		const found = await post('/j', { code: typed });
		expect(found.status).toBe(303);
		expect(found.location).toBe(`/j/${round.code}`);
		const short = await get(`/j/${typed}`);
		expect(short.status).toBe(303);
		expect(short.location).toBe(`/j/${round.code}`);
		const intro = await get(`/j/${round.code}`);
		expect(intro.status).toBe(200);
		expect(intro.text).toContain('data-testid="youth-intro"');
		// The young person's pages have no staff header (no log-in link).
		expect(intro.text).not.toContain('href="/login"');
		expect(intro.text).toContain('0800-0113');
	});

	it('answer a wrong or malformed code kindly', async () => {
		const wrong = await post('/j', { code: 'CCCC-CCCC' });
		expect(wrong.status).toBe(404);
		expect(wrong.text).toContain('Deze code kennen we niet');
		const malformed = await post('/j', { code: 'hello' });
		expect(malformed.status).toBe(400);
		const page = await get('/j/CCCCDDDD');
		expect(page.status).toBe(200);
		expect(page.text).toContain('Deze code kennen we niet');
	});

	it('go through a round as plain forms: each step saved, then done', async () => {
		const { cookie } = await start();
		const step1 = await get(`/j/${round.code}/1`, cookie);
		expect(step1.status).toBe(200);
		expect(step1.text).toContain('Buddy uit de buurt');
		const saved = await post(`/j/${round.code}/1?/save`, { [`q-${question('reaction').id}`]: 'great', [`q-${question('would_help').id}`]: 'yes', [`q-${question('change').id}`]: 'Ook in het weekend', go: 'next' }, cookie);
		expect(saved.status).toBe(303);
		expect(saved.location).toBe(`/j/${round.code}/2`);
		const back = await get(`/j/${round.code}/1`, cookie);
		expect(back.text).toContain('Ook in het weekend');
		await post(`/j/${round.code}/2?/save`, { [`q-${question('would_help').id}`]: 'no', go: 'next' }, cookie);
		const last = await post(`/j/${round.code}/3?/save`, { [`q-${question('age_band').id}`]: '16-18', go: 'next' }, cookie);
		expect(last.location).toBe(`/j/${round.code}/klaar`);
		// Finished: the tablet forgets the run (the cookie is removed), and the run takes no more answers.
		expect(last.setCookie).toMatch(/meedoen_run=;/);
		expect((await get(`/j/${round.code}/1`, cookie)).location).toBe(`/j/${round.code}`);
		expect((await get(`/j/${round.code}`, cookie)).text).not.toContain('data-testid="youth-resume"');
		const rows = db.select().from(responses).all();
		expect(rows.map((r) => r.value).sort()).toEqual(['16-18', 'Ook in het weekend', 'great', 'no', 'yes']);
		// Without a run cookie the steps send the tablet to the start.
		expect((await get(`/j/${round.code}/1`)).location).toBe(`/j/${round.code}`);
	});

	it('do not show a run again on the tablet once it was left alone for half an hour, but still take its queued answers', async () => {
		const { cookie, token } = await start();
		const participantId = token.split('.')[0];
		expect((await get(`/j/${round.code}`, cookie)).text).toContain('data-testid="youth-resume"');
		// Nothing happened in this run for 31 minutes (as if the next young person picked up the tablet).
		db.update(participants).set({ startedAt: new Date(Date.now() - 31 * 60_000) }).where(eq(participants.id, participantId)).run();
		expect((await get(`/j/${round.code}`, cookie)).text).not.toContain('data-testid="youth-resume"');
		expect((await get(`/j/${round.code}/1`, cookie)).location).toBe(`/j/${round.code}`);
		// An answer that waited on the tablet while it was offline still counts.
		const late = await answers({ token, answers: [{ itemId: roundItems(db, round.id)[0].id, questionId: question('reaction').id, value: 'good' }] });
		expect(late.status).toBe(200);
		expect(db.select().from(responses).where(eq(responses.participantId, participantId)).all()).toHaveLength(1);
	});

	it('take answers as JSON, all or nothing, with a clear 4xx for anything wrong', async () => {
		const { token } = await start();
		const before = db.select().from(responses).all().length;
		const itemId = roundItems(db, round.id)[1].id;
		const good = { itemId, questionId: question('reaction').id, value: 'good' };
		expect(await answers({ token, answers: [good] })).toMatchObject({ status: 200, body: { saved: 1 } });
		expect(await answers({ token, answers: [good, { ...good, questionId: question('would_help').id, value: 'perhaps' }] })).toMatchObject({ status: 400, body: { error: 'error_answer_value' } });
		expect(await answers({ token: 'x.y', answers: [good] })).toMatchObject({ status: 403, body: { error: 'error_run_unknown' } });
		expect(await answers('{not json')).toMatchObject({ status: 400, body: { error: 'error_answer_batch' } });
		expect(await answers({ token, answers: Array.from({ length: 61 }, () => good) })).toMatchObject({ status: 400 });
		expect(await answers({ token, answers: [{ ...good, questionId: question('change').id, value: 'x'.repeat(70_000) }] })).toMatchObject({ status: 413 });
		expect((await answers({ token, answers: [good] }, 'https://evil.example')).status).toBe(403);
		// An unknown code answers as a wrong secret does: the endpoint tells nothing about which codes exist.
		expect(await answers({ token, answers: [good] }, server.url, 'CCCCDDDD')).toMatchObject({ status: 403, body: { error: 'error_run_unknown' } });
		// Only the one good answer was added.
		expect(db.select().from(responses).all().length).toBe(before + 1);
		expect((await answers({ token, answers: [{ ...good, value: null }] })).status).toBe(200);
		expect(db.select().from(responses).all().length).toBe(before);
		// Finishing closes the run: a later answer with its token is refused.
		expect((await answers({ token, answers: [], finish: true })).status).toBe(200);
		expect(await answers({ token, answers: [good] })).toMatchObject({ status: 409, body: { error: 'error_run_finished' } });
	});

	it('stop a run only after the young person says so, keep what was answered, and count it as stopped, not finished', async () => {
		const before = roundResults(db, round);
		const { cookie, token } = await start();
		const participantId = token.split('.')[0];
		const run = () => db.select().from(participants).where(eq(participants.id, participantId)).get()!;
		await post(`/j/${round.code}/1?/save`, { [`q-${question('reaction').id}`]: 'great', go: 'next' }, cookie);
		// "Stoppen" on step 2 keeps that step's answers and asks first; nothing has ended yet.
		const stop = await post(`/j/${round.code}/2?/stop`, { [`q-${question('would_help').id}`]: 'maybe' }, cookie);
		expect(stop.status).toBe(303);
		expect(stop.location).toBe(`/j/${round.code}/stoppen?stap=2`);
		expect(run().finishedAt).toBeNull();
		const ask = await get(stop.location!, cookie);
		expect(ask.status).toBe(200);
		expect(ask.text).toContain('Je antwoorden tot nu toe blijven bewaard.');
		// "Nee, verder": back to the step it came from.
		expect(ask.text).toContain(`href="/j/${round.code}/2"`);
		expect((await get(`/j/${round.code}/2`, cookie)).status).toBe(200);
		// "Ja, stoppen": the run ends, the tablet forgets it, the answers stay.
		const yes = await post(`/j/${round.code}/stoppen`, {}, cookie);
		expect(yes.status).toBe(303);
		expect(yes.location).toBe(`/j/${round.code}/klaar`);
		expect(yes.setCookie).toMatch(/meedoen_run=;/);
		expect(run().finishedAt).not.toBeNull();
		expect(run().stoppedAt).not.toBeNull();
		const after = roundResults(db, round);
		expect([after.started - before.started, after.finished - before.finished, after.stopped - before.stopped]).toEqual([1, 0, 1]);
		expect(db.select().from(responses).where(eq(responses.participantId, participantId)).all().map((r) => r.value).sort()).toEqual(['great', 'maybe']);
		// Without a run the question is not asked: back to the start.
		expect((await get(`/j/${round.code}/stoppen?stap=2`, cookie)).location).toBe(`/j/${round.code}`);
		expect((await post(`/j/${round.code}/stoppen`, {}, cookie)).location).toBe(`/j/${round.code}`);
	});

	it('say that a text is too long, keep the young person on the step with it, and save nothing of it', async () => {
		const { cookie, token } = await start();
		const participantId = token.split('.')[0];
		// 5,000 characters: more than the textarea lets through (maxlength 500), so from a page changed by hand.
		const long = 'veel te lang '.repeat(385);
		const saved = await post(`/j/${round.code}/1?/save`, { [`q-${question('reaction').id}`]: 'good', [`q-${question('change').id}`]: long, go: 'next' }, cookie);
		expect(saved.status).toBe(400);
		expect(saved.text).toContain('Je antwoord is te lang: maximaal 500 tekens.');
		expect(saved.text).toContain(long.trim());
		expect(saved.text).toContain('data-step="1"');
		expect(db.select().from(responses).where(eq(responses.participantId, participantId)).all()).toHaveLength(0);
		const itemId = roundItems(db, round.id)[0].id;
		expect(await answers({ token, answers: [{ itemId, questionId: question('change').id, value: 'x'.repeat(501) }] })).toMatchObject({ status: 400, body: { error: 'error_answer_too_long', message: 'Je antwoord is te lang: maximaal 500 tekens.' } });
		expect((await answers({ token, answers: [{ itemId, questionId: question('change').id, value: 'x'.repeat(500) }] })).status).toBe(200);
	});

	it('store nothing that identifies the tablet: no address, no browser, in the database or the logs', async () => {
		db.$client.pragma('wal_checkpoint(FULL)');
		const everything: string[] = [];
		for (const { name } of db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
			for (const row of db.$client.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) everything.push(JSON.stringify(row));
		}
		const dump = everything.join('\n') + readFileSync(server.dbPath, 'latin1');
		for (const needle of [PROBE_IP, '127.0.0.1', 'MeedoenPrivacyProbe']) expect(dump).not.toContain(needle);
		expect(server.logs).not.toContain(PROBE_IP);
		expect(server.logs).not.toContain('MeedoenPrivacyProbe');
		// The server's own "listening on" line names its address; no request's address follows it.
		expect(server.logs.split('\n').filter((line) => !line.includes('listening on')).join('\n')).not.toMatch(/127\.0\.0\.1/);
	});

	it('say kindly that a round is closed, and take no answers after the grace period', async () => {
		const { cookie, token } = await start();
		closeRound(db, round, Date.now() - 16 * 60 * 1000);
		round = getRound(db, sprintId, round.id)!;
		const itemId = roundItems(db, round.id)[0].id;
		expect(await answers({ token, answers: [{ itemId, questionId: question('reaction').id, value: 'good' }] })).toMatchObject({ status: 409, body: { error: 'error_round_closed' } });
		// Stopping still works once the round is closed: the young person can always leave.
		expect((await post(`/j/${round.code}/1?/stop`, {}, cookie)).location).toBe(`/j/${round.code}/stoppen?stap=1`);
		const stopped = await post(`/j/${round.code}/stoppen`, {}, cookie);
		expect(stopped.location).toBe(`/j/${round.code}/klaar`);
		expect(stopped.setCookie).toMatch(/meedoen_run=;/);
		const page = await get(`/j/${round.code}`);
		expect(page.text).toContain('data-testid="youth-closed"');
		expect((await post(`/j/${round.code}?/start`, {})).status).toBe(409);
	});

	it('limit guessing per address, in memory, without stopping runs already going', async () => {
		// A new open round (the one above was closed).
		const made = createRound(db, sprintId, round.createdBy!, { title: 'Ronde 2', ideaSelectionIds: selectedIdeas(db, sprintId).map((s) => s.id) });
		if (!made.ok) throw new Error(made.error);
		round = getRound(db, sprintId, made.value.id)!;
		const running = await start();
		let last = 0;
		// 61 different wrong codes (the per-code limit would stop one code repeated earlier).
		const wrong = (i: number) => 'CCCC' + [0, 1, 2, 3].map((d) => CODE_ALPHABET[Math.floor(i / 26 ** d) % 26]).join('');
		for (let i = 0; i < 61; i++) last = (await post('/j', { code: wrong(i) })).status;
		expect(last).toBe(429);
		// A new person at this address waits a minute, even with the right code...
		expect((await post('/j', { code: round.code })).status).toBe(429);
		// ...but a run already going is never stopped: its answers are taken.
		expect((await answers({ token: running.token, answers: [{ itemId: roundItems(db, round.id)[0].id, questionId: question('reaction').id, value: 'good' }] })).status).toBe(200);
	});
});

/**
 * Test and benchmark harness: starts the real built server (src/server/entry.js over build/) on a
 * random port with a temporary database, and drives it like a browser would (forms, cookies,
 * the unmodified y-websocket client). Plain JS so that both vitest and `node` can load it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const ROOT = resolve(import.meta.dirname, '../..');

/** A free TCP port on loopback. */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
			srv.close(() => resolvePort(port));
		});
	});
}

/**
 * @param {{ dir?: string, port?: number, env?: Record<string,string>, mode?: 'production' | 'preview' | 'dev' }} [opts]
 *   mode: the production entry (default), `vite preview` or `vite dev`: the same realtime code path.
 */
export async function startServer(opts = {}) {
	const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'meedoen-test-'));
	const port = opts.port ?? (await freePort());
	const dbPath = join(dir, 'meedoen.db');
	// Every test account signs up from 127.0.0.1: lift the per-address sign-up limit unless a test sets it.
	const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbPath, MEEDOEN_DEMO: '0', MEEDOEN_SIGNUPS_PER_HOUR: '100000', ...opts.env };
	delete env.ORIGIN;
	if (opts.env?.ORIGIN) env.ORIGIN = opts.env.ORIGIN;
	const mode = opts.mode ?? 'production';
	const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
	const args =
		mode === 'production'
			? [join(ROOT, 'src/server/entry.js')]
			: [vite, mode, '--port', String(port), '--host', '127.0.0.1', '--strictPort'];
	const proc = spawn(process.execPath, args, {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let logs = '';
	proc.stdout.on('data', (d) => (logs += d));
	proc.stderr.on('data', (d) => (logs += d));
	const exited = new Promise((res) => proc.on('exit', (code, signal) => res({ code, signal })));
	await new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error('server did not start:\n' + logs)), 30_000);
		const check = () => {
			if (logs.includes('listening on') || /Local:\s+http/.test(logs.replace(/\x1b\[[0-9;]*m/g, ''))) {
				clearTimeout(timer);
				res(undefined);
			}
		};
		proc.stdout.on('data', check);
		proc.on('exit', () => {
			clearTimeout(timer);
			rej(new Error('server exited:\n' + logs));
		});
	});
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		port,
		dir,
		dbPath,
		proc,
		exited,
		get logs() {
			return logs;
		},
		/** @param {NodeJS.Signals} [signal] */
		async stop(signal = 'SIGTERM') {
			if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
			return exited;
		},
		cleanup() {
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** POSTs a form like a browser without JavaScript; returns status, Location and the new cookie. */
export async function postForm(url, path, fields, cookie = '') {
	const res = await fetch(url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
		body: new URLSearchParams(fields).toString()
	});
	const setCookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.startsWith('meedoen_session=') && c !== 'meedoen_session=');
	return { status: res.status, location: res.headers.get('location'), cookie: setCookie[0] ?? cookie, body: await res.text() };
}

/** @param {string | null} location @returns {string} */
function lastSegment(location) {
	const id = (location ?? '').split('/').pop();
	if (!id) throw new Error('no id in redirect ' + location);
	return id;
}

let counter = 0;
/** Signs up a new person; returns their session cookie and e-mail. */
export async function signup(url, name = 'Tester') {
	const email = `user${Date.now()}${counter++}@example.org`;
	const res = await postForm(url, '/signup', { name, email, password: 'correct horse battery' });
	if (res.status !== 303) throw new Error(`signup failed: ${res.status} ${res.body.slice(0, 300)}`);
	return { cookie: res.cookie, email, name };
}

export async function createCoalition(url, cookie, name = 'Testcoalitie') {
	const res = await postForm(url, '/coalitions/new', { name }, cookie);
	if (res.status !== 303) throw new Error(`coalition failed: ${res.status}`);
	return lastSegment(res.location);
}

export async function createSprint(url, cookie, coalitionId, title = 'Testsprint') {
	const res = await postForm(url, '/sprints/new', { title, coalitionId, startDate: '2026-12-01', days: '5' }, cookie);
	if (res.status !== 303) throw new Error(`sprint failed: ${res.status} ${res.body.slice(0, 300)}`);
	return lastSegment(res.location);
}

/** Invites a person into the coalition (through a real invite link) and returns nothing. */
export async function joinCoalition(url, coordinatorCookie, coalitionId, memberCookie) {
	const res = await postForm(url, `/coalitions/${coalitionId}?/invite`, { role: 'partner', organisationId: '' }, coordinatorCookie);
	const link = /https?:\/\/[^"<\s]+\/invite\/[a-z0-9]+/.exec(res.body)?.[0];
	if (!link) throw new Error('no invite link in ' + res.body.slice(0, 300));
	const accepted = await postForm(url, new URL(link).pathname, {}, memberCookie);
	if (accepted.status !== 303) throw new Error(`accept failed: ${accepted.status}`);
}

export function userIdByEmail(dbPath, email) {
	const db = new Database(dbPath, { readonly: true, fileMustExist: true });
	try {
		return /** @type {{id: string}} */ (db.prepare('SELECT id FROM users WHERE email = ?').get(email)).id;
	} finally {
		db.close();
	}
}

/** Puts a coalition member into the sprint with a role, through the facilitator's form. */
export async function addToSprint(server, facilitatorCookie, sprintId, email, role) {
	const userId = userIdByEmail(server.dbPath, email);
	const res = await postForm(server.url, `/sprints/${sprintId}?/member`, { userId, role }, facilitatorCookie);
	if (res.status !== 200 && res.status !== 303) throw new Error(`add member failed: ${res.status} ${res.body.slice(0, 300)}`);
}

/** A ws class that sends our cookie and Origin, as a browser would. */
export function socketClass(headers) {
	return class extends WebSocket {
		constructor(address, protocols) {
			super(address, protocols, { headers });
		}
	};
}

/**
 * Connects the unmodified y-websocket client in Node.
 * @param {string} url @param {string} cookie @param {string} docName
 * @param {{ origin?: string, doc?: Y.Doc, connect?: boolean }} [opts]
 */
export function connectDoc(url, cookie, docName, opts = {}) {
	const doc = opts.doc ?? new Y.Doc();
	const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + '/collab', docName, doc, {
		WebSocketPolyfill: /** @type {any} */ (socketClass({ cookie, origin: opts.origin ?? url })),
		disableBc: true,
		connect: opts.connect ?? true
	});
	const synced = new Promise((res) => {
		if (provider.synced) res(undefined);
		provider.once('sync', () => res(undefined));
	});
	return { doc, provider, synced, destroy: () => (provider.destroy(), doc.destroy()) };
}

/** Resolves when `check()` is true, polling; rejects after `ms`. */
export async function until(check, ms = 10_000, what = 'condition') {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Tries a raw websocket upgrade; resolves with the HTTP status of a refusal, or 101. */
export function upgradeStatus(url, path, headers) {
	return new Promise((res) => {
		const ws = new WebSocket(url.replace(/^http/, 'ws') + path, { headers });
		ws.on('unexpected-response', (_req, response) => {
			res(response.statusCode);
			ws.terminate();
		});
		ws.on('open', () => {
			res(101);
			ws.close();
		});
		ws.on('error', () => res(-1));
	});
}

/**
 * Adds a note to a board document as the board editor would (a Y.Map in `items`).
 * @param {Y.Doc} doc @param {string} id @param {string} kind @param {string} text
 */
export function addBoardNote(doc, id, kind, text) {
	const note = new Y.Map();
	for (const [key, value] of Object.entries({ id, type: 'note', kind, x: 0, y: 0, parentId: null })) note.set(key, value);
	note.set('text', new Y.Text(text));
	doc.getMap('items').set(id, note);
}

/**
 * Puts young people's answers about one item of a round straight into the database (the youth side
 * has its own tests): per person a reaction, a would-help answer and a free text, with the flags and
 * moderation state the participation service would give it.
 * @param {string} dbPath @param {string} roundId @param {string} itemId
 * @param {{ reaction: string, help: string, text: string, flags?: string[], finished?: boolean }[]} answers
 */
export function seedAnswers(dbPath, roundId, itemId, answers) {
	const db = new Database(dbPath);
	db.pragma('busy_timeout = 5000');
	try {
		const questions = /** @type {{ id: string, type: string }[]} */ (JSON.parse(/** @type {{ questions: string }} */ (db.prepare('SELECT questions FROM test_rounds WHERE id = ?').get(roundId)).questions));
		const question = (/** @type {string} */ type) => /** @type {{ id: string }} */ (questions.find((q) => q.type === type)).id;
		const now = Date.now();
		const id = () => randomBytes(10).toString('hex');
		const participant = db.prepare('INSERT INTO participants (id, round_id, token_hash, started_at, finished_at) VALUES (?, ?, ?, ?, ?)');
		const response = db.prepare('INSERT INTO responses (id, round_id, participant_id, item_key, question_id, value, flags, moderation, quote, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)');
		db.transaction(() => {
			for (const answer of answers) {
				const person = id();
				participant.run(person, roundId, randomBytes(32), now, answer.finished === false ? null : now);
				response.run(id(), roundId, person, itemId, question('reaction'), JSON.stringify(answer.reaction), null, null, now);
				response.run(id(), roundId, person, itemId, question('would_help'), JSON.stringify(answer.help), null, null, now);
				const flags = answer.flags ?? [];
				response.run(id(), roundId, person, itemId, question('change'), JSON.stringify(answer.text), JSON.stringify(flags), flags.length ? 'hidden' : 'new', now);
			}
		})();
	} finally {
		db.close();
	}
}

/** A crisis alert as the participation service raises it: the round and the categories, nothing else. */
export function seedAlert(dbPath, roundId, categories) {
	const db = new Database(dbPath);
	db.pragma('busy_timeout = 5000');
	try {
		db.prepare('INSERT INTO crisis_alerts (id, round_id, categories) VALUES (?, ?, ?)').run(randomBytes(10).toString('hex'), roundId, JSON.stringify(categories));
	} finally {
		db.close();
	}
}

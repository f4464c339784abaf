/**
 * `npm run bench:feedback`: 300 simulated tablets answer a 10-idea test round on the built server,
 * first at a fixed 200 answers per second (open loop: requests go out on schedule whether or not
 * earlier ones came back, so a slow server cannot slow the load down and hide its latency), then at
 * saturation (closed loop, BENCH_CONCURRENCY requests in flight). Each answer is one POST of one
 * answer, as the young person's page sends it the moment it is given.
 * Reference, same run, same load: a bare node:http + better-sqlite3 server doing only the minimum
 * (tests/bench/feedback-ref-server.js). "lost" counts answers the server acknowledged that are not
 * in its database afterwards. Loopback only; bounded in time; exits by itself.
 * Last line: {"rate": .., "p95_ms": .., "p99_ms": .., "saturation_rps": .., "lost": ..}.
 * Knobs: BENCH_FIXED_SECONDS=15 BENCH_SATURATION_SECONDS=10 BENCH_CONCURRENCY=32.
 */
import { spawn } from 'node:child_process';
import { request, Agent } from 'node:http';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { connectDoc, createCoalition, createSprint, freePort, postForm, signup, startServer } from '../support/app-server.js';

const TABLETS = 300;
const IDEAS = 10;
const RATE = 200;
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 15);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROOT = resolve(import.meta.dirname, '../..');

const watchdog = setTimeout(() => {
	console.error('bench:feedback took over 10 minutes; stopping');
	process.exit(2);
}, 10 * 60 * 1000);
watchdog.unref();

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** One HTTP request; resolves with status, body and the time it took. */
function send(url, method, body, headers = {}) {
	return new Promise((res) => {
		const started = performance.now();
		const req = request(url, { method, agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
			let text = '';
			response.on('data', (c) => (text += c));
			response.on('end', () => res({ status: response.statusCode, text, ms: performance.now() - started, headers: response.headers }));
		});
		req.on('error', () => res({ status: 0, text: '', ms: performance.now() - started, headers: {} }));
		req.end(body);
	});
}

function percentile(sorted, p) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** A board with IDEAS idea notes, chosen for testing, and an open round over them: all through the app. */
async function seedRound(server) {
	const person = await signup(server.url, 'Bench');
	const sprintId = await createSprint(server.url, person.cookie, await createCoalition(server.url, person.cookie));
	const created = await postForm(server.url, `/sprints/${sprintId}/boards?/create`, { title: 'Ideeën' }, person.cookie);
	const boardId = created.location.split('/').pop();
	const client = connectDoc(server.url, person.cookie, `sprints/${sprintId}/boards/${boardId}`);
	await client.synced;
	const ids = [];
	client.doc.transact(() => {
		for (let i = 0; i < IDEAS; i++) {
			const id = `idea${String(i).padStart(12, '0')}`;
			const note = new Y.Map();
			for (const [k, v] of Object.entries({ id, type: 'note', kind: 'idea', color: 'green', x: i * 240, y: 0, width: 200, height: 140, parentId: null, locked: false, createdBy: 'bench', createdAt: Date.now(), z: i })) note.set(k, v);
			note.set('text', new Y.Text(`Idee ${i + 1}: jongeren helpen elkaar in de buurt`));
			note.set('author', { name: 'Bench', organisation: 'Shinto Labs' });
			client.doc.getMap('items').set(id, note);
			ids.push(id);
		}
	});
	await new Promise((r) => setTimeout(r, 1000));
	client.destroy();
	for (const itemId of ids) await postForm(server.url, `/sprints/${sprintId}/ideas?/select`, { boardId, itemId, selected: 'true' }, person.cookie);
	const db = new Database(server.dbPath, { readonly: true });
	const selections = db.prepare('SELECT id FROM idea_selections').all().map((r) => r.id);
	db.close();
	const form = new URLSearchParams({ title: 'Bench', hours: '12' });
	for (const id of selections) form.append('ideas', id);
	const made = await fetch(`${server.url}/sprints/${sprintId}/tests?/create`, {
		method: 'POST',
		headers: { cookie: person.cookie, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: form,
		redirect: 'manual'
	});
	if (made.status !== 303) throw new Error(`round not created: ${made.status} ${(await made.text()).slice(0, 300)}`);
	const read = new Database(server.dbPath, { readonly: true });
	const round = read.prepare('SELECT id, code, questions FROM test_rounds').get();
	const items = read.prepare('SELECT id FROM test_items WHERE round_id = ? ORDER BY position').all(round.id).map((r) => r.id);
	read.close();
	const questions = JSON.parse(round.questions).filter((q) => q.scope === 'item');
	return { code: round.code, items, questions };
}

/** The answers a tablet gives, in order: per idea, each item question. Values by question type. */
function answerFor(seq, items, questions) {
	const perTablet = items.length * questions.length;
	const tablet = seq % TABLETS;
	const k = Math.floor(seq / TABLETS) % perTablet;
	const item = items[Math.floor(k / questions.length)];
	const question = questions[k % questions.length];
	const value = question.type === 'reaction' ? ['great', 'good', 'unsure', 'bad'][seq % 4] : question.type === 'would_help' ? ['yes', 'maybe', 'no'][seq % 3] : `Antwoord ${seq}: graag ook in het weekend`;
	return { tablet, answer: { itemId: item, questionId: question.id, value } };
}

/** Runs the two phases against one target; `post(tablet, answer)` sends one answer. */
async function load(post, items, questions) {
	const acked = new Set();
	const record = (tablet, answer, result) => {
		if (result.status === 200) acked.add(`${tablet}|${answer.itemId}|${answer.questionId}`);
	};
	// Fixed rate, open loop.
	const total = RATE * FIXED_SECONDS;
	const latencies = [];
	let errors = 0;
	const inflight = [];
	const start = performance.now();
	for (let seq = 0; seq < total; seq++) {
		const due = start + (seq * 1000) / RATE;
		const wait = due - performance.now();
		if (wait > 1) await new Promise((r) => setTimeout(r, wait));
		const { tablet, answer } = answerFor(seq, items, questions);
		inflight.push(
			post(tablet, answer).then((result) => {
				latencies.push(result.ms);
				if (result.status !== 200) errors++;
				record(tablet, answer, result);
			})
		);
	}
	await Promise.all(inflight);
	const fixedSeconds = (performance.now() - start) / 1000;
	latencies.sort((a, b) => a - b);
	// Saturation, closed loop.
	let seq = total;
	let done = 0;
	const satStart = performance.now();
	const until = satStart + SATURATION_SECONDS * 1000;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (performance.now() < until) {
				const { tablet, answer } = answerFor(seq++, items, questions);
				const result = await post(tablet, answer);
				record(tablet, answer, result);
				if (result.status === 200) done++;
			}
		})
	);
	const satSeconds = (performance.now() - satStart) / 1000;
	return { rate: total / fixedSeconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors, saturation: done / satSeconds, acked };
}

async function benchOurs() {
	const server = await startServer();
	try {
		const { code, items, questions } = await seedRound(server);
		const tokens = [];
		for (let t = 0; t < TABLETS; t++) {
			const started = await fetch(`${server.url}/j/${code}?/start`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
			const run = started.headers.getSetCookie().find((c) => c.startsWith('meedoen_run='));
			if (!run) throw new Error(`no run started: ${started.status}`);
			tokens.push(decodeURIComponent(run.split(';')[0].slice('meedoen_run='.length)));
		}
		const url = `${server.url}/j/${code}/answers`;
		const post = (tablet, answer) => send(url, 'POST', JSON.stringify({ token: tokens[tablet], answers: [answer] }), { origin: server.url });
		const result = await load(post, items, questions);
		const db = new Database(server.dbPath, { readonly: true });
		const participantOf = new Map(db.prepare('SELECT id FROM participants').all().map((r) => [r.id, true]));
		const stored = new Set(db.prepare('SELECT participant_id, item_key, question_id FROM responses').all().map((r) => `${r.participant_id}|${r.item_key}|${r.question_id}`));
		db.close();
		const lost = [...result.acked].filter((key) => {
			const [tablet, item, question] = key.split('|');
			const participant = tokens[Number(tablet)].split('.')[0];
			return !participantOf.has(participant) || !stored.has(`${participant}|${item}|${question}`);
		}).length;
		return { ...result, lost };
	} finally {
		await server.stop();
		server.cleanup();
	}
}

async function benchRef(items, questions) {
	const port = await freePort();
	const dbPath = join(tmpdir(), `meedoen-bench-ref-${port}.db`);
	const proc = spawn(process.execPath, [join(ROOT, 'tests/bench/feedback-ref-server.js'), String(port), dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
	await new Promise((res, rej) => {
		proc.stdout.on('data', (d) => String(d).includes('listening') && res());
		proc.on('exit', () => rej(new Error('reference server exited')));
	});
	const url = `http://127.0.0.1:${port}`;
	try {
		const tokens = [];
		for (let t = 0; t < TABLETS; t++) tokens.push(JSON.parse((await send(`${url}/start`, 'POST', '{}')).text).token);
		const post = (tablet, answer) => send(`${url}/answers`, 'POST', JSON.stringify({ token: tokens[tablet], answers: [answer] }));
		const result = await load(post, items, questions);
		const db = new Database(dbPath, { readonly: true });
		const stored = db.prepare('SELECT count(*) AS n FROM answers').get().n;
		db.close();
		return { ...result, lost: Math.max(0, result.acked.size - stored) };
	} finally {
		proc.kill('SIGTERM');
		for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
	}
}

async function main() {
	const ours = await benchOurs();
	// The reference gets the same shape of round: 10 items, the same question types.
	const items = Array.from({ length: IDEAS }, (_, i) => `item${i}`);
	const questions = ['reaction', 'would_help', 'change'].map((type, i) => ({ id: `q${i}`, type }));
	const ref = await benchRef(items, questions);
	const row = (name, r) =>
		`${name.padEnd(5)} | ${r.rate.toFixed(0).padStart(10)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.errors).padStart(6)} | ${r.saturation.toFixed(0).padStart(14)} | ${String(r.lost).padStart(4)}`;
	console.log(`feedback: ${TABLETS} tablets, ${IDEAS} ideas x 3 questions; fixed ${RATE}/s for ${FIXED_SECONDS} s, then saturation with ${CONCURRENCY} in flight for ${SATURATION_SECONDS} s`);
	console.log('server | fixed rate | p50 ms | p95 ms | p99 ms | errors | saturation rps | lost');
	console.log(row('ours', ours));
	console.log(row('ref', ref));
	console.log(`marks: p95 < 50 ms at 200 answers/s (${ours.p95.toFixed(1)} ms, ${ours.p95 < 50 ? 'met' : 'NOT met'}); 0 lost (${ours.lost}, ${ours.lost === 0 ? 'met' : 'NOT met'})`);
	console.log(JSON.stringify({ rate: Math.round(ours.rate), p95_ms: Number(ours.p95.toFixed(1)), p99_ms: Number(ours.p99.toFixed(1)), saturation_rps: Math.round(ours.saturation), lost: ours.lost }));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);

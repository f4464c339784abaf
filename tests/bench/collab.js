/**
 * Realtime fan-out benchmark: `npm run bench:collab` (builds first, then runs this file).
 *
 * One writer types small edits into one room at a steady rate while N readers (N = 10, 50, 200)
 * are connected to the same room; we measure, for every (edit, reader) pair, the time from the
 * writer's edit to the reader receiving it, and report p50/p95/p99, with the server's CPU and RSS.
 * Two servers, each in a process of its own and measured under the same load:
 *   - ours: the built app (src/server/entry.js) through tests/support/app-server.js, with auth
 *     (session cookie, Origin, sprint membership) and durable storage (SQLite) on;
 *   - ref:  y-websocket v2's bin/server.cjs, unmodified, in memory (no YPERSISTENCE).
 * This script is the load process (writer and readers); the servers are its children.
 *
 * Clients: raw `ws` sockets speaking the y-websocket sync protocol, the same for both servers.
 * The writer keeps a real Y.Doc and sends each local update as a sync `update` message; a reader
 * answers the handshake (sync step 1 and 2) and then only looks for the edit's marker in each
 * incoming update frame, so 200 readers in one process cost little and the figures are the
 * servers', not the client library's. (200 y-websocket providers would apply every update to 200
 * Y.Docs and send awareness, in the same process that measures the latency.)
 *
 * The writer sends 1000/BENCH_INTERVAL_MS (default 40) messages/s, well under our server's default
 * per-connection limit (200 messages/s, burst 600), which is left at its default.
 * Each round uses a fresh room; rounds alternate ours, ref, ref, ours... so drift hits both alike.
 * Last line of output: {"n10": {"ours_p99": ms, "ref_p99": ms}, "n50": {...}, "n200": {...}}.
 *
 * The machine may be shared: before each round we wait (at most BENCH_QUIET_WAIT_MS, default 15 s)
 * until other processes use under 20% of a core, and report what they used during each round.
 *
 * Knobs (environment): BENCH_NS=10,50,200  BENCH_EDITS=200  BENCH_WARMUP=50
 * BENCH_INTERVAL_MS=25  BENCH_ROUNDS=3 (per server and N)  BENCH_QUIET_WAIT_MS=15000
 * BENCH_SERVERS=ours,ref (one of them alone for investigations: no ratio, no JSON line).
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createCoalition, createSprint, freePort, signup, startServer } from '../support/app-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const REF_SERVER = resolve(ROOT, 'node_modules/y-websocket-ref/bin/server.cjs');

const intEnv = (name, fallback) => {
	const v = Number(process.env[name]);
	return Number.isInteger(v) && v > 0 ? v : fallback;
};
const NS = (process.env.BENCH_NS ?? '10,50,200').split(',').map(Number).filter((n) => n > 0);
const EDITS = intEnv('BENCH_EDITS', 200);
const WARMUP = intEnv('BENCH_WARMUP', 50);
const INTERVAL_MS = intEnv('BENCH_INTERVAL_MS', 25);
const ROUNDS = intEnv('BENCH_ROUNDS', 3);
const SERVERS = (process.env.BENCH_SERVERS ?? 'ours,ref').split(',');
const CONNECT_CONCURRENCY = 25;
const CONNECT_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 5_000;
const WATCHDOG_MS = 9 * 60_000;
const QUIET_PCT = 20;
const QUIET_WAIT_MS = intEnv('BENCH_QUIET_WAIT_MS', 15_000);

const CLK_TCK = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
	} catch {
		return 100;
	}
})();

// ---------------------------------------------------------------------------------------------
// Child processes: always killed on the way out.

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
function killChildren() {
	for (const child of children) {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	}
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		killChildren();
		process.exit(130);
	});
}
const watchdog = setTimeout(() => {
	console.error(`bench: watchdog fired after ${WATCHDOG_MS / 1000}s; aborting`);
	killChildren();
	process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

async function startOurs() {
	const server = await startServer();
	children.add(server.proc);
	const { cookie } = await signup(server.url, 'Bench');
	const coalitionId = await createCoalition(server.url, cookie, 'Benchcoalitie');
	let round = 0;
	return {
		name: 'ours',
		pid: server.proc.pid,
		headers: { cookie, origin: server.url },
		/** A fresh room: a new sprint, whose brief this user may edit (creator = facilitator). */
		async newRoomUrl() {
			const sprintId = await createSprint(server.url, cookie, coalitionId, `Benchsprint ${++round}`);
			return `${server.url.replace(/^http/, 'ws')}/collab/sprints/${sprintId}/brief`;
		},
		async stop() {
			await server.stop();
			server.cleanup();
			children.delete(server.proc);
		}
	};
}

async function startRef() {
	const port = await freePort();
	const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
	delete env.YPERSISTENCE;
	delete env.CALLBACK_URL;
	const proc = spawn(process.execPath, [REF_SERVER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(proc);
	let logs = '';
	proc.stdout.on('data', (d) => (logs += d));
	proc.stderr.on('data', (d) => (logs += d));
	const exited = new Promise((res) => proc.on('exit', res));
	await new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error('reference server did not start:\n' + logs)), 15_000);
		proc.stdout.on('data', () => {
			if (logs.includes('running at')) {
				clearTimeout(timer);
				res(undefined);
			}
		});
		proc.on('exit', () => {
			clearTimeout(timer);
			rej(new Error('reference server exited:\n' + logs));
		});
	});
	const url = `http://127.0.0.1:${port}`;
	let round = 0;
	return {
		name: 'ref',
		pid: proc.pid,
		// The reference ignores these; sent anyway so both servers get the same upgrade requests.
		headers: { cookie: 'meedoen_session=none', origin: url },
		async newRoomUrl() {
			return `ws://127.0.0.1:${port}/bench-room-${++round}`;
		},
		async stop() {
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
			children.delete(proc);
		}
	};
}

// ---------------------------------------------------------------------------------------------
// /proc sampling of a server process.

function cpuTicks(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
}

/** Busy jiffies of the whole machine (all cores), from /proc/stat. */
function machineBusyTicks() {
	const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).map(Number);
	// user nice system idle iowait irq softirq steal: everything but idle and iowait
	return v.slice(0, 8).reduce((a, b) => a + b, 0) - v[3] - v[4];
}

/** CPU used by processes other than the server under test and this load process. */
function foreignTicks(serverPid) {
	return machineBusyTicks() - cpuTicks(serverPid) - cpuTicks(process.pid);
}

/**
 * The machine may be shared (other test runs): wait, bounded, until the others use less than
 * QUIET_PCT of one core over half a second, so that their noise does not land in one round only.
 */
async function waitForQuiet(serverPid) {
	const start = performance.now();
	for (;;) {
		const f0 = foreignTicks(serverPid);
		await sleep(500);
		const pct = ((foreignTicks(serverPid) - f0) / CLK_TCK / 0.5) * 100;
		if (pct < QUIET_PCT) return performance.now() - start;
		if (performance.now() - start > QUIET_WAIT_MS) return performance.now() - start;
	}
}

function rssKiB(pid) {
	const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) : NaN;
}

// ---------------------------------------------------------------------------------------------
// The y-websocket sync protocol, client side.

const MESSAGE_SYNC = 0;
const EMPTY = new Y.Doc();
/** Sync step 1 with an empty state vector: "send me everything". */
const READER_STEP1 = (() => {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(e, EMPTY);
	return encoding.toUint8Array(e);
})();
/** Sync step 2 of an empty document: a reader's answer to the server's step 1. */
const READER_STEP2 = (() => {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(e, EMPTY);
	return encoding.toUint8Array(e);
})();
const MARK = Buffer.from('[[e');
const CLOSE_BRACKET = 0x5d; // ']'

function updateMessage(update) {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MESSAGE_SYNC);
	syncProtocol.writeUpdate(e, update);
	return encoding.toUint8Array(e);
}

function open(url, headers) {
	return new Promise((res, rej) => {
		const ws = new WebSocket(url, { headers, perMessageDeflate: false });
		const timer = setTimeout(() => (ws.terminate(), rej(new Error('connect timeout ' + url))), CONNECT_TIMEOUT_MS);
		ws.once('unexpected-response', (_req, response) => {
			clearTimeout(timer);
			rej(new Error(`upgrade refused: ${response.statusCode} ${url}`));
			ws.terminate();
		});
		ws.once('open', () => (clearTimeout(timer), res(ws)));
		ws.once('error', (error) => (clearTimeout(timer), rej(error)));
	});
}

/**
 * A reader: answers the handshake, reports when synced, and calls onEdit(seq) for every update
 * frame that carries an edit marker.
 */
async function connectReader(url, headers, onEdit) {
	const ws = await open(url, headers);
	let markSynced;
	const synced = new Promise((r) => (markSynced = r));
	ws.on('message', (data) => {
		const buf = /** @type {Buffer} */ (data);
		if (buf[0] !== MESSAGE_SYNC) return; // awareness: not used here
		const type = buf[1];
		if (type === syncProtocol.messageYjsUpdate) {
			const at = buf.indexOf(MARK, 2);
			if (at < 0) return;
			let seq = 0;
			for (let i = at + MARK.length; i < buf.length && buf[i] !== CLOSE_BRACKET; i++) seq = seq * 10 + (buf[i] - 48);
			onEdit(seq);
		} else if (type === syncProtocol.messageYjsSyncStep1) {
			ws.send(READER_STEP2);
		} else if (type === syncProtocol.messageYjsSyncStep2) {
			markSynced();
		}
	});
	ws.on('error', () => {});
	ws.send(READER_STEP1);
	return { ws, synced };
}

/** The writer: a real Y.Doc whose local updates go out as sync `update` messages. */
async function connectWriter(url, headers) {
	const ws = await open(url, headers);
	const doc = new Y.Doc();
	let markSynced;
	const synced = new Promise((r) => (markSynced = r));
	ws.on('message', (data) => {
		const decoder = decoding.createDecoder(new Uint8Array(/** @type {Buffer} */ (data)));
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		const type = syncProtocol.readSyncMessage(decoder, encoder, doc, ws);
		if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
		if (type === syncProtocol.messageYjsSyncStep2) markSynced();
	});
	ws.on('error', () => {});
	doc.on('update', (update, origin) => {
		if (origin !== ws && ws.readyState === WebSocket.OPEN) ws.send(updateMessage(update));
	});
	const step1 = encoding.createEncoder();
	encoding.writeVarUint(step1, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(step1, doc);
	ws.send(encoding.toUint8Array(step1));
	return { ws, doc, text: doc.getText('brief'), synced };
}

function closeAll(sockets) {
	return Promise.all(
		sockets.map(
			(ws) =>
				new Promise((res) => {
					if (ws.readyState === WebSocket.CLOSED) return res(undefined);
					const timer = setTimeout(() => (ws.terminate(), res(undefined)), 3000);
					ws.once('close', () => (clearTimeout(timer), res(undefined)));
					ws.close();
				})
		)
	);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// One round: fresh room, N readers + 1 writer, warm-up, then the measured edits.

async function round(server, n) {
	const waited = await waitForQuiet(server.pid);
	const url = await server.newRoomUrl();
	const total = WARMUP + EDITS;
	const sentAt = new Float64Array(total);
	const seen = new Uint16Array(total);
	const latencies = new Float64Array(EDITS * n);
	let recorded = 0;
	let duplicates = 0;
	const onEdit = (seq) => {
		const now = performance.now();
		if (seq >= total) return;
		if (++seen[seq] > n) duplicates++;
		else if (seq >= WARMUP) latencies[recorded++] = now - sentAt[seq];
	};

	const readers = [];
	for (let i = 0; i < n; i += CONNECT_CONCURRENCY) {
		const batch = [];
		for (let j = i; j < Math.min(n, i + CONNECT_CONCURRENCY); j++) batch.push(connectReader(url, server.headers, onEdit));
		readers.push(...(await Promise.all(batch)));
	}
	const writer = await connectWriter(url, server.headers);
	const sockets = [...readers.map((r) => r.ws), writer.ws];
	try {
		await withTimeout(Promise.all([...readers.map((r) => r.synced), writer.synced]), CONNECT_TIMEOUT_MS, 'sync');
		await sleep(200);

		const cpuLoad0 = process.cpuUsage();
		let cpu0 = 0;
		let foreign0 = 0;
		let t0 = 0;
		let rssPeak = 0;
		const rssBefore = rssKiB(server.pid);
		const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKiB(server.pid))), 100);
		const start = performance.now();
		for (let seq = 0; seq < total; seq++) {
			const due = start + seq * INTERVAL_MS;
			const wait = due - performance.now();
			if (wait > 1) await sleep(wait);
			else await new Promise((r) => setImmediate(r));
			if (seq === WARMUP) {
				cpu0 = cpuTicks(server.pid);
				foreign0 = foreignTicks(server.pid);
				t0 = performance.now();
			}
			sentAt[seq] = performance.now();
			// A small edit carrying its sequence number; the update the writer sends contains it.
			writer.text.insert(writer.text.length, `[[e${seq}]] `);
		}
		const drainStart = performance.now();
		while (recorded < EDITS * n && performance.now() - drainStart < DRAIN_TIMEOUT_MS) await sleep(5);
		const t1 = performance.now();
		const cpu1 = cpuTicks(server.pid);
		const foreign1 = foreignTicks(server.pid);
		const cpuLoad = process.cpuUsage(cpuLoad0);
		clearInterval(sampler);
		const rssAfter = rssKiB(server.pid);
		rssPeak = Math.max(rssPeak, rssAfter);
		const wallS = (t1 - t0) / 1000;
		return {
			latencies: latencies.subarray(0, recorded),
			expected: EDITS * n,
			duplicates,
			serverCpuPct: (((cpu1 - cpu0) / CLK_TCK) / wallS) * 100,
			foreignCpuPct: (((foreign1 - foreign0) / CLK_TCK) / wallS) * 100,
			waitedMs: waited,
			loadCpuPct: ((cpuLoad.user + cpuLoad.system) / 1e6 / ((t1 - start) / 1000)) * 100,
			rssBeforeMiB: rssBefore / 1024,
			rssPeakMiB: rssPeak / 1024,
			rssAfterMiB: rssAfter / 1024
		};
	} finally {
		await closeAll(sockets);
		writer.doc.destroy();
		await sleep(300); // let the room unload (ours compacts it) outside the next measurement
	}
}

function withTimeout(promise, ms, what) {
	let timer;
	return Promise.race([
		promise.finally(() => clearTimeout(timer)),
		new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`timed out waiting for ${what}`)), ms)))
	]);
}

function percentile(sorted, p) {
	if (!sorted.length) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i];
}

function summarise(rounds) {
	const all = new Float64Array(rounds.reduce((s, r) => s + r.latencies.length, 0));
	let o = 0;
	for (const r of rounds) all.set(r.latencies, o), (o += r.latencies.length);
	all.sort();
	const mean = (f) => rounds.reduce((s, r) => s + f(r), 0) / rounds.length;
	return {
		samples: all.length,
		missing: rounds.reduce((s, r) => s + r.expected, 0) - all.length,
		duplicates: rounds.reduce((s, r) => s + r.duplicates, 0),
		p50: percentile(all, 50),
		p95: percentile(all, 95),
		p99: percentile(all, 99),
		max: all.length ? all[all.length - 1] : NaN,
		cpu: mean((r) => r.serverCpuPct),
		foreignCpu: mean((r) => r.foreignCpuPct),
		roundP99s: rounds.map((r) => percentile(Float64Array.from(r.latencies).sort(), 99)),
		loadCpu: mean((r) => r.loadCpuPct),
		rssBefore: Math.min(...rounds.map((r) => r.rssBeforeMiB)),
		rssPeak: Math.max(...rounds.map((r) => r.rssPeakMiB)),
		rssAfter: rounds[rounds.length - 1].rssAfterMiB
	};
}

// ---------------------------------------------------------------------------------------------

const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

async function main() {
	console.log(
		`bench:collab — N readers ${NS.join(', ')}; ${WARMUP} warm-up + ${EDITS} measured edits per round, one every ${INTERVAL_MS} ms ` +
			`(${(1000 / INTERVAL_MS).toFixed(0)} msg/s from the writer; our limit 200/s, burst 600, left at default); ` +
			`${ROUNDS} rounds per server and N, alternating; node ${process.version}`
	);
	const results = {};
	for (const n of NS) {
		const ours = SERVERS.includes('ours') ? await startOurs() : null;
		const ref = SERVERS.includes('ref') ? await startRef() : null;
		const perServer = { ours: [], ref: [] };
		try {
			// ABBA...: ours, ref, ref, ours, ours, ref...
			const order = [];
			for (let i = 0; i < ROUNDS; i++) order.push(...(i % 2 === 0 ? [ours, ref] : [ref, ours]));
			for (const server of order.filter(Boolean)) {
				const r = await round(server, n);
				perServer[server.name].push(r);
				const s = summarise([r]);
				console.log(
					`  N=${String(n).padStart(3)} ${server.name.padEnd(4)} round ${perServer[server.name].length}: ` +
						`p50 ${f(s.p50)} p95 ${f(s.p95)} p99 ${f(s.p99)} max ${f(s.max)} ms, ${s.samples}/${r.expected} received, ` +
						`server CPU ${f(s.cpu, 0)}%, other processes ${f(s.foreignCpu, 0)}%` +
						(r.waitedMs > 600 ? ` (waited ${f(r.waitedMs / 1000, 1)} s for a quiet machine)` : '')
				);
			}
		} finally {
			await ours?.stop();
			await ref?.stop();
		}
		results[n] = {};
		for (const name of SERVERS) results[n][name] = summarise(perServer[name]);
	}

	console.log('');
	console.log('latency from the writer\'s edit to each reader (ms), over all (edit, reader) pairs; server CPU in % of one core');
	console.log('   N | server | samples | missing |   p50 |   p95 |   p99 |   max | server CPU | RSS MiB start/peak/end | load CPU | others CPU | p99 per round');
	console.log('-----|--------|---------|---------|-------|-------|-------|-------|------------|------------------------|----------|------------|--------------');
	for (const n of NS) {
		for (const name of SERVERS) {
			const s = results[n][name];
			console.log(
				`${String(n).padStart(4)} | ${name.padEnd(6)} | ${String(s.samples).padStart(7)} | ${String(s.missing).padStart(7)} | ` +
					`${f(s.p50).padStart(5)} | ${f(s.p95).padStart(5)} | ${f(s.p99).padStart(5)} | ${f(s.max).padStart(5)} | ` +
					`${(f(s.cpu, 1) + '%').padStart(10)} | ${`${f(s.rssBefore, 0)}/${f(s.rssPeak, 0)}/${f(s.rssAfter, 0)}`.padStart(22)} | ${(f(s.loadCpu, 0) + '%').padStart(8)} | ${(f(s.foreignCpu, 0) + '%').padStart(10)} | ${s.roundP99s.map((x) => f(x, 1)).join(', ')}`
			);
		}
	}
	console.log('');
	const out = {};
	if (!(SERVERS.includes('ours') && SERVERS.includes('ref'))) return;
	for (const n of NS) {
		const { ours, ref } = results[n];
		const ratio = ours.p99 / ref.p99;
		const mark = n >= 50 ? (ratio <= 0.8 ? ' (mark <= 0.8 met)' : ' (mark <= 0.8 NOT met)') : '';
		console.log(`N=${n}: ours/ref p99 = ${f(ratio, 3)}${mark}`);
		out[`n${n}`] = { ours_p99: Number(ours.p99.toFixed(3)), ref_p99: Number(ref.p99.toFixed(3)) };
	}
	console.log(JSON.stringify(out));
}

main()
	.then(() => {
		killChildren();
		process.exit(0);
	})
	.catch((error) => {
		console.error('bench failed:', error);
		killChildren();
		process.exit(1);
	});

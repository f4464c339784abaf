/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold and writes (and syncs) the database file there: a stall of several ms, up
 * to tens of ms on a busy disk, in the middle of the realtime server's hot path. We turn it off on
 * the main connection and let a worker thread with its own connection checkpoint passively.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ } };
const timer = setInterval(checkpoint, workerData.interval);
parentPort.on('message', (message) => {
	if (message !== 'stop') return;
	clearInterval(timer);
	checkpoint();
	db.close();
	parentPort.postMessage('stopped');
});
`;

export type Checkpointer = { stop(): Promise<void> };

export function startCheckpointer(path: string, interval = 1000): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER, { eval: true, workerData: { path, interval, driver } });
	worker.unref();
	let failed = false;
	worker.on('error', (error) => {
		// Without the worker, WAL pages are still checkpointed when the database closes; log once.
		failed = true;
		console.error('[db] checkpoint worker failed:', error.message);
	});
	return {
		stop: () =>
			failed
				? Promise.resolve()
				: new Promise<void>((resolve) => {
						const done = () => resolve();
						worker.once('message', done);
						worker.once('exit', done);
						worker.postMessage('stop');
						setTimeout(() => void worker.terminate().then(done), 2000).unref();
					})
	};
}

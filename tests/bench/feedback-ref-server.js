/**
 * The reference for `npm run bench:feedback`: the same answer request handled by a bare `node:http`
 * server doing only the essential work (parse the JSON, find the run by its token, upsert the answer
 * in SQLite with the same WAL settings), without SvelteKit, hooks, validation of the question or
 * the text checks. It shows what the framework and our checks cost on top of the bare minimum.
 * Started by the benchmark as a child process: `node feedback-ref-server.js <port> <dbPath>`.
 */
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [port, dbPath] = process.argv.slice(2);
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS runs (token TEXT PRIMARY KEY, id TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS answers (run TEXT NOT NULL, item TEXT NOT NULL, question TEXT NOT NULL, value TEXT, PRIMARY KEY (run, item, question));`);
const findRun = db.prepare('SELECT id FROM runs WHERE token = ?');
const addRun = db.prepare('INSERT INTO runs (token, id) VALUES (?, ?)');
const upsert = db.prepare('INSERT INTO answers (run, item, question, value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value');
let next = 0;

createServer((req, res) => {
	let body = '';
	req.on('data', (chunk) => (body += chunk));
	req.on('end', () => {
		try {
			if (req.url === '/start') {
				const token = `t${next++}.${Math.random().toString(36).slice(2)}`;
				addRun.run(token, token.split('.')[0]);
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
				return;
			}
			const { token, answers } = JSON.parse(body);
			const run = findRun.get(token);
			if (!run) return res.writeHead(403).end('{}');
			db.transaction(() => {
				for (const a of answers) upsert.run(run.id, a.itemId ?? '', a.questionId, JSON.stringify(a.value));
			})();
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ saved: answers.length }));
		} catch {
			res.writeHead(400).end('{}');
		}
	});
}).listen(Number(port), '127.0.0.1', () => console.log('listening on', port));

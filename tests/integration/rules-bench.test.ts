/**
 * The test bench's run log and the signal check's access, against the real built server: a run is
 * recorded (who, which rule set and version, dataset kind and size; never records), bad bodies are
 * refused and change nothing, and only members get in.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRuleSet } from '../../src/lib/rules/demo-ruleset';
import { createCoalition, createSprint, postForm, signup, startServer } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let owner: { cookie: string };
let sprintId: string;
let ruleSetId: string;
let otherSprintId: string;

function auditRows() {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return db.prepare("SELECT rule_set_id, actor, action, detail FROM rule_audit_log WHERE action = 'evaluated'").all() as { rule_set_id: string; actor: string; action: string; detail: string }[];
	} finally {
		db.close();
	}
}

const post = (path: string, body: unknown, cookie: string, origin = server.url) =>
	fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: { origin, cookie, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
	server = await startServer();
	owner = await signup(server.url, 'Priya');
	const coalitionId = await createCoalition(server.url, owner.cookie);
	sprintId = await createSprint(server.url, owner.cookie, coalitionId);
	otherSprintId = await createSprint(server.url, owner.cookie, coalitionId, 'Andere sprint');
	const created = await postForm(server.url, `/sprints/${sprintId}/rules?/create`, { name: 'Samen op tijd' }, owner.cookie);
	ruleSetId = created.location!.split('/').pop()!;
	const db = new Database(server.dbPath);
	try {
		db.prepare('INSERT INTO rule_versions (id, rule_set_id, number, definition, author_name, published_at) VALUES (?, ?, 1, ?, ?, ?)').run(randomBytes(8).toString('hex'), ruleSetId, JSON.stringify({ ...demoRuleSet, id: ruleSetId }), 'Priya', Date.now());
	} finally {
		db.close();
	}
});
afterAll(() => server?.stop());

describe('bench runs', () => {
	const runs = () => `/sprints/${sprintId}/rules/${ruleSetId}/bench/runs`;

	it('are logged with who, the version and the dataset kind and size', async () => {
		expect((await post(runs(), { version: null, dataset: { kind: 'synthetic', size: 5000, seed: 7 } }, owner.cookie)).status).toBe(201);
		expect((await post(runs(), { version: 1, dataset: { kind: 'csv', size: 12 } }, owner.cookie)).status).toBe(201);
		const rows = auditRows();
		expect(rows).toHaveLength(2);
		expect(rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) }))).toEqual([
			{ rule_set_id: ruleSetId, actor: 'Priya', action: 'evaluated', detail: { via: 'bench', version: 'draft', dataset: { kind: 'synthetic', size: 5000, seed: 7 } } },
			{ rule_set_id: ruleSetId, actor: 'Priya', action: 'evaluated', detail: { via: 'bench', version: 1, dataset: { kind: 'csv', size: 12 } } }
		]);
	});

	it('refuse bodies that are not a run (records included), unknown versions, strangers and other sites, logging nothing', async () => {
		const before = auditRows().length;
		const stranger = await signup(server.url, 'Vreemde');
		const cases: [Promise<Response>, number][] = [
			[post(runs(), 'not json', owner.cookie), 400],
			[post(runs(), { version: null, dataset: { kind: 'csv', size: 3 }, records: [{ age: 15 }] }, owner.cookie), 400],
			[post(runs(), { version: null, dataset: { kind: 'csv', size: 0 } }, owner.cookie), 400],
			[post(runs(), { version: null, dataset: { kind: 'synthetic', size: 100_001, seed: 1 } }, owner.cookie), 400],
			[post(runs(), { version: 9, dataset: { kind: 'csv', size: 3 } }, owner.cookie), 404],
			[post(`/sprints/${otherSprintId}/rules/${ruleSetId}/bench/runs`, { version: null, dataset: { kind: 'csv', size: 3 } }, owner.cookie), 404],
			[post(runs(), { version: null, dataset: { kind: 'csv', size: 3 } }, stranger.cookie), 404],
			[post(runs(), { version: null, dataset: { kind: 'csv', size: 3 } }, owner.cookie, 'https://evil.example'), 403]
		];
		for (const [response, status] of cases) expect((await response).status).toBe(status);
		expect(auditRows()).toHaveLength(before);
	});
});

describe('pages', () => {
	const get = (path: string, cookie: string) => fetch(server.url + path, { redirect: 'manual', headers: { cookie } });

	it('the bench opens the draft and a published version for members only', async () => {
		expect((await get(`/sprints/${sprintId}/rules/${ruleSetId}/bench`, owner.cookie)).status).toBe(200);
		expect((await get(`/sprints/${sprintId}/rules/${ruleSetId}/bench?versie=1`, owner.cookie)).status).toBe(200);
		expect((await get(`/sprints/${sprintId}/rules/${ruleSetId}/bench?versie=2`, owner.cookie)).status).toBe(404);
		expect((await get(`/sprints/${otherSprintId}/rules/${ruleSetId}/bench`, owner.cookie)).status).toBe(404);
		const stranger = await signup(server.url, 'Buiten');
		expect((await get(`/sprints/${sprintId}/rules/${ruleSetId}/bench`, stranger.cookie)).status).toBe(404);
	});

	it('the signal check opens published versions for coalition members only', async () => {
		const page = await get(`/rules/${ruleSetId}/versions/1/signal`, owner.cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Vaak weg van school');
		expect((await get(`/rules/${ruleSetId}/versions/2/signal`, owner.cookie)).status).toBe(404);
		expect((await get(`/rules/${ruleSetId}/versions/x/signal`, owner.cookie)).status).toBe(404);
		const stranger = await signup(server.url, 'Anders');
		expect((await get(`/rules/${ruleSetId}/versions/1/signal`, stranger.cookie)).status).toBe(404);
		expect((await get(`/rules/${ruleSetId}/versions/1/signal`, '')).status).toBe(303);
	});
});

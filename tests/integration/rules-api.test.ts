/**
 * Rules against the built server: a rule set made, co-edited in its realtime room, approved by two
 * other organisations and published through the pages' forms; then the evaluation API with its
 * tokens and errors, and the authorisation of the new routes and the `rulesets` room.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { demoDraft } from '$lib/rules/demo-ruleset';
import { writeDraft } from '$lib/rules/draft-doc';
import { demoFields } from '$lib/rules/generator';
import { exportedRuleSetSchema } from '$lib/rules/model';
import { addToSprint, connectDoc, createCoalition, createSprint, postForm, signup, startServer, until, upgradeStatus } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = Awaited<ReturnType<typeof signup>>;
let server: Server;
let coordinator: Person;
let author: Person;
let ggd: Person;
let gemeente: Person;
let observer: Person;
let outsider: Person;
let coalitionId: string;
let sprintId: string;
let otherSprintId: string;
let ruleSetId: string;
let token: string;

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(server.dbPath, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

async function joinAs(person: Person, organisation: string) {
	const [{ id }] = query<{ id: string }>('SELECT id FROM organisations WHERE coalition_id = ? AND name = ?', coalitionId, organisation);
	const res = await postForm(server.url, `/coalitions/${coalitionId}?/invite`, { role: 'partner', organisationId: id }, coordinator.cookie);
	const link = /https?:\/\/[^"<\s]+\/invite\/[a-z0-9]+/.exec(res.body)![0];
	expect((await postForm(server.url, new URL(link).pathname, {}, person.cookie)).status).toBe(303);
}

const base = () => `/sprints/${sprintId}/rules/${ruleSetId}`;

async function evaluate(body: string | undefined, auth: string | null, id = ruleSetId, n = 1, headers: Record<string, string> = {}) {
	const res = await fetch(`${server.url}/api/v1/rulesets/${id}/versions/${n}/evaluate`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
		body
	});
	return { status: res.status, body: await res.json().catch(() => null) };
}

beforeAll(async () => {
	server = await startServer();
	[coordinator, author, ggd, gemeente, observer, outsider] = await Promise.all(['Cora', 'Anna', 'Gijs', 'Gerrit', 'Otto', 'Xander'].map((n) => signup(server.url, n)));
	coalitionId = await createCoalition(server.url, coordinator.cookie);
	for (const name of ['Lumens', 'GGD', 'Gemeente']) await postForm(server.url, `/coalitions/${coalitionId}?/organisation`, { name, kind: 'other' }, coordinator.cookie);
	await joinAs(author, 'Lumens');
	await joinAs(ggd, 'GGD');
	await joinAs(gemeente, 'Gemeente');
	await joinAs(observer, 'GGD');
	sprintId = await createSprint(server.url, coordinator.cookie, coalitionId);
	otherSprintId = await createSprint(server.url, coordinator.cookie, coalitionId, 'Andere sprint');
	for (const [p, role] of [[author, 'partner'], [ggd, 'partner'], [gemeente, 'decider'], [observer, 'observer']] as const) await addToSprint(server, coordinator.cookie, sprintId, p.email, role);
	await createCoalition(server.url, outsider.cookie, 'Andere coalitie');
	for (const f of demoFields) {
		const saved = await postForm(server.url, `/coalitions/${coalitionId}/fields?/save`, { key: f.key, label: f.label, type: f.type, values: (f.values ?? []).join('\n'), unit: f.unit ?? '', source: f.source, description: f.description, sensitivity: f.sensitivity, justification: f.justification ?? '' }, coordinator.cookie);
		expect(saved.status, `${f.key}: ${saved.body.slice(0, 200)}`).toBe(200);
	}
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

describe('rules (integration)', () => {
	it('keeps the dictionary the coordinator\'s; a bad field is refused whole', async () => {
		expect((await postForm(server.url, `/coalitions/${coalitionId}/fields?/save`, { key: 'x', label: 'X', type: 'number', sensitivity: 'normal' }, author.cookie)).status).toBe(403);
		const bad = await postForm(server.url, `/coalitions/${coalitionId}/fields?/save`, { key: 'Postcode 4', label: 'Postcode', type: 'number', sensitivity: 'proxy' }, coordinator.cookie);
		expect(bad.status).toBe(400);
		const taken = await postForm(server.url, `/coalitions/${coalitionId}/fields?/save`, { key: 'age', label: 'Leeftijd 2', type: 'number', sensitivity: 'normal' }, coordinator.cookie);
		expect(taken.status).toBe(400);
		expect(query('SELECT label FROM rule_fields WHERE key = ?', 'age')).toEqual([{ label: 'Leeftijd' }]);
	});

	it('makes a rule set in the sprint and co-edits its draft live; observers only read', async () => {
		const made = await postForm(server.url, `/sprints/${sprintId}/rules?/create`, { name: 'Samen op tijd' }, author.cookie);
		expect(made.status).toBe(303);
		ruleSetId = made.location!.split('/').pop()!;
		expect((await postForm(server.url, `/sprints/${sprintId}/rules?/create`, { name: 'Niet' }, observer.cookie)).status).toBe(403);
		const name = `sprints/${sprintId}/rulesets/${ruleSetId}`;
		const a = connectDoc(server.url, author.cookie, name);
		const b = connectDoc(server.url, ggd.cookie, name);
		const o = connectDoc(server.url, observer.cookie, name);
		await Promise.all([a.synced, b.synced, o.synced]);
		writeDraft(a.doc, { purpose: 'Eerder een gesprek', indicators: demoDraft.indicators, bands: demoDraft.bands });
		await until(() => b.doc.getArray('indicators').length === demoDraft.indicators.length, 10_000, 'partner sees the draft');
		// The observer's own edit never reaches anyone.
		o.doc.getArray('bands').delete(0, 1);
		await new Promise((r) => setTimeout(r, 300));
		expect(b.doc.getArray('bands').length).toBe(demoDraft.bands.length);
		// The partner changes one weight; the author sees it.
		const first = b.doc.getArray<Y.Map<unknown>>('indicators').get(0);
		(first.get('rationale') as Y.Text).insert(0, 'Onderzoek GGD: ');
		await until(() => String(a.doc.getArray<Y.Map<unknown>>('indicators').get(0).get('rationale')).startsWith('Onderzoek GGD'), 10_000, 'author sees the rationale');
		for (const c of [a, b, o]) c.destroy();

		// The room unloads with its last connection and writes who edited what: one row per person.
		await until(() => query('SELECT id FROM rule_audit_log WHERE action = ?', 'draft_edited').length === 2, 10_000, 'draft audit rows');
		const rows = query<{ actor: string; detail: string }>('SELECT actor, detail FROM rule_audit_log WHERE rule_set_id = ? AND action = ? ORDER BY id', ruleSetId, 'draft_edited');
		const detail = Object.fromEntries(rows.map((r) => [r.actor, JSON.parse(r.detail)]));
		expect(Object.keys(detail).sort()).toEqual(['Anna', 'Gijs']);
		expect(detail.Anna.indicators.added.map((e: { name: string }) => e.name)).toEqual(demoDraft.indicators.map((i) => i.name));
		expect(detail.Anna.purpose).toBe(true);
		expect(detail.Gijs.indicators).toEqual({ changed: [{ id: first.get('id'), name: demoDraft.indicators[0].name, parts: ['rationale'] }], added: [], removed: [], moved: [] });
		const log = await fetch(`${server.url}${base()}/versions`, { headers: { cookie: observer.cookie } }).then((r) => r.text());
		expect(log).toContain(`${demoDraft.indicators[0].name}: reden`);
	});

	it('admits the rulesets room only to this sprint\'s members, for a rule set of this sprint', async () => {
		const path = `/collab/sprints/${sprintId}/rulesets/${ruleSetId}`;
		expect(await upgradeStatus(server.url, path, { origin: server.url })).toBe(401);
		expect(await upgradeStatus(server.url, path, { origin: server.url, cookie: outsider.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, `/collab/sprints/${otherSprintId}/rulesets/${ruleSetId}`, { origin: server.url, cookie: coordinator.cookie })).toBe(404);
		expect(await upgradeStatus(server.url, path, { origin: 'http://evil.test', cookie: author.cookie })).toBe(403);
		expect(await upgradeStatus(server.url, path, { origin: server.url, cookie: observer.cookie })).toBe(101);
	});

	it('guards the pages: no session, other coalition, other sprint, observer', async () => {
		const get = (path: string, cookie = '') => fetch(server.url + path, { headers: { cookie }, redirect: 'manual' }).then((r) => r.status);
		expect(await get(base())).toBe(303);
		expect(await get(base(), outsider.cookie)).toBe(404);
		expect(await get(`/sprints/${otherSprintId}/rules/${ruleSetId}`, coordinator.cookie)).toBe(404);
		expect(await get(base(), observer.cookie)).toBe(200);
		expect(await get(`${base()}/versions`, observer.cookie)).toBe(200);
		expect(await get(`/coalitions/${coalitionId}/fields`, outsider.cookie)).toBe(404);
		expect((await postForm(server.url, `${base()}?/request`, {}, observer.cookie)).status).toBe(403);
		expect((await postForm(server.url, `${base()}?/request`, {}, outsider.cookie)).status).toBe(404);
	});

	it('requests approval (the draft turns read-only), takes two other organisations, and publishes version 1', async () => {
		const requested = await postForm(server.url, `${base()}?/request`, {}, author.cookie);
		expect(requested.status).toBe(303);
		const [request] = query<{ id: string }>('SELECT id FROM rule_approval_requests WHERE rule_set_id = ?', ruleSetId);
		// Frozen: the author's edits are dropped now.
		const a = connectDoc(server.url, author.cookie, `sprints/${sprintId}/rulesets/${ruleSetId}`);
		await a.synced;
		a.doc.getArray('bands').delete(0, 1);
		await new Promise((r) => setTimeout(r, 300));
		a.destroy();
		const b = connectDoc(server.url, ggd.cookie, `sprints/${sprintId}/rulesets/${ruleSetId}`);
		await b.synced;
		expect(b.doc.getArray('bands').length).toBe(demoDraft.bands.length);
		b.destroy();
		const decide = (p: Person, decision: string) => postForm(server.url, `${base()}/versions?/decide`, { requestId: request.id, decision, comment: '' }, p.cookie);
		expect((await decide(author, 'approve')).status).toBe(400);
		expect((await decide(ggd, 'approve')).status).toBe(200);
		expect((await decide(observer, 'approve')).status).toBe(403);
		expect((await postForm(server.url, `${base()}/versions?/publish`, {}, author.cookie)).status).toBe(400);
		expect((await decide(gemeente, 'approve')).status).toBe(200);
		expect((await postForm(server.url, `${base()}/versions?/publish`, {}, author.cookie)).status).toBe(200);
		const exported = await fetch(`${server.url}${base()}/versions/1/export.json`, { headers: { cookie: observer.cookie } });
		expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="samen-op-tijd-v1\.json"/);
		const json = await exported.json();
		expect(exportedRuleSetSchema.safeParse(json).success).toBe(true);
		expect(json.approvals.map((x: { organisation: string }) => x.organisation)).toEqual(['GGD', 'Gemeente']);
		expect((await fetch(`${server.url}${base()}/versions/1/export.json`, { headers: { cookie: outsider.cookie }, redirect: 'manual' })).status).toBe(404);
		const register = await fetch(`${server.url}${base()}/versions/1/algoritmeregister.json`, { headers: { cookie: author.cookie } }).then((r) => r.json());
		expect(register).toMatchObject({ name: 'Samen op tijd (versie 1)', lang: 'nld', publication_category: 'Impactvolle algoritmes' });
		expect(register.goal).toContain('Eerder een gesprek');
	});

	it('makes API tokens on the coordinator\'s coalition page only, shown once', async () => {
		expect((await postForm(server.url, `/coalitions/${coalitionId}?/ruleToken`, { name: 'GGD server' }, author.cookie)).status).toBe(403);
		const made = await postForm(server.url, `/coalitions/${coalitionId}?/ruleToken`, { name: 'GGD server' }, coordinator.cookie);
		token = /mdn_[a-z2-7]+\.[a-z2-7]+/.exec(made.body)![0];
		const page = await fetch(`${server.url}/coalitions/${coalitionId}`, { headers: { cookie: coordinator.cookie } }).then((r) => r.text());
		expect(page).toContain('GGD server');
		expect(page).not.toContain(token);
	});

	it('evaluates records with a token, from any origin, and logs the count only', async () => {
		const records = [
			{ attendance_pct: 70, absence_hours: 20, neet: false, dropped_out: false, talent: 'sport', sports_club: true },
			{ attendance_pct: 99, talent: 'geen', neet: true },
			{}
		];
		const res = await evaluate(JSON.stringify({ records }), `Bearer ${token}`, ruleSetId, 1, { origin: 'https://ggd.example' });
		expect(res.status).toBe(200);
		expect(res.body.results).toHaveLength(3);
		expect(res.body.results[0]).toMatchObject({ score: 2 - 1 - 1.5, band: 'geen', fired: ['talent', 'takes_part', 'school_absence'] });
		expect(res.body.results[0].explanation.find((e: { indicator: string }) => e.indicator === 'school_absence').facts.length).toBeGreaterThan(0);
		expect(res.body.results[1]).toMatchObject({ score: 3, band: 'aandacht', fired: ['not_in_school_or_work'] });
		expect(res.body.results[2]).toMatchObject({ score: 0, fired: [] });
		const audit = query<{ actor: string; detail: string }>("SELECT actor, detail FROM rule_audit_log WHERE action = 'evaluated'");
		expect(audit).toHaveLength(1);
		expect(audit[0].actor).toBe('API: GGD server');
		expect(JSON.parse(audit[0].detail)).toMatchObject({ version: 1, records: 3 });
		expect(audit[0].detail).not.toContain('attendance');
	});

	it('says what is wrong: 400 for bad JSON and unknown fields, 401 without a valid token, 404 for other rule sets', async () => {
		const auth = `Bearer ${token}`;
		const bad = await evaluate('{"records": [', auth);
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/not valid JSON/);
		const unknown = await evaluate(JSON.stringify({ records: [{ attendance_pct: 80 }, { shoe_size: 44, attendance_pct: 'high' }] }), auth);
		expect(unknown.status).toBe(400);
		expect(unknown.body.details).toEqual(expect.arrayContaining([expect.stringContaining('records[1]: unknown field "shoe_size"'), expect.stringContaining('records[1].attendance_pct: "high" is not a number')]));
		expect((await evaluate(JSON.stringify({ rows: [] }), auth)).status).toBe(400);
		expect((await evaluate('[]', null)).status).toBe(401);
		expect((await evaluate('[]', 'Bearer mdn_nothing.here')).status).toBe(401);
		expect((await evaluate('[]', `Bearer ${token}x`)).status).toBe(401);
		expect((await evaluate('[]', auth, ruleSetId, 2)).status).toBe(404);
		expect((await evaluate('[]', auth, 'aaaaaaaaaaaaaaaa', 1)).status).toBe(404);
		// A cookie authorises nothing here.
		expect((await evaluate('[]', null, ruleSetId, 1, { cookie: coordinator.cookie, origin: server.url })).status).toBe(401);
		// Another coalition's token does not see this coalition's rule set.
		const foreignCoalition = query<{ id: string }>('SELECT coalition_id AS id FROM coalition_members cm JOIN users u ON u.id = cm.user_id WHERE u.email = ?', outsider.email)[0].id;
		const foreign = await postForm(server.url, `/coalitions/${foreignCoalition}?/ruleToken`, { name: 'Ander' }, outsider.cookie);
		const foreignToken = /mdn_[a-z2-7]+\.[a-z2-7]+/.exec(foreign.body)![0];
		expect((await evaluate('[]', `Bearer ${foreignToken}`)).status).toBe(404);
		// Revoked: 401 from then on.
		const [{ id: tokenId }] = query<{ id: string }>("SELECT id FROM api_tokens WHERE name = 'GGD server'");
		expect((await postForm(server.url, `/coalitions/${coalitionId}?/ruleTokenRevoke`, { tokenId }, coordinator.cookie)).status).toBe(200);
		expect((await evaluate('[]', auth)).status).toBe(401);
	});

	it('keeps version 1 as published when a new draft changes', async () => {
		const before = await fetch(`${server.url}${base()}/versions/1/export.json`, { headers: { cookie: author.cookie } }).then((r) => r.text());
		expect((await postForm(server.url, `${base()}/versions?/draft`, {}, author.cookie)).status).toBe(200);
		const a = connectDoc(server.url, author.cookie, `sprints/${sprintId}/rulesets/${ruleSetId}`);
		const b = connectDoc(server.url, ggd.cookie, `sprints/${sprintId}/rulesets/${ruleSetId}`);
		await Promise.all([a.synced, b.synced]);
		(a.doc.getArray('indicators').get(0) as Y.Map<unknown>).set('weight', 9);
		// The server stores an update before it sends it on: once the partner has it, it is kept.
		await until(() => (b.doc.getArray('indicators').get(0) as Y.Map<unknown>).get('weight') === 9, 10_000, 'the new weight');
		a.destroy();
		b.destroy();
		const after = await fetch(`${server.url}${base()}/versions/1/export.json`, { headers: { cookie: author.cookie } }).then((r) => r.text());
		expect(after).toBe(before);
		// The author's edit to the new draft is logged when the room unloads.
		const log = () => query<{ action: string }>('SELECT action FROM rule_audit_log WHERE rule_set_id = ? ORDER BY id', ruleSetId).map((r) => r.action);
		await until(() => log().length === 10, 10_000, 'the draft edit logged');
		expect(log()).toEqual(['ruleset_created', 'draft_edited', 'draft_edited', 'approval_requested', 'approved', 'approved', 'published', 'evaluated', 'new_draft', 'draft_edited']);
	});
});

/**
 * The facilitator's room controls over the real realtime server: the control document
 * `sprints/<id>/control` is written by facilitators only and read by everyone in the sprint; only
 * facilitators' presence (the view to follow) is passed on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addToSprint, connectDoc, createCoalition, createSprint, joinCoalition, signup, startServer, until, upgradeStatus } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = { cookie: string; email: string };
let server: Server;
let facilitator: Person;
let partner: Person;
let observer: Person;
let outsider: Person;
let sprintId: string;

const name = () => `sprints/${sprintId}/control`;
const open: { destroy(): void }[] = [];
function connect(who: Person) {
	const conn = connectDoc(server.url, who.cookie, name());
	open.push(conn);
	return conn;
}
const summonOf = (doc: Y.Doc) => doc.getMap('control').get('summon') as { href: string } | undefined;

beforeAll(async () => {
	server = await startServer();
	[facilitator, partner, observer, outsider] = await Promise.all(['Fenna', 'Pim', 'Otto', 'Xander'].map((n) => signup(server.url, n)));
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	for (const p of [partner, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
});

afterAll(async () => {
	for (const conn of open) conn.destroy();
	await server?.stop();
});

describe('the control document', () => {
	it('admits members of the sprint only', async () => {
		expect(await upgradeStatus(server.url, `/collab/${name()}`, { cookie: outsider.cookie, origin: server.url })).toBe(403);
		expect(await upgradeStatus(server.url, `/collab/${name()}`, { origin: server.url })).toBe(401);
		expect(await upgradeStatus(server.url, `/collab/sprints/${sprintId}/control/x`, { cookie: facilitator.cookie, origin: server.url })).toBe(400);
	});

	it('summon: what the facilitator sets reaches the partner and the observer; what a partner sets reaches nobody', async () => {
		const lead = connect(facilitator);
		const follower = connect(partner);
		const watcher = connect(observer);
		await Promise.all([lead.synced, follower.synced, watcher.synced]);
		lead.doc.getMap('control').set('summon', { id: 's1', href: `/sprints/${sprintId}/boards/x`, label: 'Probleemkaart', at: Date.now() });
		await until(() => summonOf(follower.doc)?.href === `/sprints/${sprintId}/boards/x` && summonOf(watcher.doc)?.href === `/sprints/${sprintId}/boards/x`, 10_000, 'the summon');

		follower.doc.getMap('control').set('summon', { id: 's2', href: 'https://evil.example', label: 'Elders', at: Date.now() });
		// A marker from the facilitator after it: once that arrived, the partner's change would have too.
		lead.doc.getMap('control').set('follow', { id: 'f1', path: `/sprints/${sprintId}/boards/x` });
		await until(() => watcher.doc.getMap('control').has('follow'), 10_000, 'the marker');
		expect(summonOf(watcher.doc)?.href).toBe(`/sprints/${sprintId}/boards/x`);
		expect(summonOf(lead.doc)?.href).toBe(`/sprints/${sprintId}/boards/x`);
		// A newcomer gets what is stored: the facilitator's summon, never the partner's.
		const late = connect(observer);
		await late.synced;
		expect(summonOf(late.doc)?.href).toBe(`/sprints/${sprintId}/boards/x`);
	});

	it('follow me: the facilitator\'s view reaches the followers as presence; a follower\'s presence is not passed on', async () => {
		const lead = connect(facilitator);
		const follower = connect(partner);
		const watcher = connect(observer);
		await Promise.all([lead.synced, follower.synced, watcher.synced]);
		const view = { path: `/sprints/${sprintId}/boards/x`, cx: 420, cy: 310, zoom: 1.5 };
		lead.provider.awareness.setLocalStateField('view', view);
		const viewsAt = (conn: ReturnType<typeof connect>) =>
			[...conn.provider.awareness.getStates().entries()].filter(([id]) => id !== conn.provider.awareness.clientID).map(([, state]) => (state as { view?: unknown }).view).filter(Boolean);
		await until(() => viewsAt(follower).length === 1 && viewsAt(watcher).length === 1, 10_000, 'the view');
		expect(viewsAt(follower)).toEqual([view]);

		// A partner posing as the one to follow: dropped by the server.
		follower.provider.awareness.setLocalStateField('view', { ...view, cx: 0, cy: 0 });
		lead.provider.awareness.setLocalStateField('view', { ...view, zoom: 2 });
		await until(() => viewsAt(watcher).some((v) => (v as { zoom: number }).zoom === 2), 10_000, 'the new view');
		expect(viewsAt(watcher)).toEqual([{ ...view, zoom: 2 }]);
		expect(viewsAt(lead)).toEqual([]);
	});
});

describe('take control', () => {
	const takeControl = (who: Person, body: string, origin = server.url) =>
		fetch(`${server.url}/sprints/${sprintId}/take-control`, { method: 'POST', headers: { cookie: who.cookie, origin, 'content-type': 'application/json' }, body }).then(async (r) => ({
			status: r.status,
			body: (await r.json().catch(() => null)) as { until?: number | null; error?: string } | null
		}));
	const brief = () => `sprints/${sprintId}/brief`;
	function connectBrief(who: Person) {
		const conn = connectDoc(server.url, who.cookie, brief());
		open.push(conn);
		const closes: number[] = [];
		conn.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));
		return Object.assign(conn, { closes });
	}
	const notes = (doc: Y.Doc) => doc.getMap('takeover-test');

	it('is the facilitator\'s only, with 1 to 60 minutes; bad input changes nothing', async () => {
		expect(await takeControl(partner, '{"minutes":5}')).toMatchObject({ status: 403, body: { error: 'error_forbidden' } });
		expect((await takeControl(observer, '{"minutes":5}')).status).toBe(403);
		expect((await takeControl(outsider, '{"minutes":5}')).status).toBe(404);
		expect((await takeControl(facilitator, '{"minutes":5}', 'http://evil.example')).status).toBe(403);
		for (const bad of ['{not json', '{}', '{"minutes":"5"}', '{"release":false}', '{"minutes":5,"x":1}']) {
			expect(await takeControl(facilitator, bad)).toMatchObject({ status: 400, body: { error: 'error_bad_request' } });
		}
		for (const minutes of [0, 61, 2.5]) expect(await takeControl(facilitator, JSON.stringify({ minutes }))).toMatchObject({ status: 400, body: { error: 'facil_error_takeover_minutes' } });
		const partnerConn = connectBrief(partner);
		await partnerConn.synced;
		notes(partnerConn.doc).set('before', 'nog vrij');
		const check = connectBrief(facilitator);
		await until(() => notes(check.doc).get('before') === 'nog vrij', 10_000, 'the partner\'s note before any take-over');
	});

	it('makes partners read-only at once (their updates are dropped) and writable again after the release', async () => {
		const lead = connectBrief(facilitator);
		const follower = connectBrief(partner);
		const room = connect(partner);
		await Promise.all([lead.synced, follower.synced, room.synced]);

		const taken = await takeControl(facilitator, '{"minutes":5}');
		expect(taken.status).toBe(200);
		expect(taken.body?.until).toBeGreaterThan(Date.now());
		// The partner's open brief is closed to reconnect read-only; the facilitator's stays.
		await until(() => follower.closes.length > 0, 10_000, 'the partner to be closed');
		expect(follower.closes[0]).toBe(4403);
		expect(lead.closes).toEqual([]);
		// The banner's end time reaches the room through the control document.
		await until(() => (room.doc.getMap('control').get('takeover') as { until?: number } | undefined)?.until === taken.body?.until, 10_000, 'the banner\'s end time');

		const during = connectBrief(partner);
		await during.synced;
		notes(during.doc).set('stiekem', 'tijdens de regie');
		notes(lead.doc).set('marker', 'van de facilitator');
		await until(() => notes(during.doc).get('marker') === 'van de facilitator', 10_000, 'the facilitator\'s marker');
		const witness = connectBrief(facilitator);
		await witness.synced;
		expect(notes(witness.doc).get('marker')).toBe('van de facilitator');
		expect(notes(witness.doc).has('stiekem')).toBe(false);

		expect(await takeControl(facilitator, '{"release":true}')).toMatchObject({ status: 200, body: { until: null } });
		await until(() => during.closes.length > 0, 10_000, 'the partner to be closed again');
		await until(() => !room.doc.getMap('control').has('takeover'), 10_000, 'the banner to go');
		const after = connectBrief(partner);
		await after.synced;
		notes(after.doc).set('daarna', 'weer vrij');
		await until(() => notes(lead.doc).get('daarna') === 'weer vrij', 10_000, 'the partner\'s note after the release');
	});
});

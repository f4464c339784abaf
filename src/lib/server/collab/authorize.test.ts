import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../auth/session';
import { createCoalition } from '../coalitions/service';
import { coalitionMembers } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint, setSprintMember } from '../sprints/service';
import { createBoard, setBoardArchived, setBoardLocked } from '../boards/service';
import { createPrototype } from '../prototypes/service';
import { createAuthenticate, createRevalidate, originAllowed } from './authorize';
import { invalidateSession } from '../auth/session';
import { removeSprintMember } from '../sprints/service';
import type { Admission } from './types';
import { createRuleSet, moveStatus } from '../rules/service';
import { releaseControl, takeControl, takeoverUntil } from '../facilitation/take-control';

const HOST = 'meedoen.test:3000';
const ORIGIN = `http://${HOST}`;

function request(path: string, headers: Record<string, string | undefined>): IncomingMessage {
	return { url: path, headers: { host: HOST, ...headers } } as unknown as IncomingMessage;
}

/** Two coalitions with a sprint each, and one person in every role. */
function world() {
	const db = testDb();
	const facilitator = insertUser(db, 'F');
	const coalition = createCoalition(db, facilitator.id, 'C1');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, facilitator.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	const otherSprint = createSprint(db, facilitator.id, { title: 'S2', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok || !otherSprint.ok) throw new Error();
	const people: Record<string, string> = { facilitator: createSession(db, facilitator.id).token };
	for (const role of ['decider', 'partner', 'observer'] as const) {
		const user = insertUser(db, role);
		db.insert(coalitionMembers).values({ coalitionId: coalition.value.id, userId: user.id, role: 'partner' }).run();
		expect(setSprintMember(db, sprint.value.id, user.id, role).ok).toBe(true);
		people[role] = createSession(db, user.id).token;
	}
	const outsider = insertUser(db, 'outsider');
	const otherCoalition = createCoalition(db, outsider.id, 'C2');
	if (!otherCoalition.ok) throw new Error();
	const foreign = createSprint(db, outsider.id, { title: 'X', coalitionId: otherCoalition.value.id, startDate: '2026-12-01', days: 1 });
	if (!foreign.ok) throw new Error();
	people.otherCoalition = createSession(db, outsider.id).token;
	return { db, people, sprintId: sprint.value.id, otherSprintId: otherSprint.value.id, foreignSprintId: foreign.value.id };
}

describe('origin check', () => {
	it('accepts only our own origin', () => {
		expect(originAllowed(ORIGIN, HOST)).toBe(true);
		expect(originAllowed('http://evil.test', HOST)).toBe(false);
		expect(originAllowed(undefined, HOST)).toBe(false);
		expect(originAllowed('null', HOST)).toBe(false);
		expect(originAllowed('https://meedoen.nl', 'whatever', 'https://meedoen.nl')).toBe(true);
		expect(originAllowed(ORIGIN, HOST, 'https://meedoen.nl')).toBe(false);
	});
});

describe('realtime admission matrix', () => {
	const w = world();
	const authenticate = createAuthenticate(w.db, '');
	const brief = `/collab/sprints/${w.sprintId}/brief`;
	const cookie = (who: string) => `${SESSION_COOKIE}=${w.people[who]}`;

	it.each([
		['facilitator', false],
		['decider', false],
		['partner', false],
		['observer', true]
	])('admits the %s (read-only: %s)', (who, readOnly) => {
		const verdict = authenticate(request(brief, { origin: ORIGIN, cookie: cookie(who) }));
		expect(verdict).toMatchObject({ docName: `sprints/${w.sprintId}/brief`, sprintId: w.sprintId, readOnly });
	});

	it.each([
		['facilitator', false],
		['decider', true],
		['partner', true],
		['observer', true]
	])('admits the %s to the control document, writing only as facilitator (read-only: %s)', (who, readOnly) => {
		const control = `/collab/sprints/${w.sprintId}/control`;
		expect(authenticate(request(control, { origin: ORIGIN, cookie: cookie(who) }))).toMatchObject({ docName: `sprints/${w.sprintId}/control`, readOnly });
		// Not in sprint 2 (the facilitator made it, so is in it): swapping the id in does not work.
		if (who !== 'facilitator') expect(authenticate(request(`/collab/sprints/${w.otherSprintId}/control`, { origin: ORIGIN, cookie: cookie(who) }))).toMatchObject({ status: 403 });
	});

	it('refuses without a session (401), with a forged session (401), from another origin (403)', () => {
		expect(authenticate(request(brief, { origin: ORIGIN }))).toMatchObject({ status: 401 });
		expect(authenticate(request(brief, { origin: ORIGIN, cookie: `${SESSION_COOKIE}=abc.def` }))).toMatchObject({ status: 401 });
		expect(authenticate(request(brief, { origin: 'http://evil.test', cookie: cookie('facilitator') }))).toMatchObject({ status: 403 });
		expect(authenticate(request(brief, { cookie: cookie('facilitator') }))).toMatchObject({ status: 403 });
	});

	it('refuses someone from another coalition, and members in a sprint they are not in (IDOR)', () => {
		expect(authenticate(request(brief, { origin: ORIGIN, cookie: cookie('otherCoalition') }))).toMatchObject({ status: 403 });
		// The partner is in sprint 1 only; swapping in sprint 2's id must not work.
		const other = `/collab/sprints/${w.otherSprintId}/brief`;
		expect(authenticate(request(other, { origin: ORIGIN, cookie: cookie('partner') }))).toMatchObject({ status: 403 });
		const foreign = `/collab/sprints/${w.foreignSprintId}/brief`;
		expect(authenticate(request(foreign, { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 403 });
	});

	it('admits a board of the sprint only when it exists there; an archived board read-only', () => {
		const missing = `/collab/sprints/${w.sprintId}/boards/${w.sprintId}`;
		expect(authenticate(request(missing, { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 404 });
		const created = createBoard(w.db, w.sprintId, insertUser(w.db).id, 'Kaart');
		if (!created.ok) throw new Error();
		const board = `/collab/sprints/${w.sprintId}/boards/${created.value.id}`;
		expect(authenticate(request(board, { origin: ORIGIN, cookie: cookie('partner') }))).toMatchObject({ readOnly: false });
		expect(authenticate(request(board, { origin: ORIGIN, cookie: cookie('observer') }))).toMatchObject({ readOnly: true });
		// The same board id under another sprint is not that board.
		const swapped = `/collab/sprints/${w.otherSprintId}/boards/${created.value.id}`;
		expect(authenticate(request(swapped, { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 404 });
		expect(authenticate(request(board, { origin: ORIGIN, cookie: cookie('otherCoalition') }))).toMatchObject({ status: 403 });
		setBoardArchived(w.db, w.sprintId, created.value.id, true);
		expect(authenticate(request(board, { origin: ORIGIN, cookie: cookie('partner') }))).toMatchObject({ readOnly: true });
	});

	it('admits a locked board read-only to all but facilitators, and revalidates when the lock flips', () => {
		const created = createBoard(w.db, w.sprintId, insertUser(w.db).id, 'Slot');
		if (!created.ok) throw new Error('no board');
		const board = `/collab/sprints/${w.sprintId}/boards/${created.value.id}`;
		const admit = (who: 'facilitator' | 'partner' | 'observer') => authenticate(request(board, { origin: ORIGIN, cookie: cookie(who) })) as Admission;
		const revalidate = createRevalidate(w.db);
		const unlocked = { facilitator: admit('facilitator'), partner: admit('partner'), observer: admit('observer') };
		expect(setBoardLocked(w.db, w.sprintId, created.value.id, true)).toEqual({ ok: true, value: { changed: true } });
		expect(admit('facilitator')).toMatchObject({ role: 'facilitator', readOnly: false, locked: true });
		expect(admit('partner')).toMatchObject({ role: 'partner', readOnly: true, locked: true });
		expect(admit('observer')).toMatchObject({ readOnly: true, locked: true });
		// Everyone on the board reconnects: partners lose writing, the others see the new state.
		for (const admission of Object.values(unlocked)) expect(revalidate(admission)).toBe('access-changed');
		const locked = admit('partner');
		expect(revalidate(locked)).toBe('ok');
		setBoardLocked(w.db, w.sprintId, created.value.id, false);
		expect(revalidate(locked)).toBe('access-changed');
		expect(revalidate(unlocked.partner)).toBe('ok');
	});

	it('admits a rule set only in its own sprint; observers read; in review or published read-only for all', () => {
		const missing = `/collab/sprints/${w.sprintId}/rulesets/${w.sprintId}`;
		expect(authenticate(request(missing, { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 404 });
		const made = createRuleSet(w.db, w.sprintId, { id: insertUser(w.db).id, name: 'X' }, 'Signalen');
		if (!made.ok) throw new Error();
		const path = `/collab/sprints/${w.sprintId}/rulesets/${made.value.id}`;
		const admit = (who: string, p = path) => authenticate(request(p, { origin: ORIGIN, cookie: cookie(who) }));
		expect(admit('facilitator')).toMatchObject({ role: 'facilitator', readOnly: false });
		expect(admit('decider')).toMatchObject({ readOnly: false });
		expect(admit('partner')).toMatchObject({ readOnly: false });
		expect(admit('observer')).toMatchObject({ readOnly: true });
		expect(admit('otherCoalition')).toMatchObject({ status: 403 });
		expect(admit('facilitator', `/collab/sprints/${w.otherSprintId}/rulesets/${made.value.id}`)).toMatchObject({ status: 404 });
		expect(admit('partner', `/collab/sprints/${w.otherSprintId}/rulesets/${made.value.id}`)).toMatchObject({ status: 403 });
		const revalidate = createRevalidate(w.db);
		const writing = admit('partner') as Admission;
		expect(moveStatus(w.db, made.value.id, 'draft', 'in_review')).toBe(true);
		for (const who of ['facilitator', 'partner', 'observer']) expect(admit(who)).toMatchObject({ readOnly: true });
		expect(revalidate(writing)).toBe('access-changed');
		expect(moveStatus(w.db, made.value.id, 'in_review', 'published')).toBe(true);
		expect(admit('facilitator')).toMatchObject({ readOnly: true });
		expect(moveStatus(w.db, made.value.id, 'published', 'draft')).toBe(true);
		expect(revalidate(writing)).toBe('ok');
	});

	it('refuses reserved document kinds that do not exist yet (404)', () => {
		const rules = `/collab/sprints/${w.sprintId}/rulesets/${w.sprintId}`;
		expect(authenticate(request(rules, { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 404 });
	});

	it('admits a prototype of this sprint to its members, observers read-only; unknown or swapped ids 404', () => {
		const created = createPrototype(w.db, w.sprintId, insertUser(w.db, 'maker').id, { name: 'App', device: 'phone', audience: 'youth', template: 'blank' });
		if (!created.ok) throw new Error();
		const path = (sprintId: string, id: string) => `/collab/sprints/${sprintId}/prototypes/${id}`;
		const own = path(w.sprintId, created.value.id);
		for (const [who, readOnly] of [['facilitator', false], ['decider', false], ['partner', false], ['observer', true]] as const) {
			expect(authenticate(request(own, { origin: ORIGIN, cookie: cookie(who) }))).toMatchObject({ readOnly });
		}
		expect(authenticate(request(own, { origin: ORIGIN, cookie: cookie('otherCoalition') }))).toMatchObject({ status: 403 });
		expect(authenticate(request(own, { origin: ORIGIN }))).toMatchObject({ status: 401 });
		expect(authenticate(request(path(w.sprintId, w.sprintId), { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 404 });
		expect(authenticate(request(path(w.otherSprintId, created.value.id), { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 404 });
	});

	it("takes the presence name and organisation from the account, not the client", () => {
		const verdict = authenticate(request(brief, { origin: ORIGIN, cookie: cookie('partner') }));
		expect(verdict).toMatchObject({ presence: { name: 'partner', organisation: '' } });
	});

	it('refuses malformed document names before looking at anything else (400)', () => {
		for (const path of ['/collab/sprints/../../etc/passwd', '/collab/%E0%A4%A', `/collab/sprints/${w.sprintId}/brief/x`, '/collab/']) {
			expect(authenticate(request(path, { origin: ORIGIN, cookie: cookie('facilitator') }))).toMatchObject({ status: 400 });
		}
	});

	it('revalidates open connections: an ended session, a lost membership', () => {
		const revalidate = createRevalidate(w.db);
		const admitted = authenticate(request(brief, { origin: ORIGIN, cookie: cookie('decider') })) as Admission;
		expect(revalidate(admitted)).toBe('ok');
		// Rights that differ from what the person would get now, either way, mean a reconnect.
		expect(revalidate({ ...admitted, readOnly: true })).toBe('access-changed');
		expect(revalidate({ ...admitted, role: 'partner' })).toBe('access-changed');
		removeSprintMember(w.db, w.sprintId, admitted.userId);
		expect(revalidate(admitted)).toBe('access-changed');
		invalidateSession(w.db, admitted.sessionId);
		expect(revalidate(admitted)).toBe('session-ended');
	});
});

describe('private notes admission', () => {
	const w = world();
	const authenticate = createAuthenticate(w.db, '');
	const cookie = (who: string) => `${SESSION_COOKIE}=${w.people[who]}`;
	const as = (who: string, path: string) => authenticate(request(path, { origin: ORIGIN, cookie: cookie(who) }));
	const idOf = (who: string) => (as(who, `/collab/sprints/${w.sprintId}/brief`) as Admission).userId;
	const created = createBoard(w.db, w.sprintId, idOf('facilitator'), 'Kaart');
	if (!created.ok) throw new Error();
	const boardId = created.value.id;
	const path = (owner: string, board = boardId, sprintId = w.sprintId) => `/collab/sprints/${sprintId}/boards/${board}/private/${idOf(owner)}`;

	it('admits the owner, writing, on a board of the sprint', () => {
		for (const who of ['partner', 'facilitator']) {
			expect(as(who, path(who))).toMatchObject({ docName: path(who).slice('/collab/'.length), userId: idOf(who), readOnly: false });
		}
	});

	it('refuses everyone else, the facilitator included (403)', () => {
		expect(as('decider', path('partner'))).toMatchObject({ status: 403 });
		expect(as('facilitator', path('partner'))).toMatchObject({ status: 403 });
		expect(as('partner', path('facilitator'))).toMatchObject({ status: 403 });
		expect(as('otherCoalition', path('partner'))).toMatchObject({ status: 403 });
	});

	it('refuses observers, even for their own name (they write nothing)', () => {
		expect(as('observer', path('observer'))).toMatchObject({ status: 403 });
	});

	it('refuses a board that is not in the sprint (404), and a sprint the owner is not in (403)', () => {
		expect(as('partner', path('partner', w.sprintId))).toMatchObject({ status: 404 });
		expect(as('facilitator', path('facilitator', boardId, w.otherSprintId))).toMatchObject({ status: 404 });
		expect(as('partner', path('partner', boardId, w.otherSprintId))).toMatchObject({ status: 403 });
	});

	it('serves it read-only once the board is archived', () => {
		const old = createBoard(w.db, w.sprintId, idOf('facilitator'), 'Oud');
		if (!old.ok) throw new Error();
		setBoardArchived(w.db, w.sprintId, old.value.id, true);
		expect(as('partner', path('partner', old.value.id))).toMatchObject({ readOnly: true });
	});

	it('closes an open private connection when its owner becomes an observer', () => {
		const admitted = as('partner', path('partner')) as Admission;
		const revalidate = createRevalidate(w.db);
		expect(revalidate(admitted)).toBe('ok');
		setSprintMember(w.db, w.sprintId, admitted.userId, 'observer');
		expect(revalidate(admitted)).toBe('access-changed');
	});
});

describe('take control', () => {
	const w = world();
	const authenticate = createAuthenticate(w.db, '');
	const revalidate = createRevalidate(w.db);
	const as = (who: string, path: string) => authenticate(request(path, { origin: ORIGIN, cookie: `${SESSION_COOKIE}=${w.people[who]}` })) as Admission;
	const idOf = (who: string) => as(who, `/collab/sprints/${w.sprintId}/brief`).userId;
	const board = createBoard(w.db, w.sprintId, idOf('facilitator'), 'Kaart');
	const prototype = createPrototype(w.db, w.sprintId, idOf('facilitator'), { name: 'App', device: 'phone', audience: 'youth', template: 'blank' });
	const ruleSet = createRuleSet(w.db, w.sprintId, { id: idOf('facilitator'), name: 'F' }, 'Signalen');
	if (!board.ok || !prototype.ok || !ruleSet.ok) throw new Error('no documents');
	const shared = {
		brief: `/collab/sprints/${w.sprintId}/brief`,
		board: `/collab/sprints/${w.sprintId}/boards/${board.value.id}`,
		prototype: `/collab/sprints/${w.sprintId}/prototypes/${prototype.value.id}`,
		ruleSet: `/collab/sprints/${w.sprintId}/rulesets/${ruleSet.value.id}`
	};
	const writers = ['facilitator', 'decider', 'partner'] as const;

	it('makes every shared document read-only for all but facilitators while it lasts, and writable again after', () => {
		const before = Object.fromEntries(writers.map((who) => [who, Object.values(shared).map((path) => as(who, path))]));
		for (const who of writers) for (const admission of before[who]) expect(admission.readOnly).toBe(false);

		const now = Date.now();
		expect(takeControl(w.db, w.sprintId, idOf('facilitator'), 5, now)).toEqual({ ok: true, value: { until: now + 5 * 60_000 } });
		for (const path of Object.values(shared)) {
			expect(as('facilitator', path)).toMatchObject({ readOnly: false });
			expect(as('decider', path)).toMatchObject({ readOnly: true });
			expect(as('partner', path)).toMatchObject({ readOnly: true });
			expect(as('observer', path)).toMatchObject({ readOnly: true });
		}
		// Open connections: the decider and partners reconnect read-only; the facilitator stays.
		for (const admission of before.facilitator) expect(revalidate(admission)).toBe('ok');
		for (const admission of [...before.decider, ...before.partner]) expect(revalidate(admission)).toBe('access-changed');

		expect(releaseControl(w.db, w.sprintId)).toBe(true);
		for (const admission of [...before.decider, ...before.partner]) expect(revalidate(admission)).toBe('ok');
		expect(as('partner', shared.board)).toMatchObject({ readOnly: false });
	});

	it('ends by itself when its time is up', () => {
		takeControl(w.db, w.sprintId, idOf('facilitator'), 1, Date.now() - 60_001);
		expect(as('partner', shared.brief)).toMatchObject({ readOnly: false });
		expect(releaseControl(w.db, w.sprintId)).toBe(false);
	});

	it('leaves the control document and one\'s own private notes as they were', () => {
		takeControl(w.db, w.sprintId, idOf('facilitator'), 5);
		expect(as('facilitator', `/collab/sprints/${w.sprintId}/control`)).toMatchObject({ readOnly: false });
		expect(as('partner', `/collab/sprints/${w.sprintId}/control`)).toMatchObject({ readOnly: true });
		const mine = `/collab/sprints/${w.sprintId}/boards/${board.value.id}/private/${idOf('partner')}`;
		expect(as('partner', mine)).toMatchObject({ readOnly: false });
		releaseControl(w.db, w.sprintId);
	});

	it('refuses a length outside 1 to 60 whole minutes, changing nothing', () => {
		for (const minutes of [0, 61, 1.5, -3, Number.NaN]) {
			expect(takeControl(w.db, w.sprintId, idOf('facilitator'), minutes)).toEqual({ ok: false, error: 'facil_error_takeover_minutes' });
		}
		expect(takeoverUntil(w.db, w.sprintId)).toBeNull();
	});
});

/** Admission to a person's private notes on a board: theirs alone, on a board of the sprint. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../auth/session';
import { createCoalition } from '../coalitions/service';
import { coalitionMembers } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint, setSprintMember } from '../sprints/service';
import { createBoard, setBoardArchived } from '../boards/service';
import { createAuthenticate, createRevalidate } from './authorize';
import type { Admission } from './types';

const HOST = 'meedoen.test:3000';
const ORIGIN = `http://${HOST}`;

function world() {
	const db = testDb();
	const facilitator = insertUser(db, 'F');
	const coalition = createCoalition(db, facilitator.id, 'C1');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, facilitator.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	const other = createSprint(db, facilitator.id, { title: 'S2', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok || !other.ok) throw new Error();
	const users: Record<string, { id: string; token: string }> = { facilitator: { id: facilitator.id, token: createSession(db, facilitator.id).token } };
	for (const role of ['partner', 'partner2', 'observer'] as const) {
		const user = insertUser(db, role);
		db.insert(coalitionMembers).values({ coalitionId: coalition.value.id, userId: user.id, role: 'partner' }).run();
		expect(setSprintMember(db, sprint.value.id, user.id, role === 'partner2' ? 'partner' : role).ok).toBe(true);
		users[role] = { id: user.id, token: createSession(db, user.id).token };
	}
	const board = createBoard(db, sprint.value.id, facilitator.id, 'Kaart');
	if (!board.ok) throw new Error();
	return { db, users, sprintId: sprint.value.id, otherSprintId: other.value.id, boardId: board.value.id };
}

describe('private notes admission', () => {
	const w = world();
	const authenticate = createAuthenticate(w.db, '');
	const path = (owner: string, boardId = w.boardId, sprintId = w.sprintId) => `/collab/sprints/${sprintId}/boards/${boardId}/private/${owner}`;
	const as = (who: string, url: string) =>
		authenticate({ url, headers: { host: HOST, origin: ORIGIN, cookie: `${SESSION_COOKIE}=${w.users[who].token}` } } as unknown as IncomingMessage);

	it('admits the owner, writing, on a board of the sprint', () => {
		for (const who of ['partner', 'facilitator']) {
			expect(as(who, path(w.users[who].id))).toMatchObject({ docName: path(w.users[who].id).slice('/collab/'.length), userId: w.users[who].id, readOnly: false });
		}
	});

	it("refuses everyone else, the facilitator included (403)", () => {
		expect(as('partner2', path(w.users.partner.id))).toMatchObject({ status: 403 });
		expect(as('facilitator', path(w.users.partner.id))).toMatchObject({ status: 403 });
		expect(as('partner', path(w.users.facilitator.id))).toMatchObject({ status: 403 });
	});

	it('refuses observers, even for their own name (they write nothing)', () => {
		expect(as('observer', path(w.users.observer.id))).toMatchObject({ status: 403 });
	});

	it('refuses a board that is not in the sprint (404), and a sprint the owner is not in (403)', () => {
		expect(as('partner', path(w.users.partner.id, w.sprintId))).toMatchObject({ status: 404 });
		expect(as('facilitator', path(w.users.facilitator.id, w.boardId, w.otherSprintId))).toMatchObject({ status: 404 });
		expect(as('partner', path(w.users.partner.id, w.boardId, w.otherSprintId))).toMatchObject({ status: 403 });
	});

	it('serves it read-only once the board is archived', () => {
		const board = createBoard(w.db, w.sprintId, w.users.facilitator.id, 'Oud');
		if (!board.ok) throw new Error();
		setBoardArchived(w.db, w.sprintId, board.value.id, true);
		expect(as('partner', path(w.users.partner.id, board.value.id))).toMatchObject({ readOnly: true });
	});

	it('closes an open private connection when its owner becomes an observer', () => {
		const admitted = as('partner2', path(w.users.partner2.id)) as Admission;
		const revalidate = createRevalidate(w.db);
		expect(revalidate(admitted)).toBe('ok');
		setSprintMember(w.db, w.sprintId, w.users.partner2.id, 'observer');
		expect(revalidate(admitted)).toBe('access-changed');
	});
});

import { describe, expect, it } from 'vitest';
import { createCoalition } from '../coalitions/service';
import { coalitionMembers } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint, setSprintMember } from '../sprints/service';
import { listNotifications, markRead, notify, unreadCount } from './service';

function setup() {
	const db = testDb();
	const facilitator = insertUser(db, 'Fenna');
	const partner = insertUser(db, 'Pim');
	const observer = insertUser(db, 'Otto');
	const outsider = insertUser(db, 'Xander');
	const coalition = createCoalition(db, facilitator.id, 'C');
	if (!coalition.ok) throw new Error();
	for (const user of [partner, observer]) db.insert(coalitionMembers).values({ coalitionId: coalition.value.id, userId: user.id, role: 'partner' }).run();
	const sprint = createSprint(db, facilitator.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	setSprintMember(db, sprint.value.id, partner.id, 'partner');
	setSprintMember(db, sprint.value.id, observer.id, 'observer');
	return { db, facilitator, partner, observer, outsider, sprintId: sprint.value.id, coalitionId: coalition.value.id };
}

describe('notifications', () => {
	it('reach the sprint\'s members (or only some roles), not the one who acted, and nobody outside', () => {
		const w = setup();
		expect(notify(w.db, { sprintId: w.sprintId, kind: 'round_opened', params: { round: 'Oost' }, href: `/sprints/${w.sprintId}/tests/x`, exceptUserId: w.facilitator.id })).toBe(2);
		expect(notify(w.db, { sprintId: w.sprintId, roles: ['facilitator'], kind: 'crisis_alert', params: { round: 'Oost' }, href: `/sprints/${w.sprintId}/tests/x` })).toBe(1);
		expect(unreadCount(w.db, w.facilitator.id)).toBe(1);
		expect(listNotifications(w.db, w.facilitator.id)[0]).toMatchObject({ kind: 'crisis_alert', params: { round: 'Oost' } });
		expect(unreadCount(w.db, w.partner.id)).toBe(1);
		expect(listNotifications(w.db, w.partner.id).map((n) => n.kind)).toEqual(['round_opened']);
		expect(unreadCount(w.db, w.outsider.id)).toBe(0);
	});

	it('reach a coalition\'s coordinators for an approval', () => {
		const w = setup();
		expect(notify(w.db, { coalitionId: w.coalitionId, coalitionRoles: ['coordinator'], kind: 'approval_requested', params: { title: 'Regelset school' }, href: `/coalitions/${w.coalitionId}` })).toBe(1);
		expect(unreadCount(w.db, w.facilitator.id)).toBe(1);
		expect(unreadCount(w.db, w.partner.id)).toBe(0);
	});

	it('are marked read one by one or all at once, only one\'s own', () => {
		const w = setup();
		notify(w.db, { sprintId: w.sprintId, kind: 'round_opened', href: '/x' });
		notify(w.db, { sprintId: w.sprintId, kind: 'round_closed', href: '/x' });
		const [first] = listNotifications(w.db, w.partner.id);
		expect(markRead(w.db, w.observer.id, first.id)).toBe(0);
		expect(markRead(w.db, w.partner.id, first.id)).toBe(1);
		expect(unreadCount(w.db, w.partner.id)).toBe(1);
		expect(markRead(w.db, w.partner.id)).toBe(1);
		expect(unreadCount(w.db, w.partner.id)).toBe(0);
		expect(unreadCount(w.db, w.observer.id)).toBe(2);
	});

	it('never link out of the app', () => {
		const w = setup();
		expect(() => notify(w.db, { sprintId: w.sprintId, kind: 'round_opened', href: 'https://evil.example' })).toThrow();
		expect(() => notify(w.db, { sprintId: w.sprintId, kind: 'round_opened', href: '//evil.example' })).toThrow();
	});
});

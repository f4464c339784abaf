import { describe, expect, it } from 'vitest';
import { createCoalition, createInvite, acceptInvite } from '../coalitions/service';
import { sprints } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint, isIsoDate, listCoalitionSprints, listMySprints, removeSprintMember, setSprintMember, sprintRole } from './service';

function setup() {
	const db = testDb();
	const coordinator = insertUser(db, 'C');
	const coalition = createCoalition(db, coordinator.id, 'Coalitie');
	if (!coalition.ok) throw new Error();
	const partner = insertUser(db, 'P');
	const invite = createInvite(db, coalition.value.id, coordinator.id, 'partner', '');
	if (!invite.ok) throw new Error();
	acceptInvite(db, invite.value.token, partner.id);
	return { db, coordinator, partner, coalitionId: coalition.value.id };
}

const form = (coalitionId: string, over: Record<string, unknown> = {}) => ({ title: 'Sociale uitsluiting voorkomen', coalitionId, startDate: '2026-12-07', days: '5', ...over });

describe('sprints', () => {
	it('are created by a coordinator, who becomes facilitator', () => {
		const { db, coordinator, coalitionId } = setup();
		const created = createSprint(db, coordinator.id, form(coalitionId));
		if (!created.ok) throw new Error(created.error);
		expect(sprintRole(db, coordinator.id, created.value.id)).toBe('facilitator');
		expect(listMySprints(db, coordinator.id)[0]).toMatchObject({ title: 'Sociale uitsluiting voorkomen', days: 5, role: 'facilitator' });
	});

	it.each([
		[{ title: ' ' }, 'error_title_required'],
		[{ startDate: '2026-02-30' }, 'error_date_invalid'],
		[{ startDate: '07-12-2026' }, 'error_date_invalid'],
		[{ days: '0' }, 'error_days_invalid'],
		[{ days: '6' }, 'error_days_invalid'],
		[{ days: '2.5' }, 'error_days_invalid'],
		[{ days: 'vijf' }, 'error_days_invalid']
	])('refuses %o with %s and saves nothing', (over, error) => {
		const { db, coordinator, coalitionId } = setup();
		expect(createSprint(db, coordinator.id, form(coalitionId, over))).toMatchObject({ ok: false, error });
		expect(db.select().from(sprints).all()).toHaveLength(0);
	});

	it('refuses a partner, or a coalition one does not coordinate', () => {
		const { db, coordinator, partner, coalitionId } = setup();
		expect(createSprint(db, partner.id, form(coalitionId))).toMatchObject({ error: 'error_coalition_not_coordinator' });
		const stranger = insertUser(db);
		const own = createCoalition(db, stranger.id, 'Own');
		if (!own.ok) throw new Error();
		expect(createSprint(db, coordinator.id, form(own.value.id))).toMatchObject({ error: 'error_coalition_not_coordinator' });
	});

	it('takes members from its coalition only, and always keeps a facilitator', () => {
		const { db, coordinator, partner, coalitionId } = setup();
		const created = createSprint(db, coordinator.id, form(coalitionId));
		if (!created.ok) throw new Error();
		const sprintId = created.value.id;
		expect(setSprintMember(db, sprintId, partner.id, 'observer').ok).toBe(true);
		expect(sprintRole(db, partner.id, sprintId)).toBe('observer');
		expect(setSprintMember(db, sprintId, partner.id, 'decider').ok).toBe(true);
		expect(sprintRole(db, partner.id, sprintId)).toBe('decider');
		expect(setSprintMember(db, sprintId, partner.id, 'king')).toMatchObject({ error: 'error_role_invalid' });
		expect(setSprintMember(db, sprintId, insertUser(db).id, 'partner')).toMatchObject({ error: 'error_member_not_in_coalition' });
		expect(setSprintMember(db, sprintId, coordinator.id, 'partner')).toMatchObject({ error: 'error_last_facilitator' });
		expect(removeSprintMember(db, sprintId, coordinator.id)).toMatchObject({ error: 'error_last_facilitator' });
		expect(removeSprintMember(db, sprintId, partner.id).ok).toBe(true);
		expect(sprintRole(db, partner.id, sprintId)).toBeNull();
	});

	it("lists a coalition's sprints with the viewer's role, null where they are not in it", () => {
		const { db, coordinator, partner, coalitionId } = setup();
		const created = createSprint(db, coordinator.id, form(coalitionId));
		if (!created.ok) throw new Error();
		expect(listCoalitionSprints(db, coalitionId, coordinator.id)).toMatchObject([{ id: created.value.id, role: 'facilitator' }]);
		expect(listCoalitionSprints(db, coalitionId, partner.id)).toMatchObject([{ id: created.value.id, role: null }]);
	});

	it('checks calendar dates', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('2026-13-01')).toBe(false);
	});
});

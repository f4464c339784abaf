import { describe, expect, it } from 'vitest';
import { coalitionMembers, invites, organisations } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { acceptInvite, addOrganisation, coalitionRole, createCoalition, createInvite, INVITE_TTL, listMyCoalitions, previewInvite } from './service';

function setup() {
	const db = testDb();
	const coordinator = insertUser(db, 'Coördinator');
	const created = createCoalition(db, coordinator.id, '  Coalitie   Human Driven Data ');
	if (!created.ok) throw new Error('setup');
	return { db, coordinator, coalitionId: created.value.id };
}

describe('coalitions', () => {
	it('makes the creator coordinator and tidies the name', () => {
		const { db, coordinator, coalitionId } = setup();
		expect(coalitionRole(db, coordinator.id, coalitionId)).toBe('coordinator');
		expect(listMyCoalitions(db, coordinator.id)).toEqual([{ id: coalitionId, name: 'Coalitie Human Driven Data', role: 'coordinator' }]);
	});

	it('refuses an empty or too long name and creates nothing', () => {
		const db = testDb();
		const user = insertUser(db);
		expect(createCoalition(db, user.id, '   ')).toMatchObject({ ok: false, error: 'error_name_required' });
		expect(createCoalition(db, user.id, 'x'.repeat(121))).toMatchObject({ ok: false, error: 'error_name_too_long' });
		expect(db.select().from(coalitionMembers).all()).toHaveLength(0);
	});

	it('adds organisations of a known kind, once per name', () => {
		const { db, coalitionId } = setup();
		expect(addOrganisation(db, coalitionId, 'GGD Brabant-Zuidoost', 'health').ok).toBe(true);
		expect(addOrganisation(db, coalitionId, 'ggd brabant-zuidoost', 'health')).toMatchObject({ error: 'error_organisation_exists' });
		expect(addOrganisation(db, coalitionId, 'X', 'police')).toMatchObject({ error: 'error_kind_invalid' });
		expect(db.select().from(organisations).all()).toHaveLength(1);
	});
});

describe('invites', () => {
	it('lets someone join once with the role and organisation of the invite', () => {
		const { db, coordinator, coalitionId } = setup();
		const org = addOrganisation(db, coalitionId, 'Fontys', 'education');
		if (!org.ok) throw new Error();
		const invite = createInvite(db, coalitionId, coordinator.id, 'partner', org.value.id);
		if (!invite.ok) throw new Error();
		const joiner = insertUser(db, 'Joiner');
		// The link says for which organisation.
		expect(previewInvite(db, invite.value.token)).toMatchObject({ ok: true, value: { role: 'partner', organisationName: 'Fontys' } });
		expect(acceptInvite(db, invite.value.token, joiner.id)).toEqual({ ok: true, value: { coalitionId } });
		// Opened again by the one who used it: they are a member; anyone else: used.
		expect(previewInvite(db, invite.value.token, Date.now(), joiner.id)).toMatchObject({ ok: false, error: 'error_invite_already_member' });
		expect(coalitionRole(db, joiner.id, coalitionId)).toBe('partner');
		const second = insertUser(db, 'Second');
		expect(acceptInvite(db, invite.value.token, second.id)).toMatchObject({ ok: false, error: 'error_invite_used' });
		expect(coalitionRole(db, second.id, coalitionId)).toBeNull();
	});

	it('stores only a hash of the link token', () => {
		const { db, coordinator, coalitionId } = setup();
		const invite = createInvite(db, coalitionId, coordinator.id, 'coordinator', '');
		if (!invite.ok) throw new Error();
		expect(JSON.stringify(db.select().from(invites).all())).not.toContain(invite.value.token);
	});

	it('expires after 7 days', () => {
		const { db, coordinator, coalitionId } = setup();
		const t0 = Date.now();
		const invite = createInvite(db, coalitionId, coordinator.id, 'partner', '', t0);
		if (!invite.ok) throw new Error();
		const joiner = insertUser(db);
		expect(acceptInvite(db, invite.value.token, joiner.id, t0 + INVITE_TTL + 1)).toMatchObject({ error: 'error_invite_expired' });
		expect(acceptInvite(db, invite.value.token, joiner.id, t0 + INVITE_TTL - 1000).ok).toBe(true);
	});

	it('refuses an unknown token, a bad role and an organisation of another coalition', () => {
		const { db, coordinator, coalitionId } = setup();
		const other = createCoalition(db, coordinator.id, 'Other');
		if (!other.ok) throw new Error();
		const foreignOrg = addOrganisation(db, other.value.id, 'Elders', 'other');
		if (!foreignOrg.ok) throw new Error();
		expect(acceptInvite(db, 'nope', coordinator.id)).toMatchObject({ error: 'error_invite_invalid' });
		expect(createInvite(db, coalitionId, coordinator.id, 'admin', '')).toMatchObject({ error: 'error_role_invalid' });
		expect(createInvite(db, coalitionId, coordinator.id, 'partner', foreignOrg.value.id)).toMatchObject({ error: 'error_organisation_invalid' });
		expect(db.select().from(invites).all()).toHaveLength(0);
	});

	it('does not spend an invite on someone who is already a member', () => {
		const { db, coordinator, coalitionId } = setup();
		const invite = createInvite(db, coalitionId, coordinator.id, 'partner', '');
		if (!invite.ok) throw new Error();
		expect(acceptInvite(db, invite.value.token, coordinator.id)).toMatchObject({ error: 'error_invite_already_member' });
		expect(acceptInvite(db, invite.value.token, insertUser(db).id).ok).toBe(true);
	});
});

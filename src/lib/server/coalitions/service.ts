import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { DB } from '../db';
import {
	coalitionMembers,
	coalitions,
	COALITION_ROLES,
	invites,
	ORGANISATION_KINDS,
	organisations,
	users,
	type CoalitionRole,
	type OrganisationKind
} from '../db/schema';
import { newId, newSecret } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';

export const INVITE_TTL = 7 * 24 * 60 * 60 * 1000;
const NAME_MAX = 120;

export function coalitionRole(db: DB, userId: string, coalitionId: string): CoalitionRole | null {
	const row = db
		.select({ role: coalitionMembers.role })
		.from(coalitionMembers)
		.where(and(eq(coalitionMembers.coalitionId, coalitionId), eq(coalitionMembers.userId, userId)))
		.get();
	return row?.role ?? null;
}

export function createCoalition(db: DB, userId: string, rawName: unknown): Result<{ id: string }> {
	const name = oneLine(rawName);
	if (!name) return fail('error_name_required', 'name');
	if (name.length > NAME_MAX) return fail('error_name_too_long', 'name');
	const id = newId();
	db.transaction((tx) => {
		tx.insert(coalitions).values({ id, name }).run();
		tx.insert(coalitionMembers).values({ coalitionId: id, userId, role: 'coordinator' }).run();
	});
	return ok({ id });
}

export function listMyCoalitions(db: DB, userId: string) {
	return db
		.select({ id: coalitions.id, name: coalitions.name, role: coalitionMembers.role })
		.from(coalitionMembers)
		.innerJoin(coalitions, eq(coalitions.id, coalitionMembers.coalitionId))
		.where(eq(coalitionMembers.userId, userId))
		.orderBy(asc(coalitions.name))
		.all();
}

export function getCoalition(db: DB, coalitionId: string) {
	return db.select().from(coalitions).where(eq(coalitions.id, coalitionId)).get() ?? null;
}

export function listOrganisations(db: DB, coalitionId: string) {
	return db
		.select()
		.from(organisations)
		.where(eq(organisations.coalitionId, coalitionId))
		.orderBy(asc(organisations.name))
		.all();
}

export function listCoalitionMembers(db: DB, coalitionId: string) {
	return db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			role: coalitionMembers.role,
			organisationId: coalitionMembers.organisationId,
			organisationName: organisations.name
		})
		.from(coalitionMembers)
		.innerJoin(users, eq(users.id, coalitionMembers.userId))
		.leftJoin(organisations, eq(organisations.id, coalitionMembers.organisationId))
		.where(eq(coalitionMembers.coalitionId, coalitionId))
		.orderBy(asc(users.name))
		.all();
}

export function addOrganisation(db: DB, coalitionId: string, rawName: unknown, rawKind: unknown): Result<{ id: string }> {
	const name = oneLine(rawName);
	if (!name) return fail('error_name_required', 'name');
	if (name.length > NAME_MAX) return fail('error_name_too_long', 'name');
	if (!ORGANISATION_KINDS.includes(rawKind as OrganisationKind)) return fail('error_kind_invalid', 'kind');
	const exists = listOrganisations(db, coalitionId).some((o) => o.name.toLowerCase() === name.toLowerCase());
	if (exists) return fail('error_organisation_exists', 'name');
	const id = newId();
	db.insert(organisations).values({ id, coalitionId, name, kind: rawKind as OrganisationKind }).run();
	return ok({ id });
}

function organisationInCoalition(db: DB, coalitionId: string, organisationId: string) {
	return !!db
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(eq(organisations.id, organisationId), eq(organisations.coalitionId, coalitionId)))
		.get();
}

function hashToken(token: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Creates a single-use invite; the returned token is shown once and only its hash is stored. */
export function createInvite(
	db: DB,
	coalitionId: string,
	createdBy: string,
	rawRole: unknown,
	rawOrganisationId: unknown,
	now = Date.now()
): Result<{ token: string; expiresAt: Date }> {
	if (!COALITION_ROLES.includes(rawRole as CoalitionRole)) return fail('error_role_invalid', 'role');
	const organisationId = typeof rawOrganisationId === 'string' && rawOrganisationId ? rawOrganisationId : null;
	if (organisationId && !organisationInCoalition(db, coalitionId, organisationId)) {
		return fail('error_organisation_invalid', 'organisationId');
	}
	const token = newSecret(20);
	const expiresAt = new Date(now + INVITE_TTL);
	db.insert(invites)
		.values({ id: newId(), tokenHash: hashToken(token), coalitionId, role: rawRole as CoalitionRole, organisationId, createdBy, expiresAt })
		.run();
	return ok({ token, expiresAt });
}

export function listOpenInvites(db: DB, coalitionId: string, now = Date.now()) {
	return db
		.select({ id: invites.id, role: invites.role, organisationName: organisations.name, expiresAt: invites.expiresAt })
		.from(invites)
		.leftJoin(organisations, eq(organisations.id, invites.organisationId))
		.where(and(eq(invites.coalitionId, coalitionId), isNull(invites.usedAt), gt(invites.expiresAt, new Date(now))))
		.orderBy(asc(invites.expiresAt))
		.all();
}

export function revokeInvite(db: DB, coalitionId: string, inviteId: string) {
	db.delete(invites).where(and(eq(invites.id, inviteId), eq(invites.coalitionId, coalitionId), isNull(invites.usedAt))).run();
}

/** What an invite offers, for the page that asks to accept it. */
/**
 * What an invite link offers (coalition, role, organisation), if it can still be used. `userId`:
 * the person looking, who is told they are a member already when the link was theirs.
 */
export function previewInvite(db: DB, token: string, now = Date.now(), userId?: string) {
	const row = db
		.select({ id: invites.id, coalitionId: invites.coalitionId, coalitionName: coalitions.name, role: invites.role, organisationName: organisations.name, usedAt: invites.usedAt, usedBy: invites.usedBy, expiresAt: invites.expiresAt })
		.from(invites)
		.innerJoin(coalitions, eq(coalitions.id, invites.coalitionId))
		.leftJoin(organisations, eq(organisations.id, invites.organisationId))
		.where(eq(invites.tokenHash, hashToken(token)))
		.get();
	if (!row) return fail('error_invite_invalid');
	if (row.usedAt) return fail(userId && row.usedBy === userId ? 'error_invite_already_member' : 'error_invite_used');
	if (row.expiresAt.getTime() <= now) return fail('error_invite_expired');
	return ok(row);
}

/** Accepts an invite: single use, checked and consumed in one transaction. */
export function acceptInvite(db: DB, token: string, userId: string, now = Date.now()): Result<{ coalitionId: string }> {
	return db.transaction((tx) => {
		const found = previewInvite(tx as unknown as DB, token, now);
		if (!found.ok) return found;
		const invite = tx.select().from(invites).where(eq(invites.id, found.value.id)).get()!;
		if (coalitionRole(tx as unknown as DB, userId, invite.coalitionId)) return fail('error_invite_already_member');
		const consumed = tx
			.update(invites)
			.set({ usedAt: new Date(now), usedBy: userId })
			.where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
			.run();
		if (consumed.changes !== 1) return fail('error_invite_used');
		tx.insert(coalitionMembers)
			.values({ coalitionId: invite.coalitionId, userId, role: invite.role, organisationId: invite.organisationId })
			.run();
		return ok({ coalitionId: invite.coalitionId });
	});
}

export const RETENTION_MIN_DAYS = 7;
export const RETENTION_MAX_DAYS = 365;

/**
 * How long young people's free texts are kept before their text is emptied (the counts stay). A
 * coordinator's choice, within a week and a year: shorter than a week leaves no time to read them.
 */
export function setRetentionDays(db: DB, coalitionId: string, raw: unknown): Result<null> {
	const days = typeof raw === 'string' && /^\d{1,4}$/.test(raw.trim()) ? Number(raw) : typeof raw === 'number' ? raw : NaN;
	if (!Number.isInteger(days) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) return fail('error_retention_days', 'retentionDays');
	const changed = db.update(coalitions).set({ retentionDays: days }).where(eq(coalitions.id, coalitionId)).run();
	return changed.changes ? ok(null) : fail('error_not_found');
}

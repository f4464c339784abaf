import { and, asc, desc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { coalitionMembers, coalitions, organisations, SPRINT_ROLES, sprintMembers, sprints, users, type SprintRole } from '../db/schema';
import { coalitionRole } from '../coalitions/service';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';

const TITLE_MAX = 160;

export function sprintRole(db: DB, userId: string, sprintId: string): SprintRole | null {
	const row = db
		.select({ role: sprintMembers.role })
		.from(sprintMembers)
		.where(and(eq(sprintMembers.sprintId, sprintId), eq(sprintMembers.userId, userId)))
		.get();
	return row?.role ?? null;
}

/** A real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(value + 'T00:00:00Z');
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The organisation a sprint member belongs to in the sprint's coalition ('' when none). */
export function memberOrganisation(db: DB, userId: string, sprintId: string): string {
	const row = db
		.select({ name: organisations.name })
		.from(sprints)
		.innerJoin(coalitionMembers, and(eq(coalitionMembers.coalitionId, sprints.coalitionId), eq(coalitionMembers.userId, userId)))
		.innerJoin(organisations, eq(organisations.id, coalitionMembers.organisationId))
		.where(eq(sprints.id, sprintId))
		.get();
	return row?.name ?? '';
}

export function createSprint(
	db: DB,
	userId: string,
	form: { title?: unknown; coalitionId?: unknown; startDate?: unknown; days?: unknown }
): Result<{ id: string }> {
	const title = oneLine(form.title);
	const coalitionId = typeof form.coalitionId === 'string' ? form.coalitionId : '';
	const startDate = typeof form.startDate === 'string' ? form.startDate.trim() : '';
	const days = typeof form.days === 'string' || typeof form.days === 'number' ? Number(form.days) : NaN;
	if (!title) return fail('error_title_required', 'title');
	if (title.length > TITLE_MAX) return fail('error_title_too_long', 'title');
	if (coalitionRole(db, userId, coalitionId) !== 'coordinator') return fail('error_coalition_not_coordinator', 'coalitionId');
	if (!isIsoDate(startDate)) return fail('error_date_invalid', 'startDate');
	if (!Number.isInteger(days) || days < 1 || days > 5) return fail('error_days_invalid', 'days');
	const id = newId();
	db.transaction((tx) => {
		tx.insert(sprints).values({ id, coalitionId, title, startDate, days, createdBy: userId }).run();
		tx.insert(sprintMembers).values({ sprintId: id, userId, role: 'facilitator' }).run();
	});
	return ok({ id });
}

export function getSprint(db: DB, sprintId: string) {
	return (
		db
			.select({ id: sprints.id, title: sprints.title, startDate: sprints.startDate, days: sprints.days, coalitionId: sprints.coalitionId, coalitionName: coalitions.name })
			.from(sprints)
			.innerJoin(coalitions, eq(coalitions.id, sprints.coalitionId))
			.where(eq(sprints.id, sprintId))
			.get() ?? null
	);
}

export function listMySprints(db: DB, userId: string) {
	return db
		.select({ id: sprints.id, title: sprints.title, startDate: sprints.startDate, days: sprints.days, role: sprintMembers.role, coalitionName: coalitions.name })
		.from(sprintMembers)
		.innerJoin(sprints, eq(sprints.id, sprintMembers.sprintId))
		.innerJoin(coalitions, eq(coalitions.id, sprints.coalitionId))
		.where(eq(sprintMembers.userId, userId))
		.orderBy(desc(sprints.startDate))
		.all();
}

/** A coalition's sprints with the viewer's role in each (null: not in it, so no link). */
export function listCoalitionSprints(db: DB, coalitionId: string, userId: string) {
	return db
		.select({ id: sprints.id, title: sprints.title, startDate: sprints.startDate, days: sprints.days, role: sprintMembers.role })
		.from(sprints)
		.leftJoin(sprintMembers, and(eq(sprintMembers.sprintId, sprints.id), eq(sprintMembers.userId, userId)))
		.where(eq(sprints.coalitionId, coalitionId))
		.orderBy(desc(sprints.startDate))
		.all();
}

export function listSprintMembers(db: DB, sprintId: string) {
	return db
		.select({ userId: users.id, name: users.name, role: sprintMembers.role, organisationName: organisations.name, organisationId: organisations.id })
		.from(sprintMembers)
		.innerJoin(sprints, eq(sprints.id, sprintMembers.sprintId))
		.innerJoin(users, eq(users.id, sprintMembers.userId))
		.leftJoin(coalitionMembers, and(eq(coalitionMembers.userId, users.id), eq(coalitionMembers.coalitionId, sprints.coalitionId)))
		.leftJoin(organisations, eq(organisations.id, coalitionMembers.organisationId))
		.where(eq(sprintMembers.sprintId, sprintId))
		.orderBy(asc(users.name))
		.all();
}

/** Adds a member of the sprint's coalition, or changes their role. */
export function setSprintMember(db: DB, sprintId: string, rawUserId: unknown, rawRole: unknown): Result<null> {
	const sprint = getSprint(db, sprintId);
	if (!sprint) return fail('error_not_found');
	if (!SPRINT_ROLES.includes(rawRole as SprintRole)) return fail('error_role_invalid', 'role');
	const userId = typeof rawUserId === 'string' ? rawUserId : '';
	if (!coalitionRole(db, userId, sprint.coalitionId)) return fail('error_member_not_in_coalition', 'userId');
	const role = rawRole as SprintRole;
	return db.transaction((tx) => {
		const current = sprintRole(tx as unknown as DB, userId, sprintId);
		if (current === 'facilitator' && role !== 'facilitator' && countFacilitators(tx as unknown as DB, sprintId) <= 1) {
			return fail('error_last_facilitator', 'role');
		}
		tx.insert(sprintMembers)
			.values({ sprintId, userId, role })
			.onConflictDoUpdate({ target: [sprintMembers.sprintId, sprintMembers.userId], set: { role } })
			.run();
		return ok(null);
	});
}

export function removeSprintMember(db: DB, sprintId: string, userId: string): Result<null> {
	return db.transaction((tx) => {
		const current = sprintRole(tx as unknown as DB, userId, sprintId);
		if (!current) return fail('error_not_found');
		if (current === 'facilitator' && countFacilitators(tx as unknown as DB, sprintId) <= 1) return fail('error_last_facilitator');
		tx.delete(sprintMembers).where(and(eq(sprintMembers.sprintId, sprintId), eq(sprintMembers.userId, userId))).run();
		return ok(null);
	});
}

function countFacilitators(db: DB, sprintId: string) {
	return db
		.select({ userId: sprintMembers.userId })
		.from(sprintMembers)
		.where(and(eq(sprintMembers.sprintId, sprintId), eq(sprintMembers.role, 'facilitator')))
		.all().length;
}

/**
 * In-app notifications (no e-mail server): one row per person, shown under the bell in the header.
 * Other parts call `notify` when something happens that people should know about; for example the
 * rules editor, when an approval is asked:
 *
 *   notify(db, { coalitionId, kind: 'approval_requested', params: { title }, href: `/coalitions/${coalitionId}/…`, coalitionRoles: ['coordinator'] });
 *
 * A notification says what happened and where to look, never who a young person is.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DB } from '../db';
import { coalitionMembers, notifications, sprintMembers, type CoalitionRole, type SprintRole } from '../db/schema';
import { newId } from '../ids';

export const NOTIFICATION_KINDS = ['round_opened', 'round_closed', 'approval_requested', 'crisis_alert'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotifyInput = {
	kind: NotificationKind;
	/** Everyone in this sprint (or those with `roles`)... */
	sprintId?: string;
	roles?: readonly SprintRole[];
	/** ...or everyone in this coalition (or those with `coalitionRoles`). */
	coalitionId?: string;
	coalitionRoles?: readonly CoalitionRole[];
	/** Values for the message (short texts and numbers, nothing personal). */
	params?: Record<string, string | number>;
	/** Where to look: a path inside the app. */
	href: string;
	/** The person who did it is not told about it. */
	exceptUserId?: string;
};

/** Sends a notification to the people it is for; returns how many. */
export function notify(db: DB, input: NotifyInput, now = Date.now()): number {
	if (!input.href.startsWith('/') || input.href.startsWith('//')) throw new Error('notify: href must be a path in the app');
	let userIds: string[] = [];
	if (input.sprintId) {
		userIds = db
			.select({ userId: sprintMembers.userId })
			.from(sprintMembers)
			.where(and(eq(sprintMembers.sprintId, input.sprintId), input.roles ? inArray(sprintMembers.role, [...input.roles]) : undefined))
			.all()
			.map((r) => r.userId);
	} else if (input.coalitionId) {
		userIds = db
			.select({ userId: coalitionMembers.userId })
			.from(coalitionMembers)
			.where(and(eq(coalitionMembers.coalitionId, input.coalitionId), input.coalitionRoles ? inArray(coalitionMembers.role, [...input.coalitionRoles]) : undefined))
			.all()
			.map((r) => r.userId);
	}
	const to = userIds.filter((id) => id !== input.exceptUserId);
	if (!to.length) return 0;
	db.insert(notifications)
		.values(to.map((userId) => ({ id: newId(), userId, sprintId: input.sprintId ?? null, coalitionId: input.coalitionId ?? null, kind: input.kind, params: input.params ?? {}, href: input.href, createdAt: new Date(now) })))
		.run();
	return to.length;
}

export function unreadCount(db: DB, userId: string): number {
	return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

export function listNotifications(db: DB, userId: string, limit = 50) {
	return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit).all();
}

/** Marks one (or, without an id, every) notification of this person read. */
export function markRead(db: DB, userId: string, id?: string, now = Date.now()): number {
	return db
		.update(notifications)
		.set({ readAt: new Date(now) })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
		.run().changes;
}

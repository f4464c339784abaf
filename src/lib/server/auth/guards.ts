/**
 * Authorisation in one place. Pages, form actions, endpoints and the realtime upgrade all ask here
 * (the upgrade through sprintRole). Unknown and foreign ids both answer 404, so ids reveal nothing.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { DB } from '../db';
import type { CoalitionRole, SprintRole } from '../db/schema';
import { coalitionRole } from '../coalitions/service';
import { sprintRole } from '../sprints/service';
import type { SessionUser } from './session';

export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

export function requireCoalition(db: DB, user: SessionUser, coalitionId: string, allowed?: readonly CoalitionRole[]): CoalitionRole {
	const role = coalitionRole(db, user.id, coalitionId);
	if (!role) error(404, 'Not found');
	if (allowed && !allowed.includes(role)) error(403, 'Forbidden');
	return role;
}

export function requireSprint(db: DB, user: SessionUser, sprintId: string, allowed?: readonly SprintRole[]): SprintRole {
	const role = sprintRole(db, user.id, sprintId);
	if (!role) error(404, 'Not found');
	if (allowed && !allowed.includes(role)) error(403, 'Forbidden');
	return role;
}

/** Everyone in the sprint except observers may change its content. */
export const SPRINT_EDITORS: readonly SprintRole[] = ['facilitator', 'decider', 'partner'];
export const canEdit = (role: SprintRole) => SPRINT_EDITORS.includes(role);

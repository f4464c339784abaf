/**
 * Who may reach a test round on the facilitator's side: every member of its sprint may look,
 * only the facilitator changes anything. A round id from another sprint answers 404, as an unknown one.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireSprint, requireUser } from '../auth/guards';
import { getDb } from '../db';
import type { SprintRole } from '../db/schema';
import { getRound } from './rounds';

export const ROUND_MANAGERS: readonly SprintRole[] = ['facilitator'];

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * For pages and form actions a missing session redirects to the login page; for endpoints
 * (`endpoint: true`) it is a plain 401, since a script cannot follow a login page.
 */
export function roundAccess(event: Event, options: { allowed?: readonly SprintRole[]; endpoint?: boolean } = {}) {
	if (!event.locals.user && options.endpoint) error(401, 'Not signed in');
	const user = requireUser(event);
	const db = getDb();
	const { sprintId, roundId } = event.params as { sprintId: string; roundId: string };
	const role = requireSprint(db, user, sprintId, options.allowed);
	const round = getRound(db, sprintId, roundId);
	if (!round) error(404, 'Not found');
	return { db, user, role, round, sprintId };
}

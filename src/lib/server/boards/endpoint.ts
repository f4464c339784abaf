import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { sprintRole } from '../sprints/service';
import { getBoard } from './service';

/**
 * For a board's JSON endpoints (votes, controls, private mode): the signed-in member's role and the
 * board of this sprint (401 when not signed in; 404 for non-members and for a board id of another
 * sprint, which is not this board). Refusals and bodies: $lib/server/json-api.
 */
export function boardAccess(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) error(401, 'Not signed in');
	const db = getDb();
	const { sprintId, boardId } = event.params as { sprintId: string; boardId: string };
	const role = sprintRole(db, user.id, sprintId);
	const board = role ? getBoard(db, sprintId, boardId) : null;
	if (!role || !board) error(404, 'Not found');
	return { db, user, role, board, sprintId };
}

/**
 * Facilitator controls of a board, as JSON: POST `{ "locked": true | false }` locks or unlocks the
 * board. The lock is kept in SQL and enforced by the realtime server, which is told at once so that
 * open connections follow (partners become read-only, or may write again).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { boardAccess } from '$lib/server/boards/endpoint';
import { boardDocName, setBoardLocked } from '$lib/server/boards/service';
import { collab } from '$lib/server/collab/install';
import { readBody, refuse } from '$lib/server/json-api';

const Controls = z.object({ locked: z.boolean() }).strict();

export const POST = async (event: RequestEvent) => {
	const { db, role, board, sprintId } = boardAccess(event);
	if (role !== 'facilitator') return refuse(403, 'error_forbidden');
	const body = await readBody(event.request, Controls);
	if (!body.ok) return body.response;
	const { locked } = body.value;
	const result = setBoardLocked(db, sprintId, board.id, locked);
	if (!result.ok) return refuse(result.error === 'error_not_found' ? 404 : 403, result.error);
	if (result.value.changed) collab()?.refreshAccess(boardDocName(sprintId, board.id));
	return json({ locked });
};

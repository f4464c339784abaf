/**
 * Private mode on a board, as JSON: GET whether it is on and how many private notes wait (a count,
 * never their text; any member); POST `{ action: 'start' | 'reveal' }` (facilitator). Reveal is
 * allowed whenever notes wait, also after private mode ended (late notes from an offline tablet).
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { boardAccess } from '$lib/server/boards/endpoint';
import { readBody, refuse } from '$lib/server/json-api';
import { collab } from '$lib/server/collab/install';
import { privateModeOn, revealPrivateNotes, startPrivateMode, waitingNotes, type Docs } from '$lib/server/boards/private';
import { m } from '$lib/paraglide/messages.js';
import type { Author } from '$lib/board/model';

/** The board, and the realtime server the private documents live in (nothing to count or move without it). */
function access(event: RequestEvent) {
	const found = boardAccess(event);
	const docs: Docs | undefined = collab();
	if (!docs) error(503, 'Realtime server not running');
	return { ...found, docs };
}

export const GET = (event: RequestEvent) => {
	const { db, board, sprintId, docs } = access(event);
	return json({ privateMode: privateModeOn(db, sprintId, board.id), waiting: waitingNotes(db, docs, sprintId, board.id) });
};

const Action = z.object({ action: z.enum(['start', 'reveal']) });

export const POST = async (event: RequestEvent) => {
	const { db, role, board, sprintId, docs } = access(event);
	const parsed = await readBody(event.request, Action);
	if (!parsed.ok) return parsed.response;
	if (role !== 'facilitator') return refuse(403, 'error_forbidden');
	if (board.archivedAt) return refuse(403, 'error_board_archived');

	let revealed = 0;
	if (parsed.value.action === 'start') startPrivateMode(db, sprintId, board.id);
	else {
		const frameTitle = (author: Author) =>
			author.organisation ? m.board_private_frame({ name: author.name, organisation: author.organisation }) : m.board_private_frame_plain({ name: author.name });
		let result: ReturnType<typeof revealPrivateNotes>;
		try {
			result = revealPrivateNotes(db, docs, sprintId, board.id, frameTitle);
		} catch (failure) {
			// Storage failed part-way: the order of the steps means nothing was lost; try again.
			console.error(`[private] reveal on board ${board.id} failed: ${(failure as Error).message}`);
			return refuse(503, 'board_private_reveal_failed');
		}
		if (!result.ok) return refuse(400, result.error);
		revealed = result.value.notes;
	}
	return json({ privateMode: privateModeOn(db, sprintId, board.id), waiting: waitingNotes(db, docs, sprintId, board.id), revealed });
};

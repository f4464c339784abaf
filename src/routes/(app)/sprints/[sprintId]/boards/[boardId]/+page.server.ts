import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canEdit, requireSprint, requireUser } from '$lib/server/auth/guards';
import { boardDocName, getBoard } from '$lib/server/boards/service';
import { privateDocName } from '$lib/server/boards/private';
import { getSprint, memberOrganisation } from '$lib/server/sprints/service';
import { latestRevealedRound, results } from '$lib/server/votes/service';
import { heldBack } from '$lib/server/facilitation/take-control';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId, boardId } = event.params;
	const role = requireSprint(db, user, sprintId);
	const board = getBoard(db, sprintId, boardId);
	if (!board) error(404, 'Not found');
	// For the export: the votes of the last revealed round (the board's poll takes over from here).
	const revealed = latestRevealedRound(db, board.id);
	const lastResults = revealed ? results(db, revealed) : null;
	return {
		sprint: getSprint(db, sprintId)!,
		board: { id: board.id, title: board.title, archived: !!board.archivedAt, locked: board.locked },
		role,
		// While the facilitator has taken control the board is shown read-only (the server enforces it).
		canEdit: canEdit(role) && !board.archivedAt && !heldBack(db, sprintId, role),
		docName: boardDocName(sprintId, boardId),
		// Private mode: the switch is the server's; the notes are in a document of this person's own.
		privateMode: board.privateMode,
		privateDocName: canEdit(role) && !board.archivedAt ? privateDocName(sprintId, boardId, user.id) : null,
		lastResults: lastResults?.ok ? lastResults.value : null,
		me: { userId: user.id, name: user.name, organisation: memberOrganisation(db, user.id, sprintId) }
	};
};

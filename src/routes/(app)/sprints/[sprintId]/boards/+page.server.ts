import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canEdit, requireSprint, requireUser, SPRINT_EDITORS } from '$lib/server/auth/guards';
import { boardDocName, createBoard, listBoards, renameBoard, setBoardArchived } from '$lib/server/boards/service';
import { collab } from '$lib/server/collab/install';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad } from './$types';
import { heldBackActions } from '$lib/server/facilitation/takeover-guard';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireSprint(db, user, event.params.sprintId);
	return {
		sprint: getSprint(db, event.params.sprintId)!,
		role,
		canEdit: canEdit(role),
		isFacilitator: role === 'facilitator',
		boards: listBoards(db, event.params.sprintId).map((b) => ({ id: b.id, title: b.title, archived: !!b.archivedAt, template: b.template }))
	};
};

async function form(event: Parameters<Actions[string]>[0], roles = SPRINT_EDITORS) {
	const user = requireUser(event);
	requireSprint(getDb(), user, event.params.sprintId!, roles);
	return { user, data: await event.request.formData() };
}

export const actions: Actions = heldBackActions({
	create: async (event) => {
		const { user, data } = await form(event);
		const created = createBoard(getDb(), event.params.sprintId, user.id, data.get('title'));
		if (!created.ok) return fail(400, { action: 'create', error: created.error, title: String(data.get('title') ?? '') });
		redirect(303, `/sprints/${event.params.sprintId}/boards/${created.value.id}`);
	},
	rename: async (event) => {
		const { data } = await form(event);
		const boardId = String(data.get('boardId') ?? '');
		const renamed = renameBoard(getDb(), event.params.sprintId, boardId, data.get('title'));
		if (!renamed.ok) return fail(renamed.error === 'error_not_found' ? 404 : 400, { action: 'rename', boardId, error: renamed.error });
		return { action: 'rename', done: true };
	},
	archive: async (event) => {
		const { data } = await form(event, ['facilitator']);
		const boardId = String(data.get('boardId') ?? '');
		const archived = data.get('archived') === 'true';
		const result = setBoardArchived(getDb(), event.params.sprintId, boardId, archived);
		if (!result.ok) return fail(404, { action: 'archive', boardId, error: result.error });
		// Open boards reconnect: read-only once archived, editable again once restored.
		collab()?.closeDocument(boardDocName(event.params.sprintId, boardId));
		return { action: 'archive', done: true };
	}
});

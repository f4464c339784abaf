import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { validatedIdeas } from '$lib/server/feedback/round-results';
import { listIdeas, selectIdea, unselectIdea } from '$lib/server/ideas/service';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireSprint(db, user, event.params.sprintId);
	return { sprint: getSprint(db, event.params.sprintId)!, isFacilitator: role === 'facilitator', ideas: listIdeas(db, event.params.sprintId), validated: validatedIdeas(db, event.params.sprintId) };
};

export const actions: Actions = {
	select: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		requireSprint(db, user, event.params.sprintId, ['facilitator']);
		const form = await event.request.formData();
		const boardId = String(form.get('boardId') ?? '');
		const itemId = String(form.get('itemId') ?? '');
		const result =
			form.get('selected') === 'true'
				? selectIdea(db, event.params.sprintId, boardId, itemId, user.id)
				: unselectIdea(db, event.params.sprintId, boardId, itemId);
		if (!result.ok) return fail(400, { error: result.error });
		return { done: true };
	}
};

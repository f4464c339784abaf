import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listMyCoalitions } from '$lib/server/coalitions/service';
import { createSprint, memberOrganisation } from '$lib/server/sprints/service';
import { createProblemMapBoard } from '$lib/server/boards/service';
import { problemMapTexts } from '$lib/board/template-texts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		coalitions: listMyCoalitions(getDb(), user.id).filter((c) => c.role === 'coordinator'),
		selected: event.url.searchParams.get('coalitionId'),
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = Object.fromEntries(await event.request.formData());
		const db = getDb();
		// The sprint and its problem map board are made together, or neither is.
		const created = db.transaction(() => {
			const sprint = createSprint(db, user.id, form);
			if (!sprint.ok) return sprint;
			const board = createProblemMapBoard(db, sprint.value.id, { userId: user.id, name: user.name, organisation: memberOrganisation(db, user.id, sprint.value.id) }, m.board_problem_map_title(), problemMapTexts());
			if (!board.ok) throw new Error(`problem map: ${board.error}`);
			return sprint;
		});
		if (!created.ok) {
			return fail(400, { error: created.error, field: created.field, values: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) });
		}
		redirect(303, `/sprints/${created.value.id}`);
	}
};

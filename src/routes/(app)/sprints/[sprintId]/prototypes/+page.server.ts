import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canEdit, requireSprint, requireUser, SPRINT_EDITORS } from '$lib/server/auth/guards';
import { createPrototype, listPrototypes } from '$lib/server/prototypes/service';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad } from './$types';
import { heldBackActions } from '$lib/server/facilitation/takeover-guard';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireSprint(db, user, event.params.sprintId);
	return {
		sprint: getSprint(db, event.params.sprintId)!,
		canEdit: canEdit(role),
		prototypes: listPrototypes(db, event.params.sprintId).map((p) => ({ id: p.id, name: p.name, device: p.device, audience: p.audience }))
	};
};

export const actions: Actions = heldBackActions({
	create: async (event) => {
		const user = requireUser(event);
		requireSprint(getDb(), user, event.params.sprintId, SPRINT_EDITORS);
		const data = await event.request.formData();
		const input = { name: data.get('name'), device: data.get('device'), audience: data.get('audience'), template: data.get('template') };
		const created = createPrototype(getDb(), event.params.sprintId, user.id, input);
		if (!created.ok) return fail(400, { error: created.error, name: String(input.name ?? '') });
		redirect(303, `/sprints/${event.params.sprintId}/prototypes/${created.value.id}`);
	}
});

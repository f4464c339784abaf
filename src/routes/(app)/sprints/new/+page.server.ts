import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listMyCoalitions } from '$lib/server/coalitions/service';
import { createSprint } from '$lib/server/sprints/service';
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
		const created = createSprint(getDb(), user.id, form);
		if (!created.ok) {
			return fail(400, { error: created.error, field: created.field, values: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) });
		}
		redirect(303, `/sprints/${created.value.id}`);
	}
};

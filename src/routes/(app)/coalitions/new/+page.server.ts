import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { createCoalition } from '$lib/server/coalitions/service';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const created = createCoalition(getDb(), user.id, form.get('name'));
		if (!created.ok) return fail(400, { error: created.error, name: String(form.get('name') ?? '') });
		redirect(303, `/coalitions/${created.value.id}`);
	}
};

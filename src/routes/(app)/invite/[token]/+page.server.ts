import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { acceptInvite, previewInvite } from '$lib/server/coalitions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const found = previewInvite(getDb(), event.params.token, Date.now(), user.id);
	return found.ok
		? { invite: { coalitionName: found.value.coalitionName, role: found.value.role, organisationName: found.value.organisationName }, error: null }
		: { invite: null, error: found.error };
};

export const actions: Actions = {
	default: (event) => {
		const user = requireUser(event);
		const accepted = acceptInvite(getDb(), event.params.token, user.id);
		if (!accepted.ok) return fail(400, { error: accepted.error });
		redirect(303, `/coalitions/${accepted.value.coalitionId}`);
	}
};

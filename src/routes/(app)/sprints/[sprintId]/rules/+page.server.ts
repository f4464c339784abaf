import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canEdit, requireSprint, requireUser, SPRINT_EDITORS } from '$lib/server/auth/guards';
import { getSprint } from '$lib/server/sprints/service';
import { listRuleSets } from '$lib/server/rules/service';
import { createRuleSetWithDraft } from '$lib/server/rules/draft';
import type { Actions, PageServerLoad } from './$types';
import { heldBackActions } from '$lib/server/facilitation/takeover-guard';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireSprint(db, user, event.params.sprintId);
	return {
		sprint: getSprint(db, event.params.sprintId)!,
		canEdit: canEdit(role),
		ruleSets: listRuleSets(db, event.params.sprintId).map((r) => ({ id: r.id, name: r.name, status: r.status, latestVersion: r.latestVersion }))
	};
};

export const actions: Actions = heldBackActions({
	create: async (event) => {
		const user = requireUser(event);
		requireSprint(getDb(), user, event.params.sprintId, SPRINT_EDITORS);
		const data = await event.request.formData();
		const created = createRuleSetWithDraft(getDb(), event.params.sprintId, { id: user.id, name: user.name }, data.get('name'));
		if (!created.ok) return fail(400, { error: created.error, name: String(data.get('name') ?? '') });
		redirect(303, `/sprints/${event.params.sprintId}/rules/${created.value.id}`);
	}
});

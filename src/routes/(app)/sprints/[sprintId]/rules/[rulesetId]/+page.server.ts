import { fail, redirect } from '@sveltejs/kit';
import { ruleSetAccess } from '$lib/server/rules/access';
import { listFields } from '$lib/server/rules/fields';
import { sourceIdeas } from '$lib/server/rules/ideas';
import { openRequest, requestApproval } from '$lib/server/rules/approvals';
import { renameRuleSet, ruleSetDocName } from '$lib/server/rules/service';
import { collab } from '$lib/server/collab/install';
import { getSprint } from '$lib/server/sprints/service';
import { heldBack } from '$lib/server/facilitation/take-control';
import type { Actions, PageServerLoad } from './$types';
import { heldBackActions } from '$lib/server/facilitation/takeover-guard';

export const load: PageServerLoad = (event) => {
	const { db, role, ruleSet, sprintId, canEdit, user, organisation } = ruleSetAccess(event);
	return {
		sprint: getSprint(db, sprintId)!,
		ruleSet: { id: ruleSet.id, name: ruleSet.name, status: ruleSet.status },
		role,
		canEdit: canEdit && !heldBack(db, sprintId, role),
		docName: ruleSetDocName(sprintId, ruleSet.id),
		me: { name: user.name, organisation },
		fields: listFields(db, ruleSet.coalitionId),
		ideas: sourceIdeas(db, ruleSet.coalitionId, sprintId),
		request: openRequest(db, ruleSet.id) ? true : false,
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions: Actions = heldBackActions({
	rename: async (event) => {
		const { db, ruleSet, canEdit, actor } = ruleSetAccess(event);
		if (!canEdit) return fail(403, { action: 'rename', error: 'error_rules_read_only' });
		const data = await event.request.formData();
		const renamed = renameRuleSet(db, ruleSet, actor, data.get('name'));
		if (!renamed.ok) return fail(400, { action: 'rename', error: renamed.error });
		return { action: 'rename', done: true };
	},
	request: async (event) => {
		const { db, ruleSet, canEdit, actor, sprintId } = ruleSetAccess(event);
		if (!canEdit) return fail(403, { action: 'request', error: 'error_rules_read_only' });
		const requested = requestApproval(db, ruleSet, actor);
		if (!requested.ok) return fail(400, { action: 'request', error: requested.error });
		// Open editors reconnect read-only: the candidate is frozen.
		collab()?.closeDocument(ruleSetDocName(sprintId, ruleSet.id));
		redirect(303, `/sprints/${sprintId}/rules/${ruleSet.id}/versions`);
	}
});

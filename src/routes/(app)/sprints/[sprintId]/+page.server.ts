import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canEdit, requireSprint, requireUser } from '$lib/server/auth/guards';
import { listCoalitionMembers } from '$lib/server/coalitions/service';
import { briefDocName } from '$lib/server/collab/doc-name';
import { collab } from '$lib/server/collab/install';
import { getSprint, listSprintMembers, removeSprintMember, setSprintMember } from '$lib/server/sprints/service';
import { heldBack } from '$lib/server/facilitation/take-control';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const sprintId = event.params.sprintId;
	const role = requireSprint(db, user, sprintId);
	const sprint = getSprint(db, sprintId)!;
	const members = listSprintMembers(db, sprintId);
	const inSprint = new Set(members.map((mb) => mb.userId));
	const me = members.find((mb) => mb.userId === user.id);
	return {
		sprint,
		role,
		canEdit: canEdit(role) && !heldBack(db, sprintId, role),
		briefDoc: briefDocName(sprintId),
		me: { name: user.name, organisation: me?.organisationName ?? '' },
		members,
		candidates:
			role === 'facilitator'
				? listCoalitionMembers(db, sprint.coalitionId)
						.filter((c) => !inSprint.has(c.userId))
						.map((c) => ({ userId: c.userId, name: c.name, organisationName: c.organisationName }))
				: []
	};
};

function facilitator(event: Parameters<Actions[string]>[0]) {
	const user = requireUser(event);
	requireSprint(getDb(), user, event.params.sprintId!, ['facilitator']);
}

export const actions: Actions = {
	member: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const result = setSprintMember(getDb(), event.params.sprintId, userId, form.get('role'));
		if (!result.ok) return fail(400, { error: result.error });
		// Their open documents reconnect with the new rights.
		collab()?.closeUserInSprint(userId, event.params.sprintId);
		return { done: true };
	},
	remove: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const result = removeSprintMember(getDb(), event.params.sprintId, userId);
		if (!result.ok) return fail(400, { error: result.error });
		collab()?.closeUserInSprint(userId, event.params.sprintId);
		return { done: true };
	}
};

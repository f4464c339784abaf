import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireCoalition, requireUser } from '$lib/server/auth/guards';
import {
	addOrganisation,
	createInvite,
	getCoalition,
	listCoalitionMembers,
	listOpenInvites,
	listOrganisations,
	revokeInvite,
	setRetentionDays
} from '$lib/server/coalitions/service';
import { listCoalitionSprints } from '$lib/server/sprints/service';
import { minApprovals, setMinApprovals } from '$lib/server/rules/service';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/rules/tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const coalitionId = event.params.coalitionId;
	const role = requireCoalition(db, user, coalitionId);
	return {
		coalition: getCoalition(db, coalitionId)!,
		role,
		organisations: listOrganisations(db, coalitionId),
		members: listCoalitionMembers(db, coalitionId).map(({ email: _e, ...rest }) => rest),
		invites: role === 'coordinator' ? listOpenInvites(db, coalitionId) : [],
		sprints: listCoalitionSprints(db, coalitionId, user.id),
		rules: { minApprovals: minApprovals(db, coalitionId), tokens: role === 'coordinator' ? listApiTokens(db, coalitionId) : [] }
	};
};

function coordinator(event: Parameters<Actions[string]>[0]) {
	const user = requireUser(event);
	requireCoalition(getDb(), user, event.params.coalitionId!, ['coordinator']);
	return user;
}

export const actions: Actions = {
	organisation: async (event) => {
		coordinator(event);
		const form = await event.request.formData();
		const added = addOrganisation(getDb(), event.params.coalitionId, form.get('name'), form.get('kind'));
		if (!added.ok) return fail(400, { action: 'organisation', error: added.error, name: String(form.get('name') ?? '') });
		return { action: 'organisation', done: true };
	},
	invite: async (event) => {
		const user = coordinator(event);
		const form = await event.request.formData();
		const created = createInvite(getDb(), event.params.coalitionId, user.id, form.get('role'), form.get('organisationId'));
		if (!created.ok) return fail(400, { action: 'invite', error: created.error });
		return { action: 'invite', link: `${event.url.origin}/invite/${created.value.token}`, expiresAt: created.value.expiresAt };
	},
	retention: async (event) => {
		coordinator(event);
		const form = await event.request.formData();
		const set = setRetentionDays(getDb(), event.params.coalitionId, form.get('retentionDays'));
		if (!set.ok) return fail(400, { action: 'retention', error: set.error });
		return { action: 'retention', done: true };
	},
	ruleToken: async (event) => {
		const user = coordinator(event);
		const form = await event.request.formData();
		const created = createApiToken(getDb(), event.params.coalitionId, { id: user.id, name: user.name }, form.get('name'));
		if (!created.ok) return fail(400, { action: 'ruleToken', error: created.error });
		// Shown once: only its hash is kept.
		return { action: 'ruleToken', token: created.value.token };
	},
	ruleTokenRevoke: async (event) => {
		const user = coordinator(event);
		const form = await event.request.formData();
		const revoked = revokeApiToken(getDb(), event.params.coalitionId, { id: user.id, name: user.name }, form.get('tokenId'));
		if (!revoked.ok) return fail(404, { action: 'ruleTokenRevoke', error: revoked.error });
		return { action: 'ruleTokenRevoke', done: true };
	},
	ruleMinApprovals: async (event) => {
		const user = coordinator(event);
		const form = await event.request.formData();
		const set = setMinApprovals(getDb(), event.params.coalitionId, { id: user.id, name: user.name }, form.get('minApprovals'));
		if (!set.ok) return fail(400, { action: 'ruleMinApprovals', error: set.error });
		return { action: 'ruleMinApprovals', done: true };
	},
	revoke: async (event) => {
		coordinator(event);
		const form = await event.request.formData();
		revokeInvite(getDb(), event.params.coalitionId, String(form.get('inviteId') ?? ''));
		return { action: 'revoke', done: true };
	}
};

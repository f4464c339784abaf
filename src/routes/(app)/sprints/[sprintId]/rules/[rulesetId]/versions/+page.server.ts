import { fail } from '@sveltejs/kit';
import { diffRuleSets } from '$lib/rules/diff';
import type { ExportedRuleSet } from '$lib/rules/model';
import { ruleSetAccess, organisationOf } from '$lib/server/rules/access';
import { approvingOrganisations, decide, decisions, listRequests, openRequest, publish, startNewDraft, today, withdraw } from '$lib/server/rules/approvals';
import { listAudit } from '$lib/server/rules/audit';
import { getRuleSet, ruleSetDocName } from '$lib/server/rules/service';
import { allVersions } from '$lib/server/rules/versions';
import { collab } from '$lib/server/collab/install';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad } from './$types';
import { heldBackActions } from '$lib/server/facilitation/takeover-guard';

export const load: PageServerLoad = (event) => {
	const { db, ruleSet, sprintId, canEdit, user } = ruleSetAccess(event);
	const versions = allVersions<ExportedRuleSet>(db, ruleSet.id);
	const request = openRequest(db, ruleSet.id);
	const myOrganisation = organisationOf(db, user.id, ruleSet.coalitionId);
	const approvals = request ? approvingOrganisations(db, request.id) : [];
	const overdue = request ? request.candidate.ruleSet.indicators.filter((i) => !i.reviewBy || i.reviewBy < today()).map((i) => i.name) : [];
	return {
		sprint: getSprint(db, sprintId)!,
		ruleSet: { id: ruleSet.id, name: ruleSet.name, status: ruleSet.status },
		canEdit,
		request: request && {
			id: request.id,
			requestedByName: request.requestedByName,
			createdAt: request.createdAt,
			minApprovals: request.minApprovals,
			indicators: request.candidate.ruleSet.indicators.map((i) => ({ id: i.id, name: i.name, kind: i.kind, weight: i.weight, description: i.description, reviewBy: i.reviewBy })),
			bands: request.candidate.ruleSet.bands,
			decisions: decisions(db, request.id).map((d) => ({ userName: d.userName, organisationName: d.organisationName, decision: d.decision, comment: d.comment, createdAt: d.createdAt })),
			approvals: approvals.length,
			overdue,
			// Who may decide: a member of another organisation than the author's, who has not decided yet.
			canDecide: canEdit && !!myOrganisation && myOrganisation !== request.organisationId && user.id !== request.requestedBy && !decisions(db, request.id).some((d) => d.userId === user.id),
			isRequester: user.id === request.requestedBy,
			ownOrganisation: !!myOrganisation && myOrganisation === request.organisationId,
			noOrganisation: !myOrganisation
		},
		versions: versions
			.map((v, i) => ({
				number: v.number,
				publishedAt: v.publishedAt,
				authorName: v.authorName,
				approvals: v.definition.approvals,
				indicators: v.definition.indicators.length,
				changes: i === 0 ? null : diffRuleSets(versions[i - 1].definition, v.definition)
			}))
			.reverse(),
		rejected: listRequests(db, ruleSet.id).filter((r) => r.status === 'rejected').slice(0, 3).map((r) => ({ id: r.id, closedAt: r.closedAt, decisions: decisions(db, r.id).filter((d) => d.decision === 'reject').map((d) => ({ organisationName: d.organisationName, userName: d.userName, comment: d.comment })) })),
		audit: listAudit(db, { ruleSetId: ruleSet.id }, 50).map((a) => ({ id: a.id, actor: a.actor, action: a.action, detail: a.detail, createdAt: a.createdAt }))
	};
};

/** A change of status: open editors reconnect with the new rights (read-only or writable again). */
function reconnect(sprintId: string, ruleSetId: string) {
	collab()?.closeDocument(ruleSetDocName(sprintId, ruleSetId));
}

export const actions: Actions = heldBackActions({
	decide: async (event) => {
		const { db, ruleSet, canEdit, actor, sprintId } = ruleSetAccess(event);
		if (!canEdit) return fail(403, { action: 'decide', error: 'error_rules_read_only' });
		const data = await event.request.formData();
		const result = decide(db, ruleSet, data.get('requestId'), actor, { decision: data.get('decision'), comment: data.get('comment') });
		if (!result.ok) return fail(400, { action: 'decide', error: result.error, comment: String(data.get('comment') ?? '') });
		if (result.value.status === 'rejected') reconnect(sprintId, ruleSet.id);
		return { action: 'decide', done: true };
	},
	withdraw: async (event) => {
		const { db, ruleSet, canEdit, actor, sprintId } = ruleSetAccess(event);
		if (!canEdit) return fail(403, { action: 'withdraw', error: 'error_rules_read_only' });
		const result = withdraw(db, ruleSet, actor);
		if (!result.ok) return fail(400, { action: 'withdraw', error: result.error });
		reconnect(sprintId, ruleSet.id);
		return { action: 'withdraw', done: true };
	},
	publish: async (event) => {
		const { db, ruleSet, canEdit, actor, sprintId } = ruleSetAccess(event);
		if (!canEdit) return fail(403, { action: 'publish', error: 'error_rules_read_only' });
		const result = publish(db, getRuleSet(db, ruleSet.id)!, actor);
		if (!result.ok) return fail(400, { action: 'publish', error: result.error });
		reconnect(sprintId, ruleSet.id);
		return { action: 'publish', published: result.value.number };
	},
	draft: async (event) => {
		const { db, ruleSet, canEdit, actor, sprintId } = ruleSetAccess(event);
		if (!canEdit) return fail(403, { action: 'draft', error: 'error_rules_read_only' });
		const result = startNewDraft(db, ruleSet, actor);
		if (!result.ok) return fail(400, { action: 'draft', error: result.error });
		reconnect(sprintId, ruleSet.id);
		return { action: 'draft', done: true };
	}
});

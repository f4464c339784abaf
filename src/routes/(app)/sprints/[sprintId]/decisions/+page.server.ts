import { fail } from '@sveltejs/kit';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { answerQuestion, DECIDERS, deleteDecision, listDecisions, recordDecision, revealedVotes, sprintQuestions } from '$lib/server/facilitation/decisions';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { heldBackActions } from '$lib/server/facilitation/takeover-guard';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId } = event.params;
	const role = requireSprint(db, user, sprintId);
	return {
		sprint: getSprint(db, sprintId)!,
		role,
		canDecide: DECIDERS.includes(role),
		decisions: listDecisions(db, sprintId),
		votes: revealedVotes(db, sprintId),
		questions: sprintQuestions(db, sprintId)
	};
};

/** Decisions and answers are the decider's and the facilitators'. */
function decider(event: RequestEvent) {
	const user = requireUser(event);
	requireSprint(getDb(), user, event.params.sprintId, DECIDERS);
	return user;
}

export const actions: Actions = heldBackActions({
	decide: async (event) => {
		const user = decider(event);
		const form = await event.request.formData();
		const input = { text: form.get('text')?.toString() ?? '', rationale: form.get('rationale')?.toString() ?? '', voteRoundIds: form.getAll('voteRoundId').map(String) };
		const result = recordDecision(getDb(), event.params.sprintId, user.id, input);
		return result.ok ? { decided: true } : fail(400, { action: 'decide', error: result.error, values: input });
	},
	delete: async (event) => {
		decider(event);
		const form = await event.request.formData();
		const result = deleteDecision(getDb(), event.params.sprintId, form.get('decisionId')?.toString());
		return result.ok ? { deleted: true } : fail(404, { action: 'delete', error: result.error });
	},
	answer: async (event) => {
		const user = decider(event);
		const form = await event.request.formData();
		const questionId = form.get('questionId')?.toString() ?? '';
		const result = answerQuestion(getDb(), event.params.sprintId, user.id, { questionId, answer: form.get('answer')?.toString(), note: form.get('note')?.toString() ?? '' });
		return result.ok ? { answered: questionId } : fail(400, { action: 'answer', questionId, error: result.error });
	}
});

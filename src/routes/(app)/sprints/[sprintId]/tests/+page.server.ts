import { fail, redirect } from '@sveltejs/kit';
import { OWN_QUESTIONS_MAX } from '$lib/feedback/questions';
import { getDb } from '$lib/server/db';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { ROUND_MANAGERS } from '$lib/server/feedback/access';
import { roundList } from '$lib/server/feedback/round-view';
import { sprintVersions } from '$lib/server/feedback/round-screens';
import { createRound, DEFAULT_WINDOW_HOURS, MAX_WINDOW_HOURS, type OwnQuestionInput } from '$lib/server/feedback/rounds';
import { selectedIdeas } from '$lib/server/ideas/service';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad } from './$types';
import { notify } from '$lib/server/notifications/service';
import { oneLine } from '$lib/server/text';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId } = event.params;
	const role = requireSprint(db, user, sprintId);
	return {
		sprint: getSprint(db, sprintId)!,
		isFacilitator: ROUND_MANAGERS.includes(role),
		rounds: roundList(db, sprintId),
		versions: sprintVersions(db, sprintId),
		ideas: selectedIdeas(db, sprintId).map((idea) => ({ id: idea.id, text: idea.text, organisation: idea.authorOrganisation })),
		defaultHours: DEFAULT_WINDOW_HOURS,
		maxHours: MAX_WINDOW_HOURS,
		ownQuestionsMax: OWN_QUESTIONS_MAX
	};
};

/** What the facilitator typed, returned with a refusal so nothing they typed is lost. */
export type CreateValues = { title: string; hours: string; ideas: string[]; version: string; ruleMinAnswers: string; ruleMinShare: string; questions: { type: string; nl: string; en: string; options: string }[] };

function readForm(form: FormData): CreateValues {
	const field = (name: string) => String(form.get(name) ?? '');
	return {
		title: field('title'),
		hours: field('hours'),
		ideas: form.getAll('ideas').map(String),
		version: field('version'),
		ruleMinAnswers: field('rule_min_answers'),
		ruleMinShare: field('rule_min_share'),
		questions: Array.from({ length: OWN_QUESTIONS_MAX }, (_, i) => ({
			type: field(`q${i + 1}_type`),
			nl: field(`q${i + 1}_nl`),
			en: field(`q${i + 1}_en`),
			options: field(`q${i + 1}_options`)
		}))
	};
}

/** Blank blocks are skipped; a block with any text but no kind is passed on, so the service refuses it. */
function ownQuestions(values: CreateValues): OwnQuestionInput[] {
	return values.questions
		.filter((q) => q.type || q.nl.trim() || q.en.trim() || q.options.trim())
		.map((q) => ({
			type: q.type || 'none',
			nl: q.nl,
			en: q.en.trim() ? q.en : undefined,
			options: q.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean)
		}));
}

/** The validation rule as typed (empty fields keep the default: 5 answers, 60% positive). */
function rule(values: CreateValues) {
	const minAnswers = values.ruleMinAnswers.trim() === '' ? undefined : Number(values.ruleMinAnswers);
	const share = values.ruleMinShare.trim() === '' ? undefined : Number(values.ruleMinShare.replace(',', '.')) / 100;
	return { ...(minAnswers === undefined ? {} : { minAnswers }), ...(share === undefined ? {} : { minPositiveShare: share }) };
}

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const { sprintId } = event.params;
		requireSprint(db, user, sprintId, ROUND_MANAGERS);
		const values = readForm(await event.request.formData());
		const made = createRound(db, sprintId, user.id, { title: values.title, ideaSelectionIds: values.ideas, prototypeVersionId: values.version, hours: values.hours.trim().replace(',', '.'), ownQuestions: ownQuestions(values), rule: rule(values) });
		if (!made.ok) return fail(400, { error: made.error, field: made.field ?? null, values });
		notify(db, { sprintId, kind: 'round_opened', params: { round: oneLine(values.title) }, href: `/sprints/${sprintId}/tests/${made.value.id}`, exceptUserId: user.id });
		redirect(303, `/sprints/${sprintId}/tests/${made.value.id}`);
	}
};

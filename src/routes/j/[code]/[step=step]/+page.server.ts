import { fail, redirect } from '@sveltejs/kit';
import { runAnswers, runIsStale } from '$lib/server/feedback/participation';
import { clearRunCookie, isKiosk } from '$lib/server/feedback/run-cookie';
import { publicRound, saveBatch, type PublicRound } from '$lib/server/feedback/youth';
import { currentRun } from '$lib/server/feedback/youth-run';
import type { Actions, PageServerLoad } from './$types';

/** The steps: one per idea, then the final questions. */
const stepCount = (round: PublicRound) => round.items.length + (round.finalQuestions.length ? 1 : 0);

export const load: PageServerLoad = ({ params, cookies, setHeaders }) => {
	const { db, round, run, token } = currentRun(params.code, cookies);
	// A shared tablet: the back button must never bring the previous person's answers back.
	setHeaders({ 'cache-control': 'no-store' });
	// Nor a run left alone for half an hour: the intro then offers only a new start.
	if (runIsStale(db, run)) redirect(303, `/j/${round.code}`);
	const view = publicRound(db, round);
	const step = Number(params.step);
	if (step > stepCount(view)) redirect(303, `/j/${round.code}/${stepCount(view)}`);
	const answers: Record<string, string | number> = {};
	for (const a of runAnswers(db, run)) if (a.value !== null) answers[`${a.itemKey}|${a.questionId}`] = a.value as string | number;
	// The page's script sends answers with this token (it also queues them while offline, when
	// the cookie alone would not tell which person they belong to after "next person").
	return { round: view, step, steps: stepCount(view), answers, token, kiosk: isKiosk(cookies), finished: !!run.finishedAt };
};

/**
 * The answers of this step as posted (the page without JavaScript, or "Stoppen"), saved all or none.
 * Refused: the step comes back with what was given, so nothing typed is lost.
 */
async function saveStep(event: Parameters<Actions[string]>[0], action: 'save' | 'stop') {
	const { params, request, cookies } = event;
	const { db, round, token } = currentRun(params.code, cookies);
	const view = publicRound(db, round);
	const step = Number(params.step);
	const form = await request.formData();
	const item = view.items[step - 1] ?? null;
	const questions = item ? view.itemQuestions : view.finalQuestions;
	const answers = questions.map((q) => ({ itemId: item?.id ?? null, questionId: q.id, value: form.get(`q-${q.id}`)?.toString() ?? null }));
	const last = step >= stepCount(view);
	const back = action === 'save' && form.get('go') === 'back';
	const result = saveBatch(db, round, token, answers, action === 'save' && last && !back);
	const values = Object.fromEntries(answers.filter((a) => a.value).map((a) => [`${a.itemId ?? ''}|${a.questionId}`, a.value!]));
	const refused = result.ok ? null : fail(result.error === 'error_round_closed' ? 409 : 400, { error: result.error, values });
	return { round, step, last, back, refused };
}

export const actions: Actions = {
	/** "Stoppen": keeps this step's answers, then asks whether the young person really wants to stop. */
	stop: async (event) => {
		const { round, step, refused } = await saveStep(event, 'stop');
		// A round that closed meanwhile takes no answers, but the young person can always leave.
		if (refused && refused.data.error !== 'error_round_closed') return refused;
		redirect(303, `/j/${round.code}/stoppen?stap=${step}`);
	},
	/** Without JavaScript: the answers of this step, then on to the next (or back). */
	save: async (event) => {
		const { round, step, last, back, refused } = await saveStep(event, 'save');
		if (refused) return refused;
		if (back) redirect(303, step > 1 ? `/j/${round.code}/${step - 1}` : `/j/${round.code}`);
		// Finished: this tablet forgets the run, so the next person cannot open it.
		if (last) clearRunCookie(event.cookies, round.code, event.url.protocol === 'https:');
		redirect(303, last ? `/j/${round.code}/klaar` : `/j/${round.code}/${step + 1}`);
	}
};

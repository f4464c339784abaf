import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findRun, finishRun, runAnswers, runIsStale } from '$lib/server/feedback/participation';
import { clearRunCookie, isKiosk, runToken } from '$lib/server/feedback/run-cookie';
import { publicRound, saveBatch, type PublicRound } from '$lib/server/feedback/youth';
import { roundOfCode } from '$lib/server/feedback/youth-round';
import type { Actions, PageServerLoad } from './$types';

/** The round and this tablet's run; without a run that is still going, back to the start. */
function context(params: { code: string }, cookies: import('@sveltejs/kit').Cookies) {
	const round = roundOfCode(params.code);
	// An unknown code goes to the intro, which answers it (with the guessing limit).
	if (!round) redirect(303, `/j/${encodeURIComponent(params.code)}`);
	const db = getDb();
	const token = runToken(cookies);
	const run = findRun(db, round, token);
	// No run on this tablet (a new person, "next person" was pressed, or the run was finished).
	if (!run || !token || run.finishedAt) redirect(303, `/j/${round.code}`);
	return { db, round, run, token };
}

/** The steps: one per idea, then the final questions. */
const stepCount = (round: PublicRound) => round.items.length + (round.finalQuestions.length ? 1 : 0);

export const load: PageServerLoad = ({ params, cookies, setHeaders }) => {
	const { db, round, run, token } = context(params, cookies);
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

export const actions: Actions = {
	/** "Stoppen": the run ends here, whatever was answered, and the tablet forgets it. */
	stop: async ({ params, cookies, url }) => {
		const { db, round, run } = context(params, cookies);
		finishRun(db, round, run);
		clearRunCookie(cookies, round.code, url.protocol === 'https:');
		redirect(303, `/j/${round.code}/klaar`);
	},
	/** Without JavaScript: the answers of this step, then on to the next (or back). */
	save: async ({ params, request, cookies, url }) => {
		const { db, round, token } = context(params, cookies);
		const view = publicRound(db, round);
		const step = Number(params.step);
		const form = await request.formData();
		const item = view.items[step - 1] ?? null;
		const questions = item ? view.itemQuestions : view.finalQuestions;
		const answers = questions.map((q) => ({ itemId: item?.id ?? null, questionId: q.id, value: form.get(`q-${q.id}`)?.toString() ?? null }));
		const last = step >= stepCount(view);
		const back = form.get('go') === 'back';
		const result = saveBatch(db, round, token, answers, last && !back);
		// Refused: the step comes back with what was given, so nothing typed is lost.
		const values = Object.fromEntries(answers.filter((a) => a.value).map((a) => [`${a.itemId ?? ''}|${a.questionId}`, a.value!]));
		if (!result.ok) return fail(result.error === 'error_round_closed' ? 409 : 400, { error: result.error, values });
		if (back) redirect(303, step > 1 ? `/j/${round.code}/${step - 1}` : `/j/${round.code}`);
		// Finished: this tablet forgets the run, so the next person cannot open it.
		if (last) clearRunCookie(cookies, round.code, url.protocol === 'https:');
		redirect(303, last ? `/j/${round.code}/klaar` : `/j/${round.code}/${step + 1}`);
	}
};

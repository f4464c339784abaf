import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findRun, runAnswers } from '$lib/server/feedback/participation';
import { isKiosk, runToken } from '$lib/server/feedback/run-cookie';
import { publicRound, saveBatch, type PublicRound } from '$lib/server/feedback/youth';
import { lookupRound } from '$lib/server/feedback/youth-round';
import type { Actions, PageServerLoad } from './$types';

async function context(params: { code: string }, cookies: import('@sveltejs/kit').Cookies, address: string) {
	const found = await lookupRound(params.code, address);
	if (!found.round) error(404, 'Not found');
	const db = getDb();
	const token = runToken(cookies);
	const run = findRun(db, found.round, token);
	// No run on this tablet (a new person, or "next person" was pressed): start at the beginning.
	if (!run || !token) redirect(303, `/j/${found.round.code}`);
	return { db, round: found.round, run, token };
}

/** The steps: one per idea, then the final questions. */
const stepCount = (round: PublicRound) => round.items.length + (round.finalQuestions.length ? 1 : 0);

export const load: PageServerLoad = async ({ params, cookies, getClientAddress, setHeaders }) => {
	const { db, round, run, token } = await context(params, cookies, getClientAddress());
	// A shared tablet: the back button must never bring the previous person's answers back.
	setHeaders({ 'cache-control': 'no-store' });
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
	/** Without JavaScript: the answers of this step, then on to the next (or back). */
	default: async ({ params, request, cookies, getClientAddress }) => {
		const { db, round, token } = await context(params, cookies, getClientAddress());
		const view = publicRound(db, round);
		const step = Number(params.step);
		const form = await request.formData();
		const item = view.items[step - 1] ?? null;
		const questions = item ? view.itemQuestions : view.finalQuestions;
		const answers = questions.map((q) => ({ itemId: item?.id ?? null, questionId: q.id, value: form.get(`q-${q.id}`)?.toString() ?? null }));
		const last = step >= stepCount(view);
		const back = form.get('go') === 'back';
		const result = saveBatch(db, round, token, answers, last && !back);
		if (!result.ok) return fail(result.error === 'error_round_closed' ? 409 : 400, { error: result.error });
		if (back) redirect(303, step > 1 ? `/j/${round.code}/${step - 1}` : `/j/${round.code}`);
		redirect(303, last ? `/j/${round.code}/klaar` : `/j/${round.code}/${step + 1}`);
	}
};

import { redirect } from '@sveltejs/kit';
import { finishRun } from '$lib/server/feedback/participation';
import { clearRunCookie } from '$lib/server/feedback/run-cookie';
import { currentRun } from '$lib/server/feedback/youth-run';
import type { Actions, PageServerLoad } from './$types';

/** "Stoppen" asks first: one tap too many must not end a run (and it works without JavaScript). */
export const load: PageServerLoad = ({ params, cookies, url, setHeaders }) => {
	const { round } = currentRun(params.code, cookies);
	setHeaders({ 'cache-control': 'no-store' });
	// "Nee, verder" goes back to the step the young person came from.
	const step = /^[1-9]\d{0,2}$/.test(url.searchParams.get('stap') ?? '') ? Number(url.searchParams.get('stap')) : 1;
	return { back: `/j/${round.code}/${step}` };
};

export const actions: Actions = {
	/** "Ja, stoppen": the run ends as stopped (not counted as finished), and the tablet forgets it. */
	default: ({ params, cookies, url }) => {
		const { db, round, run } = currentRun(params.code, cookies);
		finishRun(db, round, run, Date.now(), 'stopped');
		clearRunCookie(cookies, round.code, url.protocol === 'https:');
		redirect(303, `/j/${round.code}/klaar`);
	}
};

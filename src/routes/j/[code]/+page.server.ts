import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findRun, joinRound, LATE_ANSWER_GRACE_MS, runIsStale } from '$lib/server/feedback/participation';
import { isKiosk, runToken, setKiosk, setRunCookie, clearRunCookie } from '$lib/server/feedback/run-cookie';
import { roundStatus } from '$lib/server/feedback/rounds';
import { lookupRound, roundOfCode } from '$lib/server/feedback/youth-round';
import { startLimiter } from '$lib/server/feedback/join-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, cookies, getClientAddress }) => {
	const found = await lookupRound(params.code, getClientAddress());
	if (!found.round) return { state: found.reason, kiosk: false, resumable: false, round: null };
	if (found.canonical !== params.code) redirect(303, `/j/${found.canonical}${url.search}`);
	const secure = url.protocol === 'https:';
	// `?kiosk=1` on a shared tablet's link: every run ends with "next person".
	if (url.searchParams.has('kiosk')) setKiosk(cookies, url.searchParams.get('kiosk') !== '0', secure);
	const kiosk = url.searchParams.has('kiosk') ? url.searchParams.get('kiosk') !== '0' : isKiosk(cookies);
	const round = found.round;
	const status = roundStatus(round);
	// Only a run that is still going is offered again: never a finished one, nor one left alone for
	// half an hour (most likely someone else's on this tablet).
	const db = getDb();
	const run = status === 'open' ? findRun(db, round, runToken(cookies)) : null;
	const resumable = !!run && !run.finishedAt && !runIsStale(db, run);
	return {
		state: status === 'open' ? ('open' as const) : status === 'closed' ? ('closed' as const) : ('not_open' as const),
		kiosk,
		resumable,
		round: { code: round.code, title: round.title, closesAt: round.closesAt.getTime() }
	};
};

export const actions: Actions = {
	/** Starts a run: a random participant, the secret in a cookie for this round only. */
	start: async ({ params, url, cookies, getClientAddress }) => {
		const found = await lookupRound(params.code, getClientAddress());
		if (!found.round) return fail(404, { error: 'error_code_unknown' });
		const round = found.round;
		const secure = url.protocol === 'https:';
		if (!(await startLimiter.take(getClientAddress()))) return fail(429, { error: 'error_start_wait' });
		const run = joinRound(getDb(), round);
		if (!run.ok) return fail(409, { error: run.error });
		setRunCookie(cookies, round.code, run.value.token, new Date(round.closesAt.getTime() + LATE_ANSWER_GRACE_MS), secure);
		redirect(303, `/j/${round.code}/1`);
	},
	/** Kiosk: the previous person's run is forgotten on this tablet. */
	next: async ({ params, url, cookies }) => {
		// No guessing limit: handing the tablet on must always work.
		const round = roundOfCode(params.code);
		if (round) clearRunCookie(cookies, round.code, url.protocol === 'https:');
		redirect(303, round ? `/j/${round.code}` : '/j');
	}
};

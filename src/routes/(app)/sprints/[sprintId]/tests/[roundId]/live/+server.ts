/**
 * The round page's live data: the same view the page was rendered with, polled every few seconds
 * while the round is open. Sprint members only; 401 without a session.
 */
import { json } from '@sveltejs/kit';
import { roundAccess } from '$lib/server/feedback/access';
import { roundView } from '$lib/server/feedback/round-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { db, role, round } = roundAccess(event, { endpoint: true });
	return json(roundView(db, round, role), { headers: { 'cache-control': 'no-store' } });
};

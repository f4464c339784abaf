/** The projector's test round, polled while the page is open: counts only (see projector.ts). */
import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { projectorRound } from '$lib/server/facilitation/projector';
import { sprintRole } from '$lib/server/sprints/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = event.locals.user;
	if (!user) error(401, 'Not signed in');
	const db = getDb();
	if (!sprintRole(db, user.id, event.params.sprintId)) error(404, 'Not found');
	return json({ round: projectorRound(db, event.params.sprintId) }, { headers: { 'cache-control': 'no-store' } });
};

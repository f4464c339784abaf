import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listMyCoalitions } from '$lib/server/coalitions/service';
import { listMySprints } from '$lib/server/sprints/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	return { coalitions: listMyCoalitions(db, user.id), sprints: listMySprints(db, user.id) };
};

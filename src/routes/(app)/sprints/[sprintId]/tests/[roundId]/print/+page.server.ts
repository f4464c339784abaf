import { roundAccess } from '$lib/server/feedback/access';
import { roundView } from '$lib/server/feedback/round-view';
import { getSprint } from '$lib/server/sprints/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, role, round, sprintId } = roundAccess(event);
	return { sprint: getSprint(db, sprintId)!, view: roundView(db, round, role) };
};

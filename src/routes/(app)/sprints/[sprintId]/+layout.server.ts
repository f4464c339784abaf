import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { memberOrganisation } from '$lib/server/sprints/service';
import type { LayoutServerLoad } from './$types';

/** Every page of a sprint: who this is in it, for the facilitator's room controls (summon, follow). */
export const load: LayoutServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireSprint(db, user, event.params.sprintId);
	// `now`: the server's clock, so the take-control banner counts down right on a laptop whose clock is off.
	return { room: { role, now: Date.now(), me: { name: user.name, organisation: memberOrganisation(db, user.id, event.params.sprintId) } } };
};

import { CRISIS_DEPENDENCY } from '$lib/feedback/crisis-banner';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { openCrisisAlerts } from '$lib/server/feedback/open-alerts';
import { memberOrganisation } from '$lib/server/sprints/service';
import type { LayoutServerLoad } from './$types';

/** Every page of a sprint: who this is in it, for the facilitator's room controls (summon, follow). */
export const load: LayoutServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireSprint(db, user, event.params.sprintId);
	// Read at every page change too: the crisis banner must not stay behind (or stay away) on the next page.
	void event.url.pathname;
	// Asked again by the layout every little while, so an alert reaches a facilitator who stays on one page.
	event.depends(CRISIS_DEPENDENCY);
	return {
		room: { role, now: Date.now(), me: { name: user.name, organisation: memberOrganisation(db, user.id, event.params.sprintId) } },
		// Crisis alerts are for the facilitators only, as on the round page.
		crisis: role === 'facilitator' ? openCrisisAlerts(db, event.params.sprintId) : []
	};
};

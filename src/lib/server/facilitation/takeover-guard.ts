/**
 * "Take control" for form actions and JSON endpoints, in one place (the realtime server asks
 * `heldBack` itself, in collab/authorize.ts). While the facilitator has control, members who may
 * otherwise edit (deciders, partners) change nothing in the sprint: every content change is refused
 * with one message before anything is read or written. Facilitators carry on. Observers are left to
 * each action's own refusal (they may never change anything).
 *
 * What is held back (the sprint's routes, checked one by one):
 * - boards (create, rename), votes (cast, retract), prototypes (create, image upload, freeze a
 *   version), rule sets (create, rename, ask approval, approve or reject, withdraw, publish, new
 *   draft), decisions and answers to the sprint questions (the decider's);
 * - not: everything only facilitators do (members, agenda, timer, take control, board lock and
 *   private mode, ideas, test rounds, report links: never held back), reading, downloads, a rule
 *   set's test bench (records only that it ran), young people's test runs (not sprint members) and
 *   logging out.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { canEdit } from '../auth/guards';
import type { DB } from '../db';
import { getDb } from '../db';
import type { SprintRole } from '../db/schema';
import { refuse } from '../json-api';
import { sprintRole } from '../sprints/service';
import { heldBack } from './take-control';

export const TAKEOVER_REFUSED = 'facil_takeover_refused';

/** True when this member may not change the sprint now because the facilitator has control. */
export function refusedByTakeover(db: DB, sprintId: string, role: SprintRole | null, now = Date.now()): boolean {
	return role !== null && canEdit(role) && heldBack(db, sprintId, role, now);
}

/** For a JSON endpoint: the 423 refusal (`{ error, message }`) to return, or null to go on. */
export function takeoverRefusal(db: DB, sprintId: string, role: SprintRole): Response | null {
	return refusedByTakeover(db, sprintId, role) ? refuse(423, TAKEOVER_REFUSED) : null;
}

type AnyAction = (event: never) => unknown;
type ActionEvent = Pick<RequestEvent, 'locals'> & { params: Partial<Record<string, string>> };

/**
 * Wraps a page's form actions (all of them content changes of the sprint in the route): while the
 * facilitator has control they answer `fail(423, { action, error })`, the action's name so the page
 * shows the message where it shows that action's errors. Who is not signed in or not a member is
 * left to the action itself (login, 404).
 */
export function heldBackActions<T extends Record<string, AnyAction>>(actions: T): T {
	const wrapped: Record<string, (event: ActionEvent) => unknown> = {};
	for (const [name, action] of Object.entries(actions)) {
		wrapped[name] = (event) => {
			const user = event.locals.user;
			const sprintId = event.params.sprintId;
			if (user && sprintId) {
				const db = getDb();
				if (refusedByTakeover(db, sprintId, sprintRole(db, user.id, sprintId))) return fail(423, { action: name, error: TAKEOVER_REFUSED });
			}
			return (action as unknown as (event: ActionEvent) => unknown)(event);
		};
	}
	return wrapped as unknown as T;
}

import { error, type RequestEvent } from '@sveltejs/kit';
import { requireSprint, requireUser } from '../auth/guards';
import { getDb } from '../db';
import { memberOrganisation, sprintRole } from '../sprints/service';
import { getPrototype, prototypeDocName } from './service';

/**
 * For a prototype's JSON endpoints (versions, images): the signed-in member's role and the prototype
 * of this sprint (401 when not signed in; 404 for non-members and for another sprint's prototype id).
 */
export function prototypeAccess(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) error(401, 'Not signed in');
	const db = getDb();
	const { sprintId, prototypeId } = event.params as { sprintId: string; prototypeId: string };
	const role = sprintRole(db, user.id, sprintId);
	const prototype = role ? getPrototype(db, sprintId, prototypeId) : null;
	if (!role || !prototype) error(404, 'Not found');
	return { db, user, role, prototype, sprintId };
}

/**
 * For a prototype's pages: the signed-in member (to the login page when not signed in) and the
 * prototype of this sprint (404 for non-members and for another sprint's prototype id).
 */
export function requirePrototype(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId, prototypeId } = event.params as { sprintId: string; prototypeId: string };
	const role = requireSprint(db, user, sprintId);
	const prototype = getPrototype(db, sprintId, prototypeId);
	if (!prototype) error(404, 'Not found');
	const me = { userId: user.id, name: user.name, organisation: memberOrganisation(db, user.id, sprintId) };
	return { db, user, role, prototype, sprintId, me, docName: prototypeDocName(sprintId, prototypeId) };
}

import { error, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '../db';
import { readBody, refuse } from '../json-api';
import { sprintRole } from '../sprints/service';

/** For the sprint's JSON endpoints (timer, take control): the signed-in member and their role (401, 404 otherwise). */
export function sprintAccess(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) error(401, 'Not signed in');
	const db = getDb();
	const sprintId = event.params.sprintId!;
	const role = sprintRole(db, user.id, sprintId);
	if (!role) error(404, 'Not found');
	return { db, user, role, sprintId };
}

/** A facilitator's POST to such an endpoint: who, and the body read against the schema; else the refusal to return. */
export async function facilitatorPost<T extends z.ZodType>(event: RequestEvent, schema: T) {
	const { db, user, role, sprintId } = sprintAccess(event);
	if (role !== 'facilitator') return { ok: false as const, response: refuse(403, 'error_forbidden') };
	const body = await readBody(event.request, schema);
	if (!body.ok) return body;
	return { ok: true as const, db, user, sprintId, input: body.value as z.infer<T>, now: Date.now() };
}

/**
 * The sprint's shared timer as JSON. GET: `{ state, label, now, agenda }` (`now` is the server's
 * clock, so a screen can tell how far its own clock is off; `agenda` the blocks on now and next, so
 * the screens that poll the timer show those too); POST (facilitator): `{ action: 'start' | 'pause' |
 * 'resume' | 'extend' | 'reset', seconds?, label? }`.
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { agendaMoment } from '$lib/server/facilitation/now-next';
import { changeTimer, getTimer } from '$lib/server/facilitation/timer';
import { readBody, refuse } from '$lib/server/json-api';
import { sprintRole } from '$lib/server/sprints/service';

function access(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) error(401, 'Not signed in');
	const db = getDb();
	const sprintId = event.params.sprintId!;
	const role = sprintRole(db, user.id, sprintId);
	if (!role) error(404, 'Not found');
	return { db, user, role, sprintId };
}

export const GET = (event: RequestEvent) => {
	const { db, sprintId } = access(event);
	const now = Date.now();
	return json({ ...getTimer(db, sprintId, now), now, agenda: agendaMoment(db, sprintId, now) }, { headers: { 'cache-control': 'no-store' } });
};

const Action = z.object({ action: z.string().max(20), seconds: z.union([z.number(), z.string().max(12)]).optional(), label: z.string().max(200).optional() }).strict();

export const POST = async (event: RequestEvent) => {
	const { db, user, role, sprintId } = access(event);
	if (role !== 'facilitator') return refuse(403, 'error_forbidden');
	const body = await readBody(event.request, Action);
	if (!body.ok) return body.response;
	const now = Date.now();
	const changed = changeTimer(db, sprintId, user.id, body.value, now);
	if (!changed.ok) return refuse(400, changed.error);
	return json({ ...changed.value, now });
};

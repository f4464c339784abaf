/**
 * The sprint's shared timer as JSON. GET: `{ state, label, now, agenda }` (`now` is the server's
 * clock, so a screen can tell how far its own clock is off; `agenda` the blocks on now and next, so
 * the screens that poll the timer show those too); POST (facilitator): `{ action: 'start' | 'pause' |
 * 'resume' | 'extend' | 'reset', seconds?, label? }`.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { facilitatorPost, sprintAccess } from '$lib/server/facilitation/access';
import { agendaMoment } from '$lib/server/facilitation/now-next';
import { changeTimer, getTimer } from '$lib/server/facilitation/timer';
import { refuse } from '$lib/server/json-api';

export const GET = (event: RequestEvent) => {
	const { db, sprintId } = sprintAccess(event);
	const now = Date.now();
	return json({ ...getTimer(db, sprintId, now), now, agenda: agendaMoment(db, sprintId, now) }, { headers: { 'cache-control': 'no-store' } });
};

const Action = z.object({ action: z.string().max(20), seconds: z.union([z.number(), z.string().max(12)]).optional(), label: z.string().max(200).optional() }).strict();

export const POST = async (event: RequestEvent) => {
	const request = await facilitatorPost(event, Action);
	if (!request.ok) return request.response;
	const { db, user, sprintId, input, now } = request;
	const changed = changeTimer(db, sprintId, user.id, input, now);
	if (!changed.ok) return refuse(400, changed.error);
	return json({ ...changed.value, now });
};

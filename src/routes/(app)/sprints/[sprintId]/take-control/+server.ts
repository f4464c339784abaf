/**
 * "Take control" as JSON (facilitator): POST `{ "minutes": 1..60 }` locks everyone else's editing of
 * the sprint's shared documents for that long; `{ "release": true }` gives it back early. Answers
 * `{ until, now }` (server time; `until` null when released).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { facilitatorPost } from '$lib/server/facilitation/access';
import { releaseControl, takeControl } from '$lib/server/facilitation/take-control';
import { announceTakeover } from '$lib/server/facilitation/takeover-room';
import { refuse } from '$lib/server/json-api';

const Action = z.union([z.object({ minutes: z.number() }).strict(), z.object({ release: z.literal(true) }).strict()]);

export const POST = async (event: RequestEvent) => {
	const request = await facilitatorPost(event, Action);
	if (!request.ok) return request.response;
	const { db, user, sprintId, input, now } = request;
	if ('release' in input) {
		if (releaseControl(db, sprintId, now)) announceTakeover(sprintId, null, now);
		return json({ until: null, now });
	}
	const taken = takeControl(db, sprintId, user.id, input.minutes, now);
	if (!taken.ok) return refuse(400, taken.error);
	announceTakeover(sprintId, taken.value.until, now);
	return json({ until: taken.value.until, now });
};

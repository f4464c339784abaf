/** What the board's JSON endpoints (votes, private mode) share: who is asking about which board, and answers. */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { message } from '$lib/i18n/message';
import { getDb } from '../db';
import { sprintRole } from '../sprints/service';
import { getBoard } from './service';

/** The board of the URL and the person's role in its sprint; 401 without a session, 404 for non-members. */
export function boardAccess(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) error(401, 'Not signed in');
	const db = getDb();
	const { sprintId, boardId } = event.params as { sprintId: string; boardId: string };
	const role = sprintRole(db, user.id, sprintId);
	const board = role ? getBoard(db, sprintId, boardId) : null;
	if (!role || !board) error(404, 'Not found');
	return { db, user, role, board, sprintId };
}

/** A refusal as JSON: the message key and its text. */
export function refuse(status: number, key: string) {
	return json({ error: key, message: message(key) }, { status });
}

/** The request's JSON body checked against `schema`; a 400 answer when it is not JSON or does not fit. */
export async function readBody<T>(event: RequestEvent, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return { ok: false, response: refuse(400, 'error_bad_request') };
	}
	const parsed = schema.safeParse(body);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: refuse(400, 'error_bad_request') };
}

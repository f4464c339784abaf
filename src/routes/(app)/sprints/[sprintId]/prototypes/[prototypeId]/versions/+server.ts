/**
 * "Bevriezen voor testen": POST `{ "name": "…" }` stores the prototype as the server has it now as
 * the next version; answers `{ number }`. Members who may edit only.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { canEdit } from '$lib/server/auth/guards';
import { readBody, refuse } from '$lib/server/json-api';
import { prototypeAccess } from '$lib/server/prototypes/endpoint';
import { freezeVersion } from '$lib/server/prototypes/service';
import { takeoverRefusal } from '$lib/server/facilitation/takeover-guard';

const Freeze = z.object({ name: z.string().max(200).optional() }).strict();

export const POST = async (event: RequestEvent) => {
	const { db, user, role, prototype, sprintId } = prototypeAccess(event);
	if (!canEdit(role)) return refuse(403, 'error_forbidden');
	const held = takeoverRefusal(db, sprintId, role);
	if (held) return held;
	const body = await readBody(event.request, Freeze);
	if (!body.ok) return body.response;
	const frozen = freezeVersion(db, sprintId, prototype.id, { id: user.id, name: user.name }, body.value.name ?? '');
	if (!frozen.ok) return refuse(frozen.error === 'error_not_found' ? 404 : 400, frozen.error);
	return json({ number: frozen.value.number }, { status: 201 });
};

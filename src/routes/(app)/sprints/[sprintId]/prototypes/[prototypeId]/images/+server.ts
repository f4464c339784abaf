/**
 * Upload of an image for a prototype (multipart, field `file`): re-encoded on the server
 * ($lib/server/prototypes/images); answers `{ id }`, or `{ error, message }` with 400/403/413.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { canEdit } from '$lib/server/auth/guards';
import { refuse } from '$lib/server/json-api';
import { prototypeAccess } from '$lib/server/prototypes/endpoint';
import { IMAGE_MAX_BYTES, storeImage } from '$lib/server/prototypes/images';
import { takeoverRefusal } from '$lib/server/facilitation/takeover-guard';

export const POST = async (event: RequestEvent) => {
	const { db, user, role, prototype, sprintId } = prototypeAccess(event);
	if (!canEdit(role)) return refuse(403, 'error_forbidden');
	const held = takeoverRefusal(db, sprintId, role);
	if (held) return held;
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > IMAGE_MAX_BYTES + 64 * 1024) return refuse(413, 'proto_image_too_large');
	let file: FormDataEntryValue | null;
	try {
		file = (await event.request.formData()).get('file');
	} catch {
		return refuse(400, 'error_bad_request');
	}
	if (!(file instanceof File)) return refuse(400, 'proto_image_not_image');
	if (file.size > IMAGE_MAX_BYTES) return refuse(413, 'proto_image_too_large');
	const stored = await storeImage(db, prototype.id, user.id, new Uint8Array(await file.arrayBuffer()));
	if (!stored.ok) return refuse(400, stored.error);
	return json({ id: stored.value.id }, { status: 201 });
};

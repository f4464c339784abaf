/** A prototype's image, only to members of its sprint, as the re-encoded bytes with their own type. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { prototypeAccess } from '$lib/server/prototypes/endpoint';
import { getImage, imageResponse } from '$lib/server/prototypes/images';

export const GET = (event: RequestEvent) => {
	const { db, prototype } = prototypeAccess(event);
	const image = getImage(db, prototype.id, event.params.imageId ?? '');
	if (!image) error(404, 'Not found');
	// Images never change (a new upload gets a new id); private: never in a shared cache.
	return imageResponse(image, 'private, max-age=31536000, immutable');
};

import { requirePrototype } from '$lib/server/prototypes/endpoint';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { prototype, me, docName } = requirePrototype(event);
	return { prototype: { id: prototype.id, name: prototype.name, device: prototype.device }, docName, me };
};

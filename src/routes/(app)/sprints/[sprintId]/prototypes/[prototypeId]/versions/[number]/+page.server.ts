import { error } from '@sveltejs/kit';
import { canEdit } from '$lib/server/auth/guards';
import { requirePrototype } from '$lib/server/prototypes/endpoint';
import { getVersion } from '$lib/server/prototypes/service';
import { getSprint } from '$lib/server/sprints/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, role, prototype, sprintId, me, docName } = requirePrototype(event);
	const version = /^\d{1,6}$/.test(event.params.number) ? getVersion(db, prototype.id, Number(event.params.number)) : null;
	if (!version) error(404, 'Not found');
	return {
		sprint: getSprint(db, sprintId)!,
		prototype: { id: prototype.id, name: prototype.name, device: prototype.device },
		version,
		canEdit: canEdit(role),
		docName,
		me
	};
};

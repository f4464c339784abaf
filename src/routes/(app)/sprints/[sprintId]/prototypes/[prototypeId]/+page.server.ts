import { canEdit } from '$lib/server/auth/guards';
import { requirePrototype } from '$lib/server/prototypes/endpoint';
import { listVersions } from '$lib/server/prototypes/service';
import { getSprint } from '$lib/server/sprints/service';
import { heldBack } from '$lib/server/facilitation/take-control';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, role, prototype, sprintId, me, docName } = requirePrototype(event);
	return {
		sprint: getSprint(db, sprintId)!,
		prototype: { id: prototype.id, name: prototype.name, device: prototype.device, audience: prototype.audience },
		canEdit: canEdit(role) && !heldBack(db, sprintId, role),
		docName,
		versions: listVersions(db, prototype.id),
		me
	};
};

import { publishedVersion } from '$lib/server/rules/access';
import { publicationFor } from '$lib/server/rules/register';
import { getSprint } from '$lib/server/sprints/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, ruleSet, version, sprintId } = publishedVersion(event);
	return {
		sprint: getSprint(db, sprintId)!,
		ruleSet: { id: ruleSet.id, name: ruleSet.name },
		number: version.number,
		publication: publicationFor(db, ruleSet.coalitionId, version)
	};
};

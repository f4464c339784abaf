import { error } from '@sveltejs/kit';
import { ruleSetAccess } from '$lib/server/rules/access';
import { draftForBench, versionForBench } from '$lib/server/rules-bench/definition';
import { listVersions } from '$lib/server/rules/versions';
import { getSprint } from '$lib/server/sprints/service';
import type { PageServerLoad } from './$types';

/** The draft, or a published version with ?versie=<n>; every sprint member may test (nothing is changed). */
export const load: PageServerLoad = (event) => {
	const { db, ruleSet, sprintId } = ruleSetAccess(event);
	const asked = event.url.searchParams.get('versie');
	const definition = asked === null ? draftForBench(db, ruleSet) : versionForBench(db, ruleSet, Number(asked));
	if (!definition) error(404, 'Not found');
	return {
		sprint: getSprint(db, sprintId)!,
		ruleSet: { id: ruleSet.id, name: ruleSet.name, status: ruleSet.status },
		versions: listVersions(db, ruleSet.id).map((v) => v.number),
		definition
	};
};

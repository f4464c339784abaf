import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireCoalition, requireUser } from '$lib/server/auth/guards';
import { versionForBench } from '$lib/server/rules-bench/definition';
import { getRuleSet } from '$lib/server/rules/service';
import { questionsFor } from '$lib/rules-bench/questions';
import type { PageServerLoad } from './$types';

/**
 * The signal check: a published version's questions for one conversation. Members of the rule
 * set's coalition only; the answers stay in the browser (this load is the only request).
 */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const ruleSet = getRuleSet(db, event.params.rulesetId);
	if (!ruleSet) error(404, 'Not found');
	requireCoalition(db, user, ruleSet.coalitionId);
	const definition = versionForBench(db, ruleSet, Number(event.params.n));
	if (!definition) error(404, 'Not found');
	// Only what the version asks about goes to the page.
	const questions = questionsFor(definition);
	return { ruleSet: { id: ruleSet.id, name: ruleSet.name, sprintId: ruleSet.sprintId }, definition: { ...definition, fields: questions }, questions };
};

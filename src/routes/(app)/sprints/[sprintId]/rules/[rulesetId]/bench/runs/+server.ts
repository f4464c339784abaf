import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { readBody, refuse } from '$lib/server/json-api';
import { ruleSetAccess } from '$lib/server/rules/access';
import { appendAudit } from '$lib/server/rules/audit';
import { getVersion } from '$lib/server/rules/versions';
import type { RequestHandler } from './$types';

/** What a test run was: which rule set (draft or version) on what kind and size of dataset. Never records. */
const Run = z.object({
	version: z.number().int().min(1).nullable(),
	dataset: z.discriminatedUnion('kind', [
		z.object({ kind: z.literal('synthetic'), size: z.number().int().min(1).max(100_000), seed: z.number().int().min(0).max(2 ** 32 - 1) }),
		z.object({ kind: z.literal('csv'), size: z.number().int().min(1).max(100_000) })
	])
}).strict();

/** Records a test bench run in the rule set's audit log (who and when come from the session). */
export const POST: RequestHandler = async (event) => {
	const { db, ruleSet, actor } = ruleSetAccess(event);
	const body = await readBody(event.request, Run);
	if (!body.ok) return body.response;
	const { version, dataset } = body.value;
	if (version !== null && !getVersion(db, ruleSet.id, version)) return refuse(404, 'error_not_found');
	appendAudit(db, { coalitionId: ruleSet.coalitionId, ruleSetId: ruleSet.id, userId: actor.id, actor: actor.name, action: 'evaluated', detail: { via: 'bench', version: version ?? 'draft', dataset } });
	return json({ ok: true }, { status: 201 });
};

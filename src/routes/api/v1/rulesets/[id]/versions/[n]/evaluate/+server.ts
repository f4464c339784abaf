/**
 * POST /api/v1/rulesets/<id>/versions/<n>/evaluate, for partners' servers. Authorised only by a
 * coalition API token (`Authorization: Bearer <token>`), never by a session cookie; the hooks let
 * it through their same-origin check for that reason. Another coalition's rule set is 404, as an
 * unknown one is.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import type { ExportedRuleSet } from '$lib/rules/model';
import { getDb } from '$lib/server/db';
import { appendAudit } from '$lib/server/rules/audit';
import { checkRecords, evaluateRecords, MAX_BODY_BYTES } from '$lib/server/rules/evaluate-api';
import { getRuleSet } from '$lib/server/rules/service';
import { validateApiToken } from '$lib/server/rules/tokens';
import { getVersion } from '$lib/server/rules/versions';

const refuse = (status: number, error: string, details?: string[]) =>
	json({ error, ...(details ? { details } : {}) }, { status, headers: status === 401 ? { 'www-authenticate': 'Bearer' } : {} });

export const POST: RequestHandler = async ({ request, params }) => {
	const db = getDb();
	const header = request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	const caller = match ? validateApiToken(db, match[1]) : null;
	if (!caller) return refuse(401, 'a valid API token is required: Authorization: Bearer <token>');
	const ruleSet = getRuleSet(db, params.id!);
	const number = Number(params.n);
	const version = ruleSet && ruleSet.coalitionId === caller.coalitionId ? getVersion<ExportedRuleSet>(db, ruleSet.id, number) : null;
	if (!ruleSet || !version) return refuse(404, 'no such rule set version');
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return refuse(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
	let body: unknown;
	try {
		const text = await request.text();
		if (text.length > MAX_BODY_BYTES) return refuse(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
		body = JSON.parse(text);
	} catch (error) {
		return refuse(400, 'the body is not valid JSON', [(error as Error).message]);
	}
	const checked = checkRecords(body, version.definition.fields);
	if (!checked.ok) return refuse(400, 'the records do not match the rule set\'s fields', checked.errors);
	const results = evaluateRecords(version.definition, checked.records);
	appendAudit(db, {
		coalitionId: ruleSet.coalitionId,
		ruleSetId: ruleSet.id,
		actor: `API: ${caller.name}`,
		action: 'evaluated',
		detail: { version: number, records: results.length, tokenId: caller.tokenId, via: 'api' }
	});
	return json({ ruleSet: ruleSet.id, version: number, results, note: 'A signal is a prompt for a conversation, never a decision.' });
};

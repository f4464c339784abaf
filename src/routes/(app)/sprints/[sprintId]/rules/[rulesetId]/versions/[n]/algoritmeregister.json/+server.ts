import type { RequestHandler } from '@sveltejs/kit';
import { downloadName } from '$lib/server/rules/download';
import { publishedVersion } from '$lib/server/rules/access';
import { publicationFor } from '$lib/server/rules/register';

/** The Algoritmeregister publication with the field names of the register's delivery API (v1.0). */
export const GET: RequestHandler = (event) => {
	const { db, ruleSet, version } = publishedVersion(event);
	return new Response(JSON.stringify(publicationFor(db, ruleSet.coalitionId, version), null, 2) + '\n', {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${downloadName(ruleSet.name, version.number, 'algoritmeregister.json')}"`, 'cache-control': 'no-store' }
	});
};

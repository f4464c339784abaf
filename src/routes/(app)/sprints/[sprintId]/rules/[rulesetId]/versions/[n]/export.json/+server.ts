/** A published version in the exact meedoen.ruleset/1 format, as a download (sprint members). */
import type { RequestHandler } from '@sveltejs/kit';
import { publishedVersion } from '$lib/server/rules/access';
import { downloadName } from '$lib/server/rules/download';

export const GET: RequestHandler = (event) => {
	const { ruleSet, version } = publishedVersion(event);
	return new Response(JSON.stringify(version.definition, null, 2) + '\n', {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${downloadName(ruleSet.name, version.number, 'json')}"`,
			'cache-control': 'no-store'
		}
	});
};

import type { RequestHandler } from '@sveltejs/kit';
import { registerMarkdown } from '$lib/rules/algoritmeregister';
import { downloadName } from '$lib/server/rules/download';
import { publishedVersion } from '$lib/server/rules/access';
import { publicationFor } from '$lib/server/rules/register';

/** The Algoritmeregister publication as Markdown, with the register's Dutch headings. */
export const GET: RequestHandler = (event) => {
	const { db, ruleSet, version } = publishedVersion(event);
	return new Response(registerMarkdown(publicationFor(db, ruleSet.coalitionId, version)), {
		headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${downloadName(ruleSet.name, version.number, 'algoritmeregister.md')}"`, 'cache-control': 'no-store' }
	});
};

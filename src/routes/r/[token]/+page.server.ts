/**
 * The read-only report behind a shared link: no account needed, only the report. Unknown, expired
 * and revoked links answer alike; wrong tokens are counted per address (report-links.ts).
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { buildReport } from '$lib/server/facilitation/report';
import { linkLimiter, resolveReportLink } from '$lib/server/facilitation/report-links';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const address = event.getClientAddress();
	event.setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	if (await linkLimiter.blocked(address)) error(429, 'Too many wrong links');
	const db = getDb();
	const sprintId = resolveReportLink(db, event.params.token);
	if (!sprintId) {
		await linkLimiter.failed(address);
		error(404, 'Not found');
	}
	const report = await buildReport(db, sprintId);
	if (!report) error(404, 'Not found');
	return { report };
};

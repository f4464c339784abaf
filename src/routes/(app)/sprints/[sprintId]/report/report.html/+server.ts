/** The sprint report as one self-contained HTML file (any member of the sprint). */
import { error } from '@sveltejs/kit';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { buildReport } from '$lib/server/facilitation/report';
import { downloadHeaders, reportFileName, reportHtml } from '$lib/server/facilitation/report-file';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	requireSprint(db, user, event.params.sprintId);
	const report = await buildReport(db, event.params.sprintId);
	if (!report) error(404, 'Not found');
	return new Response(reportHtml(report), { headers: downloadHeaders('text/html; charset=utf-8', reportFileName(report, 'html')) });
};

/** The sprint report as a PDF (any member of the sprint). */
import { error } from '@sveltejs/kit';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { buildReport } from '$lib/server/facilitation/report';
import { downloadHeaders, reportFileName } from '$lib/server/facilitation/report-file';
import { reportPdf } from '$lib/server/facilitation/report-pdf';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	requireSprint(db, user, event.params.sprintId);
	const report = await buildReport(db, event.params.sprintId);
	if (!report) error(404, 'Not found');
	return new Response(new Uint8Array(await reportPdf(report)), { headers: downloadHeaders('application/pdf', reportFileName(report, 'pdf')) });
};

import { error, fail } from '@sveltejs/kit';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { buildReport } from '$lib/server/facilitation/report';
import { createReportLink, DEFAULT_LINK_DAYS, listReportLinks, revokeReportLink } from '$lib/server/facilitation/report-links';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId } = event.params;
	const role = requireSprint(db, user, sprintId);
	const report = await buildReport(db, sprintId);
	if (!report) error(404, 'Not found');
	return { report, role, links: role === 'facilitator' ? listReportLinks(db, sprintId) : [], defaultDays: DEFAULT_LINK_DAYS };
};

/** Sharing the report outside the sprint is the facilitator's decision. */
function facilitator(event: RequestEvent) {
	const user = requireUser(event);
	requireSprint(getDb(), user, event.params.sprintId, ['facilitator']);
	return user;
}

export const actions: Actions = {
	share: async (event) => {
		const user = facilitator(event);
		const form = await event.request.formData();
		const made = createReportLink(getDb(), event.params.sprintId, user.id, form.get('days')?.toString() ?? '');
		if (!made.ok) return fail(400, { action: 'share', error: made.error });
		return { action: 'share', url: `${event.url.origin}/r/${made.value.token}` };
	},
	revoke: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const result = revokeReportLink(getDb(), event.params.sprintId, form.get('linkId')?.toString());
		return result.ok ? { action: 'revoke' } : fail(404, { action: 'revoke', error: result.error });
	}
};

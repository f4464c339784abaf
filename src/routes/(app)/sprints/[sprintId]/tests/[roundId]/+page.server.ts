import { helplines } from '$lib/server/feedback/helplines';
import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { roundAccess, ROUND_MANAGERS } from '$lib/server/feedback/access';
import { acknowledgeAlert, decideValidation, moderate } from '$lib/server/feedback/round-results';
import { roundView } from '$lib/server/feedback/round-view';
import { extendRound } from '$lib/server/feedback/rounds';
import { closeRoundAndNotify } from '$lib/server/feedback/round-close';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, role, round, sprintId } = roundAccess(event);
	const joinUrl = `${event.url.origin}/j/${round.code}`;
	return {
		sprint: getSprint(db, sprintId)!,
		isFacilitator: ROUND_MANAGERS.includes(role),
		joinUrl,
		joinPage: `${event.url.origin}/j`,
		// Shown with {@html}: safe because the SVG is drawn by the qrcode library from our own URL
		// (our origin, /j/ and a code from a fixed alphabet), never from anything a person typed.
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
		view: roundView(db, round, role),
		// The configured helplines (MEEDOEN_HELPLINES), the same as on the young people's pages.
		helplines: helplines.map((line) => ({ name: line.name, phone: line.phone }))
	};
};

/** Every change here is the facilitator's; the action name comes back so the page shows the message in the right place. */
function manage(event: Parameters<Actions[string]>[0]) {
	return roundAccess(event, { allowed: ROUND_MANAGERS });
}

export const actions: Actions = {
	extend: async (event) => {
		const { db, round } = manage(event);
		const form = await event.request.formData();
		const result = extendRound(db, round, form.get('minutes'));
		if (!result.ok) return fail(400, { action: 'window', error: result.error });
		return { action: 'window' };
	},
	close: async (event) => {
		const { db, user, round } = manage(event);
		closeRoundAndNotify(db, round, user.id);
		return { action: 'window' };
	},
	moderate: async (event) => {
		const { db, round } = manage(event);
		const form = await event.request.formData();
		const result = moderate(db, round, form.get('responseId'), form.get('do'));
		if (!result.ok) return fail(400, { action: 'moderate', error: result.error });
		return { action: 'moderate' };
	},
	seen: async (event) => {
		const { db, user, round } = manage(event);
		const form = await event.request.formData();
		const result = acknowledgeAlert(db, round, form.get('alertId'), user.id);
		// Someone else marked it seen a moment ago: nothing left to do, no error to show.
		if (!result.ok && result.error !== 'error_not_found') return fail(400, { action: 'seen', error: result.error });
		return { action: 'seen' };
	},
	validate: async (event) => {
		const { db, user, round } = manage(event);
		const form = await event.request.formData();
		const itemId = String(form.get('itemId') ?? '');
		const decision = form.get('validated');
		const validated = decision === 'true' ? true : decision === 'false' ? false : undefined;
		const result = decideValidation(db, round, itemId, { validated, reason: form.get('reason') ?? '' }, user.id);
		if (!result.ok) return fail(400, { action: 'validate', itemId, error: result.error, reason: String(form.get('reason') ?? '') });
		return { action: 'validate', itemId };
	}
};

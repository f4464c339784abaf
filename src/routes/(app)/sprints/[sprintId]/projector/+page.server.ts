import QRCode from 'qrcode';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { projectorRound } from '$lib/server/facilitation/projector';
import { getSprint } from '$lib/server/sprints/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId } = event.params;
	requireSprint(db, user, sprintId);
	const round = projectorRound(db, sprintId);
	return {
		sprint: getSprint(db, sprintId)!,
		origin: event.url.origin,
		round,
		// Shown with {@html}: drawn by the qrcode library from our own origin and a join code from a
		// fixed alphabet, never from anything a person typed.
		qrSvg: round ? await QRCode.toString(`${event.url.origin}/j/${round.code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null
	};
};

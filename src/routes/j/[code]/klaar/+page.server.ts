import { error } from '@sveltejs/kit';
import { isKiosk } from '$lib/server/feedback/run-cookie';
import { lookupRound } from '$lib/server/feedback/youth-round';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, getClientAddress }) => {
	const found = await lookupRound(params.code, getClientAddress());
	if (!found.round) error(404, 'Not found');
	return { code: found.round.code, kiosk: isKiosk(cookies) };
};

import { error } from '@sveltejs/kit';
import { isKiosk } from '$lib/server/feedback/run-cookie';
import { roundOfCode } from '$lib/server/feedback/youth-round';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies }) => {
	const round = roundOfCode(params.code);
	if (!round) error(404, 'Not found');
	return { code: round.code, kiosk: isKiosk(cookies) };
};

import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { joinLimiter } from '$lib/server/feedback/join-limit';
import { normaliseJoinCode } from '$lib/server/feedback/join-code';
import { roundByCode } from '$lib/server/feedback/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code')?.slice(0, 20) ?? '' });

export const actions: Actions = {
	/**
	 * A typed code. The address is used for the guessing limit only, in memory, never stored or
	 * logged (see join-limit.ts).
	 */
	default: async ({ request, getClientAddress }) => {
		const typed = String((await request.formData()).get('code') ?? '').slice(0, 40);
		const code = normaliseJoinCode(typed);
		if (!code) return fail(400, { error: 'error_code_format', code: typed });
		const address = getClientAddress();
		const wait = await joinLimiter.blocked(address, code);
		if (wait) return fail(429, { error: 'error_code_wait', code: typed });
		if (!roundByCode(getDb(), code)) {
			await joinLimiter.failed(address, code);
			return fail(404, { error: 'error_code_unknown', code: typed });
		}
		redirect(303, `/j/${code}`);
	}
};

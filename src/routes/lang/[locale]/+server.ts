import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { safePath } from '$lib/safe-path';
import type { RequestHandler } from './$types';

/** The language switch as a plain link, so it works without JavaScript too. */
export const GET: RequestHandler = ({ params, url, cookies }) => {
	// Only local paths: never an open redirect.
	const target = safePath(url.searchParams.get('next'));
	if (isLocale(params.locale)) {
		cookies.set(cookieName, params.locale, { path: '/', httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 60 * 60 * 24 * 400 });
	}
	redirect(303, target);
};

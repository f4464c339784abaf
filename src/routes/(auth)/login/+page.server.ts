import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkCredentials, normaliseEmail } from '$lib/server/auth/accounts';
import { loginLimiter } from '$lib/server/auth/login-limit';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/session';
import { collab } from '$lib/server/collab/install';
import { safePath } from '$lib/safe-path';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safePath(url.searchParams.get('next'), '/dashboard'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const form = await request.formData();
		const email = normaliseEmail(String(form.get('email') ?? ''));
		const password = String(form.get('password') ?? '');
		if (!email || !password) return fail(400, { error: 'error_login_missing', email });
		const wait = await loginLimiter.attempt(email);
		if (wait > 0) return fail(429, { error: 'error_login_rate_limited', minutes: Math.ceil(wait / 60), email });
		const db = getDb();
		const user = await checkCredentials(db, email, password);
		if (!user) return fail(400, { error: 'error_login_failed', email });
		await loginLimiter.succeeded(email);
		// Signing in ends any session this browser still had (and its sockets).
		if (locals.session) {
			invalidateSession(db, locals.session.id);
			collab()?.closeSession(locals.session.id);
		}
		// A fresh token at every login (never reuse a session across sign-ins).
		const { token, session } = createSession(db, user.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, safePath(url.searchParams.get('next'), '/dashboard'));
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createUser } from '$lib/server/auth/accounts';
import { signupLimiter } from '$lib/server/auth/signup-limit';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/session';
import { collab } from '$lib/server/collab/install';
import { safePath } from '$lib/safe-path';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safePath(url.searchParams.get('next'), '/dashboard'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = Object.fromEntries(await request.formData());
		const minutes = await signupLimiter.attempt(getClientAddress());
		if (minutes > 0) {
			return fail(429, { error: 'error_signup_rate_limited', minutes, field: undefined, name: String(form.name ?? ''), email: String(form.email ?? '') });
		}
		const db = getDb();
		const created = await createUser(db, form);
		if (!created.ok) {
			return fail(400, { error: created.error, field: created.field, name: String(form.name ?? ''), email: String(form.email ?? '') });
		}
		// A new account ends any session this browser still had (and its sockets).
		if (locals.session) {
			invalidateSession(db, locals.session.id);
			collab()?.closeSession(locals.session.id);
		}
		const { token, session } = createSession(db, created.value.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, safePath(url.searchParams.get('next'), '/dashboard'));
	}
};

import { error, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { startup } from '$lib/server/startup';

// Runs on import so that the dev server's websocket plugin, which loads this module, finds the
// realtime server installed; `init` waits for the rest (demo seed) before the first request.
const ready = startup();
export const init: ServerInit = () => ready;

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = validateSessionToken(getDb(), token);
		if (result.session) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) {
				setSessionCookie(event.cookies, token, result.session.expiresAt, event.url.protocol === 'https:');
			}
		} else {
			deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
		}
	}
	return resolve(event);
};

/** The partner API: authorised by a bearer token only, never by a cookie, so it is called from other origins. */
const TOKEN_API = '/api/v1/';

/**
 * SvelteKit checks Origin for form posts only; every other state-changing request (JSON endpoints)
 * must come from our own origin too (except the token API, where a cookie authorises nothing).
 */
const sameOrigin: Handle = ({ event, resolve }) => {
	const method = event.request.method;
	if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !event.url.pathname.startsWith(TOKEN_API)) {
		const origin = event.request.headers.get('origin');
		if (origin !== event.url.origin) error(403, 'Cross-site request refused');
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handle = sequence(sameOrigin, headers, i18n, session);

import type { Cookies } from '@sveltejs/kit';

/**
 * The browser's hold on one run: a cookie scoped to the round's own path, so it is sent to nothing
 * else, and gone when the round (plus the grace for late answers) is over. Kiosk mode (a shared
 * tablet) is a cookie too: it says nothing about the person.
 */
const RUN_COOKIE = 'meedoen_run';
const KIOSK_COOKIE = 'meedoen_kiosk';

const path = (code: string) => `/j/${code}`;

export function setRunCookie(cookies: Cookies, code: string, token: string, expires: Date, secure: boolean) {
	cookies.set(RUN_COOKIE, token, { path: path(code), httpOnly: true, sameSite: 'lax', secure, expires });
}

export function runToken(cookies: Cookies): string | undefined {
	return cookies.get(RUN_COOKIE);
}

export function clearRunCookie(cookies: Cookies, code: string, secure: boolean) {
	cookies.delete(RUN_COOKIE, { path: path(code), httpOnly: true, sameSite: 'lax', secure });
}

export function setKiosk(cookies: Cookies, on: boolean, secure: boolean) {
	if (on) cookies.set(KIOSK_COOKIE, '1', { path: '/j', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 24 });
	else cookies.delete(KIOSK_COOKIE, { path: '/j', httpOnly: true, sameSite: 'lax', secure });
}

export function isKiosk(cookies: Cookies): boolean {
	return cookies.get(KIOSK_COOKIE) === '1';
}

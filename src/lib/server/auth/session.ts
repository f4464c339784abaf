/**
 * Sessions as the Lucia guide teaches: a token `<id>.<secret>` with 120+ bits of randomness in
 * each part; the database stores the id and a SHA-256 of the secret only, and the secret is
 * compared in constant time. Sliding expiry: 30 days, renewed when fewer than 15 remain.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { eq, lt } from 'drizzle-orm';
import type { DB } from '../db';
import { sessions, users } from '../db/schema';
import { newSecret } from '../ids';

export const SESSION_COOKIE = 'meedoen_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL = 30 * DAY;
export const SESSION_RENEW_BELOW = 15 * DAY;

export type SessionUser = { id: string; email: string; name: string };
export type Session = { id: string; userId: string; expiresAt: Date };
export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

/** Creates a session and returns the token to put in the cookie (never stored). */
export function createSession(db: DB, userId: string, now = Date.now()) {
	const id = newSecret(15); // 120 bits
	const secret = newSecret(20); // 160 bits
	const expiresAt = new Date(now + SESSION_TTL);
	db.insert(sessions)
		.values({ id, secretHash: Buffer.from(hashSecret(secret)), userId, expiresAt })
		.run();
	return { token: `${id}.${secret}`, session: { id, userId, expiresAt } satisfies Session };
}

const NONE: SessionValidation = { session: null, user: null, renewed: false };

/**
 * Checks a token. `renew: false` where no cookie can be set (the websocket upgrade): the expiry
 * in the database must never run ahead of the cookie's.
 */
export function validateSessionToken(db: DB, token: string, now = Date.now(), { renew = true } = {}): SessionValidation {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 128) return NONE;
	const [id, secret] = parts;
	const row = db
		.select({
			id: sessions.id,
			userId: sessions.userId,
			secretHash: sessions.secretHash,
			expiresAt: sessions.expiresAt,
			email: users.email,
			name: users.name
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.get();
	if (!row) return NONE;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return NONE;
	if (now >= row.expiresAt.getTime()) {
		invalidateSession(db, row.id);
		return NONE;
	}
	let expiresAt = row.expiresAt;
	let renewed = false;
	if (renew && expiresAt.getTime() - now < SESSION_RENEW_BELOW) {
		expiresAt = new Date(now + SESSION_TTL);
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, row.id)).run();
		renewed = true;
	}
	return {
		session: { id: row.id, userId: row.userId, expiresAt },
		user: { id: row.userId, email: row.email, name: row.name },
		renewed
	};
}

/** Removes sessions past their expiry (run at start-up). */
export function purgeExpiredSessions(db: DB, now = Date.now()) {
	return db.delete(sessions).where(lt(sessions.expiresAt, new Date(now))).run().changes;
}

export function invalidateSession(db: DB, sessionId: string) {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** The session id part of a token, for closing that session's sockets; null when malformed. */
export function sessionIdOf(token: string): string | null {
	const id = token.split('.')[0];
	return id ? id : null;
}

export type CookieJar = {
	set(name: string, value: string, opts: { path: string; httpOnly: boolean; sameSite: 'lax'; secure: boolean; expires?: Date; maxAge?: number }): void;
	delete(name: string, opts: { path: string; secure: boolean }): void;
};

export function setSessionCookie(cookies: CookieJar, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

/** `secure` must match how the cookie was set: a Secure deletion is ignored by browsers on http. */
export function deleteSessionCookie(cookies: CookieJar, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { path: '/', secure });
}

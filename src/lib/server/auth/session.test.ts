import { describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSession, invalidateSession, purgeExpiredSessions, SESSION_TTL, validateSessionToken } from './session';

const DAY = 86_400_000;

describe('sessions', () => {
	it('issues a token of two random parts with at least 120 bits each, storing only a hash', () => {
		const db = testDb();
		const user = insertUser(db);
		const { token, session } = createSession(db, user.id);
		const [id, secret] = token.split('.');
		// base32: 5 bits per character
		expect(id.length * 5).toBeGreaterThanOrEqual(120);
		expect(secret.length * 5).toBeGreaterThanOrEqual(120);
		const row = db.select().from(sessions).get()!;
		expect(row.id).toBe(session.id);
		expect(Buffer.from(row.secretHash).toString()).not.toContain(secret);
		expect(JSON.stringify(db.$client.prepare('SELECT * FROM sessions').all())).not.toContain(secret);
	});

	it('gives a fresh token at every sign-in', () => {
		const db = testDb();
		const user = insertUser(db);
		const a = createSession(db, user.id);
		const b = createSession(db, user.id);
		expect(a.token).not.toBe(b.token);
		expect(a.session.id).not.toBe(b.session.id);
	});

	it('validates the right token and refuses a wrong secret, a malformed token and an unknown id', () => {
		const db = testDb();
		const user = insertUser(db, 'Anna');
		const { token } = createSession(db, user.id);
		expect(validateSessionToken(db, token).user?.name).toBe('Anna');
		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect(validateSessionToken(db, `${id}.${flipped}`).session).toBeNull();
		expect(validateSessionToken(db, id).session).toBeNull();
		expect(validateSessionToken(db, `${id}.${secret}.x`).session).toBeNull();
		expect(validateSessionToken(db, `zzzzzzzzzzzzzzzzzzzzzzzz.${secret}`).session).toBeNull();
	});

	it('slides: renews when fewer than 15 days remain, not before', () => {
		const db = testDb();
		const user = insertUser(db);
		const t0 = Date.now();
		const { token } = createSession(db, user.id, t0);
		const at10 = validateSessionToken(db, token, t0 + 10 * DAY);
		expect(at10.renewed).toBe(false);
		expect(at10.session!.expiresAt.getTime()).toBe(t0 + SESSION_TTL);
		const at16 = validateSessionToken(db, token, t0 + 16 * DAY);
		expect(at16.renewed).toBe(true);
		expect(at16.session!.expiresAt.getTime()).toBe(t0 + 16 * DAY + SESSION_TTL);
	});

	it('does not renew where no cookie can be set (renew: false)', () => {
		const db = testDb();
		const user = insertUser(db);
		const t0 = Date.now();
		const { token } = createSession(db, user.id, t0);
		const at16 = validateSessionToken(db, token, t0 + 16 * DAY, { renew: false });
		expect(at16.renewed).toBe(false);
		expect(db.select().from(sessions).get()!.expiresAt.getTime()).toBe(t0 + SESSION_TTL);
	});

	it('purges expired sessions', () => {
		const db = testDb();
		const user = insertUser(db);
		const t0 = Date.now();
		createSession(db, user.id, t0 - 40 * DAY);
		const { token } = createSession(db, user.id, t0);
		expect(purgeExpiredSessions(db, t0)).toBe(1);
		expect(validateSessionToken(db, token, t0).session).not.toBeNull();
	});

	it('refuses and deletes an expired session', () => {
		const db = testDb();
		const user = insertUser(db);
		const t0 = Date.now();
		const { token } = createSession(db, user.id, t0);
		expect(validateSessionToken(db, token, t0 + 31 * DAY).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('ends on logout', () => {
		const db = testDb();
		const user = insertUser(db);
		const { token, session } = createSession(db, user.id);
		invalidateSession(db, session.id);
		expect(validateSessionToken(db, token).session).toBeNull();
	});
});

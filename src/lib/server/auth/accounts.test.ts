import { describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { testDb } from '../db/test-db';
import { checkCredentials, checkSignup, createUser } from './accounts';

const good = { name: 'Sanne de Vries', email: 'Sanne@Example.org', password: 'lange zin met woorden' };

describe('sign-up checks', () => {
	it.each([
		[{ ...good, name: '  ' }, 'error_name_required', 'name'],
		[{ ...good, name: 'x'.repeat(121) }, 'error_name_too_long', 'name'],
		[{ ...good, email: 'not-an-email' }, 'error_email_invalid', 'email'],
		[{ ...good, password: 'short' }, 'error_password_too_short', 'password'],
		[{ ...good, password: 'x'.repeat(257) }, 'error_password_too_long', 'password'],
		[{ ...good, password: 'aaaaaaaaaa' }, 'error_password_weak', 'password'],
		[{ ...good, password: 'sanne@example.org' }, 'error_password_weak', 'password'],
		[{ name: 1, email: null, password: undefined }, 'error_name_required', 'name']
	])('refuses %o with %s', (form, error, field) => {
		expect(checkSignup(form)).toEqual({ ok: false, error, field });
	});

	it('accepts 8 and 256 characters', () => {
		expect(checkSignup({ ...good, password: '12345678' }).ok).toBe(true);
		expect(checkSignup({ ...good, password: 'ab'.repeat(128) }).ok).toBe(true);
	});
});

describe('accounts', () => {
	it('creates a user with a lower-cased e-mail and finds them by credentials', async () => {
		const db = testDb();
		const created = await createUser(db, good);
		expect(created.ok).toBe(true);
		expect(db.select().from(users).get()!.email).toBe('sanne@example.org');
		expect((await checkCredentials(db, ' SANNE@example.org ', good.password))?.name).toBe('Sanne de Vries');
		expect(await checkCredentials(db, 'sanne@example.org', 'wrong password')).toBeNull();
		expect(await checkCredentials(db, 'nobody@example.org', good.password)).toBeNull();
	});

	it('refuses a duplicate e-mail (any case) and creates nothing', async () => {
		const db = testDb();
		await createUser(db, good);
		const again = await createUser(db, { ...good, email: 'SANNE@EXAMPLE.ORG', name: 'Other' });
		expect(again).toEqual({ ok: false, error: 'error_email_taken', field: 'email' });
		expect(db.select().from(users).all()).toHaveLength(1);
	});
});

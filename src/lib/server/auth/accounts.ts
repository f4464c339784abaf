import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '../db';
import { users } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { dummyHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';
import type { SessionUser } from './session';

const email = z.string().trim().toLowerCase().max(254).email();


export function normaliseEmail(value: string) {
	return value.trim().toLowerCase();
}

/** Validates sign-up fields; returns the first problem as a message key with its field. */
export function checkSignup(form: { name?: unknown; email?: unknown; password?: unknown }): Result<{ name: string; email: string; password: string }> {
	const name = typeof form.name === 'string' ? form.name.trim() : '';
	const mail = typeof form.email === 'string' ? normaliseEmail(form.email) : '';
	const password = typeof form.password === 'string' ? form.password : '';
	if (!name) return fail('error_name_required', 'name');
	if (name.length > 120) return fail('error_name_too_long', 'name');
	if (!email.safeParse(mail).success) return fail('error_email_invalid', 'email');
	if (password.length < PASSWORD_MIN) return fail('error_password_too_short', 'password');
	if (password.length > PASSWORD_MAX) return fail('error_password_too_long', 'password');
	if (password.toLowerCase() === mail || /^(.)\1+$/.test(password)) return fail('error_password_weak', 'password');
	return ok({ name, email: mail, password });
}

export async function createUser(db: DB, form: { name?: unknown; email?: unknown; password?: unknown }): Promise<Result<SessionUser>> {
	const checked = checkSignup(form);
	if (!checked.ok) return checked;
	const { name, email: mail, password } = checked.value;
	if (db.select({ id: users.id }).from(users).where(eq(users.email, mail)).get()) {
		return fail('error_email_taken', 'email');
	}
	const passwordHash = await hashPassword(password);
	const id = newId();
	try {
		db.insert(users).values({ id, email: mail, name, passwordHash }).run();
	} catch (error) {
		// Two sign-ups for one address at the same moment: the unique index decides.
		if (String(error).includes('UNIQUE')) return fail('error_email_taken', 'email');
		throw error;
	}
	return ok({ id, email: mail, name });
}

/** Checks e-mail and password; always spends one argon2 verification so timing reveals nothing. */
export async function checkCredentials(db: DB, rawEmail: string, password: string): Promise<SessionUser | null> {
	const mail = normaliseEmail(rawEmail);
	const row = mail ? db.select().from(users).where(eq(users.email, mail)).get() : undefined;
	if (!row || password.length > PASSWORD_MAX) {
		await verifyPassword(await dummyHash(), password.slice(0, PASSWORD_MAX));
		return null;
	}
	if (!(await verifyPassword(row.passwordHash, password))) return null;
	return { id: row.id, email: row.email, name: row.name };
}

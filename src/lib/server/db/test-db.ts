/** A fresh in-memory database with the committed migrations applied, for unit tests. */
import { openDatabase } from '.';
import { users } from './schema';
import { newId } from '../ids';

export function testDb() {
	return openDatabase(':memory:');
}

/** Inserts a user directly (no argon2: unit tests of other modules need not pay for it). */
export function insertUser(db: ReturnType<typeof testDb>, name = 'Test') {
	const id = newId();
	db.insert(users).values({ id, email: `${id}@example.org`, name, passwordHash: 'x' }).run();
	return { id, email: `${id}@example.org`, name };
}

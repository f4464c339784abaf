import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
	it('hashes with argon2id at 19 MiB, t=2, p=1 and verifies', async () => {
		const hashed = await hashPassword('correct horse battery');
		expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hashed, 'correct horse batterY')).toBe(false);
	});

	it('salts: the same password hashes differently', async () => {
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});

	it('treats a damaged hash as a wrong password, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
	});
});

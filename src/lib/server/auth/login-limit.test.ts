import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limit';

describe('login rate limit', () => {
	it('blocks an account after 5 failures, per account, until reset', async () => {
		const limiter = createLoginLimiter();
		for (let i = 0; i < 4; i++) await limiter.recordFailure('a@example.org');
		expect(await limiter.blockedFor('a@example.org')).toBe(0);
		await limiter.recordFailure('a@example.org');
		const wait = await limiter.blockedFor('a@example.org');
		expect(wait).toBeGreaterThan(14 * 60);
		expect(wait).toBeLessThanOrEqual(15 * 60);
		// Another account behind the same school address is not affected.
		expect(await limiter.blockedFor('b@example.org')).toBe(0);
		await limiter.reset('a@example.org');
		expect(await limiter.blockedFor('a@example.org')).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limit';

describe('login rate limit', () => {
	it('allows 5 attempts per account in 15 minutes, per account, and forgives a success', async () => {
		const limiter = createLoginLimiter();
		for (let i = 0; i < 5; i++) expect(await limiter.attempt('a@example.org')).toBe(0);
		const wait = await limiter.attempt('a@example.org');
		expect(wait).toBeGreaterThan(14 * 60);
		expect(wait).toBeLessThanOrEqual(15 * 60);
		// Another account behind the same school address is not affected.
		expect(await limiter.attempt('b@example.org')).toBe(0);
		await limiter.succeeded('b@example.org');
		for (let i = 0; i < 5; i++) expect(await limiter.attempt('b@example.org')).toBe(0);
	});

	it('counts attempts made in parallel', async () => {
		const limiter = createLoginLimiter();
		const waits = await Promise.all(Array.from({ length: 40 }, () => limiter.attempt('c@example.org')));
		expect(waits.filter((w) => w === 0)).toHaveLength(5);
	});
});

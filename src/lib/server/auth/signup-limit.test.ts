import { describe, expect, it } from 'vitest';
import { createSignupLimiter } from './signup-limit';

describe('signup limiter', () => {
	it('lets an address sign up up to the limit, then asks it to wait', async () => {
		const limiter = createSignupLimiter(3);
		for (let i = 0; i < 3; i++) expect(await limiter.attempt('10.0.0.1')).toBe(0);
		const wait = await limiter.attempt('10.0.0.1');
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60);
	});

	it('counts each address on its own', async () => {
		const limiter = createSignupLimiter(1);
		expect(await limiter.attempt('10.0.0.1')).toBe(0);
		expect(await limiter.attempt('10.0.0.2')).toBe(0);
		expect(await limiter.attempt('10.0.0.1')).toBeGreaterThan(0);
	});
});

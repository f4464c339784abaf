import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Failed logins per account: 5 per 15 minutes. Keyed by the account's e-mail address (not the IP)
 * so 30 tablets behind one school address never block each other.
 */
export function createLoginLimiter(points = 5, durationSeconds = 15 * 60) {
	const limiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: 'login' });
	return {
		/** Seconds until the account may try again, or 0 when it may try now. */
		async blockedFor(email: string): Promise<number> {
			const res = await limiter.get(email);
			if (!res || res.consumedPoints < points) return 0;
			return Math.ceil(res.msBeforeNext / 1000);
		},
		async recordFailure(email: string) {
			await limiter.penalty(email, 1);
		},
		async reset(email: string) {
			await limiter.delete(email);
		}
	};
}

export const loginLimiter = createLoginLimiter();

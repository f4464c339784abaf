import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed logins per account: 5 per 15 minutes. Keyed by the account's e-mail address (not the IP)
 * so 30 tablets behind one school address never block each other. An attempt takes its point
 * before the password is checked, so parallel attempts cannot slip past the limit; a successful
 * login gives the points back.
 */
export function createLoginLimiter(points = 5, durationSeconds = 15 * 60) {
	const limiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: 'login' });
	const key = (email: string) => email.slice(0, 254);
	return {
		/** Takes one attempt; returns the seconds to wait when the account is blocked, else 0. */
		async attempt(email: string): Promise<number> {
			try {
				await limiter.consume(key(email), 1);
				return 0;
			} catch (res) {
				if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
				throw res;
			}
		},
		async succeeded(email: string) {
			await limiter.delete(key(email));
		}
	};
}

export const loginLimiter = createLoginLimiter();

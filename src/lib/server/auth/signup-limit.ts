import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-ups per network address: 100 an hour by default (MEEDOEN_SIGNUPS_PER_HOUR). Each attempt
 * costs an argon2 hash, so without a limit a script could keep the server's CPU busy. 100 leaves
 * room for a whole sprint (14 organisations, a few people each, some typos) signing up together
 * from one venue's Wi-Fi. In memory only; the address is never stored.
 */
export function createSignupLimiter(perHour = Number(process.env.MEEDOEN_SIGNUPS_PER_HOUR) || 100) {
	const limiter = new RateLimiterMemory({ points: perHour, duration: 60 * 60, keyPrefix: 'signup' });
	return {
		/** Takes one attempt; returns the minutes to wait when this address made too many, else 0. */
		async attempt(address: string): Promise<number> {
			try {
				await limiter.consume(address, 1);
				return 0;
			} catch (res) {
				if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
				throw res;
			}
		}
	};
}

export const signupLimiter = createSignupLimiter();

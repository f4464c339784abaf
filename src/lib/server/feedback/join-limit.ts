import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Guessing join codes: wrong codes are counted per address (60 a minute) and per typed code (10 a
 * minute on the same wrong code), in memory only. A right code is never counted, so 30 tablets
 * behind one school address can all join at once; a class that mistypes now and then stays far
 * below 60. With 26^8 codes, 60 guesses a minute find nothing.
 */
export function createJoinLimiter(perAddress = 60, perCode = 10, durationSeconds = 60) {
	const byAddress = new RateLimiterMemory({ points: perAddress, duration: durationSeconds, keyPrefix: 'join-address' });
	const byCode = new RateLimiterMemory({ points: perCode, duration: durationSeconds, keyPrefix: 'join-code' });
	const waitSeconds = (res: { consumedPoints: number; msBeforeNext: number } | null, points: number) =>
		res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
	return {
		/** Seconds to wait before this address may try this code, or 0. Counts nothing. */
		async blocked(address: string, typed: string): Promise<number> {
			const [a, c] = await Promise.all([byAddress.get(address), byCode.get(typed.slice(0, 40))]);
			return Math.max(waitSeconds(a, perAddress), waitSeconds(c, perCode));
		},
		/** A wrong code was tried. */
		async failed(address: string, typed: string) {
			await Promise.allSettled([byAddress.penalty(address, 1), byCode.penalty(typed.slice(0, 40), 1)]);
		}
	};
}

export const joinLimiter = createJoinLimiter();

/**
 * New runs per address: 600 an hour by default (MEEDOEN_RUN_STARTS_PER_HOUR), above 30 kiosk tablets
 * each starting a run every 3 minutes, while a script that starts thousands of runs to sway a verdict
 * is stopped. In memory only.
 */
export function createStartLimiter(perHour = Number(process.env.MEEDOEN_RUN_STARTS_PER_HOUR) || 600) {
	const limiter = new RateLimiterMemory({ points: perHour, duration: 60 * 60, keyPrefix: 'run-start' });
	return {
		/** Takes one start; false when the address started too many runs this hour. */
		async take(address: string): Promise<boolean> {
			try {
				await limiter.consume(address, 1);
				return true;
			} catch {
				return false;
			}
		}
	};
}

export const startLimiter = createStartLimiter();

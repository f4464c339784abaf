/**
 * A per-connection message budget. Hand-written rather than a rate-limit library because it runs
 * for every websocket frame and must be synchronous and allocation-free.
 */
export class TokenBucket {
	#tokens: number;
	#last: number;

	constructor(
		readonly perSecond: number,
		readonly burst: number,
		private readonly now: () => number = () => performance.now()
	) {
		this.#tokens = burst;
		this.#last = now();
	}

	take(): boolean {
		const t = this.now();
		this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#last) / 1000) * this.perSecond);
		this.#last = t;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}

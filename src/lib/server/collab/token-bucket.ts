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

	/** Takes `cost` tokens (1 per message, or the bytes of a frame) when there are enough. */
	take(cost = 1): boolean {
		const t = this.now();
		this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#last) / 1000) * this.perSecond);
		this.#last = t;
		if (this.#tokens < cost) return false;
		this.#tokens -= cost;
		return true;
	}
}

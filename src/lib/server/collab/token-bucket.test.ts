import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('token bucket', () => {
	it('allows the burst, then the rate', () => {
		let now = 0;
		const bucket = new TokenBucket(10, 20, () => now);
		let allowed = 0;
		for (let i = 0; i < 50; i++) if (bucket.take()) allowed++;
		expect(allowed).toBe(20);
		now += 500; // half a second refills 5
		allowed = 0;
		for (let i = 0; i < 50; i++) if (bucket.take()) allowed++;
		expect(allowed).toBe(5);
	});

	it('can count bytes: a cost per take', () => {
		let now = 0;
		const bucket = new TokenBucket(1000, 4000, () => now);
		expect(bucket.take(3000)).toBe(true);
		expect(bucket.take(2000)).toBe(false);
		now += 1000;
		expect(bucket.take(2000)).toBe(true);
	});
});

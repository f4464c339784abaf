import { describe, expect, it } from 'vitest';
import { createJoinLimiter, createStartLimiter } from './join-limit';

describe('join-code guessing limit', () => {
	it('blocks an address after too many wrong codes, and only that address', async () => {
		const limiter = createJoinLimiter(3, 100);
		for (let i = 0; i < 3; i++) {
			expect(await limiter.blocked('10.0.0.1', `WRONG${i}`)).toBe(0);
			await limiter.failed('10.0.0.1', `WRONG${i}`);
		}
		expect(await limiter.blocked('10.0.0.1', 'ANYCODE1')).toBeGreaterThan(0);
		expect(await limiter.blocked('10.0.0.2', 'ANYCODE1')).toBe(0);
	});

	it('blocks hammering one wrong code from many addresses', async () => {
		const limiter = createJoinLimiter(100, 2);
		await limiter.failed('a', 'SAMECODE');
		await limiter.failed('b', 'SAMECODE');
		expect(await limiter.blocked('c', 'SAMECODE')).toBeGreaterThan(0);
		expect(await limiter.blocked('c', 'OTHERCOD')).toBe(0);
	});

	it('never counts looking, so 30 tablets behind one address join freely', async () => {
		const limiter = createJoinLimiter(3, 3);
		for (let i = 0; i < 30; i++) expect(await limiter.blocked('school', 'RIGHTCOD')).toBe(0);
	});
});

describe('new runs per address', () => {
	it('lets a class start many runs, and stops a flood', async () => {
		const limiter = createStartLimiter(3);
		for (let i = 0; i < 3; i++) expect(await limiter.take('school')).toBe(true);
		expect(await limiter.take('school')).toBe(false);
		expect(await limiter.take('elsewhere')).toBe(true);
	});
});

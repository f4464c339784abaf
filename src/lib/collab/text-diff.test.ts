import { describe, expect, it } from 'vitest';
import { diffText, transformPosition } from './text-diff';

describe('text diff', () => {
	it.each([
		['abc', 'abXc', { index: 2, remove: 0, insert: 'X' }],
		['abc', 'ac', { index: 1, remove: 1, insert: '' }],
		['abc', 'aZc', { index: 1, remove: 1, insert: 'Z' }],
		['', 'hallo', { index: 0, remove: 0, insert: 'hallo' }],
		['aaa', 'aaaa', { index: 3, remove: 0, insert: 'a' }],
		['same', 'same', { index: 4, remove: 0, insert: '' }]
	])('%j -> %j', (a, b, expected) => {
		expect(diffText(a, b)).toEqual(expected);
	});

	it('keeps the caret in place when someone edits before or after it', () => {
		expect(transformPosition(5, [{ insert: 'abc' }])).toBe(8);
		expect(transformPosition(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
		expect(transformPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
		expect(transformPosition(2, [{ delete: 10 }])).toBe(0);
	});
});

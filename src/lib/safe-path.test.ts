import { describe, expect, it } from 'vitest';
import { safePath } from './safe-path';

describe('safe redirect paths', () => {
	it.each([
		['/sprints/abc', '/sprints/abc'],
		['/a?b=c', '/a?b=c'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['https://evil.example', '/'],
		['javascript:alert(1)', '/'],
		['/\t/evil.example', '/'],
		['/%09/evil.example', '/%09/evil.example'],
		['/\n/evil.example', '/'],
		['/ /evil', '/%20/evil'],
		['/a/../../b', '/b'],
		['', '/'],
		[null, '/']
	])('%j -> %j', (input, expected) => {
		expect(safePath(input)).toBe(expected);
	});
});

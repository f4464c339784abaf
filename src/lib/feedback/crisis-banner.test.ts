import { describe, expect, it } from 'vitest';
import { bannerHidden } from './crisis-banner';

describe('bannerHidden', () => {
	it('shows the banner on the sprint pages, also on another round and the rounds list', () => {
		for (const path of ['/sprints/s1', '/sprints/s1/boards/b1', '/sprints/s1/agenda', '/sprints/s1/tests', '/sprints/s1/tests/r2']) expect(bannerHidden(path, 's1', 'r1')).toBe(false);
	});
	it('leaves it off the round page itself (the full alert is there), the projector and print-outs', () => {
		for (const path of ['/sprints/s1/tests/r1', '/sprints/s1/projector', '/sprints/s1/tests/r1/print']) expect(bannerHidden(path, 's1', 'r1')).toBe(true);
	});
});

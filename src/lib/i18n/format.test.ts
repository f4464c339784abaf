import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './format';

describe('clock times', () => {
	it('are shown as the clock in the Netherlands shows them, whatever the server runs in', () => {
		// 09:00 UTC is 10:00 in winter and 11:00 in summer in Amsterdam.
		expect(formatTime(Date.UTC(2026, 11, 1, 9, 0))).toBe('10:00');
		expect(formatTime(Date.UTC(2026, 6, 1, 9, 0))).toBe('11:00');
		expect(formatDateTime(Date.UTC(2026, 11, 1, 23, 30))).toContain('2 dec 2026');
	});
});

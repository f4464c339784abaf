import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LONG_PRESS_MS, LONG_PRESS_SLOP, LongPress, type Press } from './long-press';

describe('LongPress', () => {
	let pressed: Press[];
	let gesture: LongPress;
	beforeEach(() => {
		vi.useFakeTimers();
		pressed = [];
		gesture = new LongPress((press) => pressed.push(press));
	});
	afterEach(() => vi.useRealTimers());

	it('fires once for a finger held still on an item', () => {
		gesture.down(1, 'note-a', 100, 200);
		vi.advanceTimersByTime(LONG_PRESS_MS - 1);
		expect(pressed).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(pressed).toEqual([{ id: 'note-a', x: 100, y: 200 }]);
		vi.advanceTimersByTime(LONG_PRESS_MS * 3);
		expect(pressed).toHaveLength(1);
	});

	it('tolerates a trembling finger within the slop', () => {
		gesture.down(1, 'note-a', 100, 200);
		gesture.move(1, 100 + LONG_PRESS_SLOP - 1, 200);
		gesture.move(1, 100, 200 - (LONG_PRESS_SLOP - 1));
		vi.advanceTimersByTime(LONG_PRESS_MS);
		expect(pressed.map((p) => p.id)).toEqual(['note-a']);
	});

	it('is a drag, not a press, once the finger moves further than the slop', () => {
		gesture.down(1, 'note-a', 100, 200);
		gesture.move(1, 100 + LONG_PRESS_SLOP, 200 + LONG_PRESS_SLOP);
		expect(gesture.pending).toBe(false);
		vi.advanceTimersByTime(LONG_PRESS_MS * 2);
		expect(pressed).toEqual([]);
	});

	it('is a tap when the finger lifts early', () => {
		gesture.down(1, 'note-a', 100, 200);
		vi.advanceTimersByTime(LONG_PRESS_MS / 2);
		gesture.up(1);
		vi.advanceTimersByTime(LONG_PRESS_MS);
		expect(pressed).toEqual([]);
	});

	it('is a pinch when a second finger comes down, even after the first one lifts', () => {
		gesture.down(1, 'note-a', 100, 200);
		gesture.down(2, 'note-a', 300, 200);
		gesture.up(2);
		vi.advanceTimersByTime(LONG_PRESS_MS * 2);
		expect(pressed).toEqual([]);
	});

	it('ignores another finger moving, and the empty board', () => {
		gesture.down(1, null, 10, 10);
		vi.advanceTimersByTime(LONG_PRESS_MS);
		expect(pressed).toEqual([]);
		gesture.up(1);
		gesture.down(3, 'note-b', 50, 50);
		gesture.move(4, 500, 500);
		vi.advanceTimersByTime(LONG_PRESS_MS);
		expect(pressed.map((p) => p.id)).toEqual(['note-b']);
	});
});

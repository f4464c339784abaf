import { describe, expect, it } from 'vitest';
import { appendStart, checkDay, formatTime, nowAndNext, parseTime, reorder, shiftFrom, type Block } from './agenda';
import { TEMPLATES } from './templates';
import { sprintDayOf, wallClock } from './clock';
import { clockOffset, extendTimer, formatRemaining, pauseTimer, remaining, resumeTimer, settle, SHOW_ENDED_MS, startTimer, timerShows, type TimerState } from './timer';

const day: Block[] = [
	{ id: 'intro', start: 9 * 60 + 30, duration: 30 },
	{ id: 'talks', start: 10 * 60, duration: 90 },
	{ id: 'lunch', start: 12 * 60, duration: 45 },
	{ id: 'map', start: 12 * 60 + 45, duration: 60 }
];

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

describe('agenda', () => {
	it('reads and writes times of day', () => {
		expect(parseTime('09:30')).toBe(570);
		expect(parseTime('9.05')).toBe(545);
		expect(parseTime('24:00')).toBeNull();
		expect(parseTime('12:60')).toBeNull();
		expect(parseTime(930)).toBeNull();
		expect(formatTime(570)).toBe('09:30');
		expect(formatTime(1440)).toBe('24:00');
	});

	it('accepts a day whose blocks follow each other, with gaps', () => {
		expect(value(checkDay(day)).map((b) => b.id)).toEqual(['intro', 'talks', 'lunch', 'map']);
	});

	it.each([
		[[{ id: 'a', start: 600, duration: 60 }, { id: 'b', start: 630, duration: 30 }], 'error_agenda_overlap', 'b'],
		[[{ id: 'late', start: 23 * 60 + 30, duration: 60 }], 'error_agenda_past_midnight', 'late'],
		[[{ id: 'zero', start: 600, duration: 0 }], 'error_agenda_duration', 'zero'],
		[[{ id: 'long', start: 0, duration: 24 * 60 }], 'error_agenda_duration', 'long'],
		[[{ id: 'neg', start: -10, duration: 30 }], 'error_agenda_start', 'neg']
	])('refuses %j with a reason and the block it is about', (blocks, error, blockId) => {
		expect(checkDay(blocks)).toEqual({ ok: false, error, blockId });
	});

	it('reorders from the first start, each block keeping its duration', () => {
		const laid = value(reorder(day, ['talks', 'intro', 'map', 'lunch']));
		expect(laid.map((b) => [b.id, formatTime(b.start)])).toEqual([
			['talks', '09:30'],
			['intro', '11:00'],
			['map', '11:30'],
			['lunch', '12:30']
		]);
		expect(reorder(day, ['talks', 'intro'])).toEqual({ ok: false, error: 'error_agenda_order' });
		expect(reorder(day, ['talks', 'talks', 'map', 'lunch'])).toEqual({ ok: false, error: 'error_agenda_order' });
	});

	it('shifts the rest of the day when a block runs late, but not past midnight or into the block before', () => {
		const late = value(shiftFrom(day, 'lunch', 20));
		expect(late.map((b) => formatTime(b.start))).toEqual(['09:30', '10:00', '12:20', '13:05']);
		expect(shiftFrom(day, 'lunch', -40)).toMatchObject({ ok: false, error: 'error_agenda_overlap' });
		expect(shiftFrom(day, 'map', 11 * 60)).toMatchObject({ ok: false, error: 'error_agenda_past_midnight' });
	});

	it('knows what is on now and what comes next', () => {
		expect(nowAndNext(day, 10 * 60 + 15)).toMatchObject({ now: { id: 'talks' }, next: { id: 'lunch' } });
		// In a gap: nothing now, the next one is coming.
		expect(nowAndNext(day, 11 * 60 + 45)).toMatchObject({ now: null, next: { id: 'lunch' } });
		expect(nowAndNext(day, 20 * 60)).toEqual({ now: null, next: null });
		expect(appendStart(day)).toBe(13 * 60 + 45);
		expect(appendStart([], 510)).toBe(510);
	});
});

describe('timer', () => {
	const T = 1_000_000;
	it('counts down from the server end time, pauses, resumes and extends', () => {
		let state: TimerState = value(startTimer(5 * 60_000, T));
		expect(remaining(state, T + 60_000)).toBe(4 * 60_000);
		state = value(pauseTimer(state, T + 60_000));
		expect(remaining(state, T + 10 * 60_000)).toBe(4 * 60_000);
		state = value(resumeTimer(state, T + 10 * 60_000));
		expect(remaining(state, T + 11 * 60_000)).toBe(3 * 60_000);
		state = value(extendTimer(state, 60_000, T + 11 * 60_000));
		expect(remaining(state, T + 11 * 60_000)).toBe(4 * 60_000);
		expect(settle(state, T + 20 * 60_000)).toMatchObject({ status: 'done' });
		expect(remaining(state, T + 20 * 60_000)).toBe(0);
		// An ended timer extended runs again.
		expect(remaining(value(extendTimer(state, 30_000, T + 20 * 60_000)), T + 20 * 60_000)).toBe(30_000);
	});

	it('shows "time is up" for a while after the end, then no timer at all', () => {
		const running = value(startTimer(60_000, T));
		expect(timerShows({ status: 'idle' }, T)).toBe('none');
		expect(timerShows(running, T + 59_000)).toBe('running');
		expect(timerShows(value(pauseTimer(running, T + 1000)), T + 3600_000)).toBe('paused');
		expect(timerShows(running, T + 60_000)).toBe('ended');
		expect(timerShows(running, T + 60_000 + SHOW_ENDED_MS - 1)).toBe('ended');
		expect(timerShows(running, T + 60_000 + SHOW_ENDED_MS)).toBe('none');
	});

	it.each([0, -1000, 24 * 60 * 60 * 1000, 1500, '300000', Number.NaN])('refuses a timer of %j', (ms) => {
		expect(startTimer(ms, T)).toEqual({ ok: false, error: 'error_timer_duration' });
	});

	it('refuses what does not fit the state', () => {
		expect(pauseTimer({ status: 'idle' }, T)).toEqual({ ok: false, error: 'error_timer_state' });
		expect(resumeTimer(value(startTimer(60_000, T)), T)).toEqual({ ok: false, error: 'error_timer_state' });
		expect(extendTimer(value(startTimer(23 * 3600_000, T)), 3600_000, T)).toEqual({ ok: false, error: 'error_timer_duration' });
	});

	it('shows minutes and seconds, rounded up', () => {
		expect(formatRemaining(754_000)).toBe('12:34');
		expect(formatRemaining(753_001)).toBe('12:34');
		expect(formatRemaining(3_723_000)).toBe('1:02:03');
		expect(formatRemaining(0)).toBe('0:00');
	});

	it('estimates the clock offset from the fastest round trip', () => {
		// This screen is 5 s behind the server; the second sample had a slow answer.
		expect(clockOffset([{ sent: 1000, server: 6050, received: 1100 }, { sent: 2000, server: 7400, received: 2800 }])).toBe(5000);
		expect(clockOffset([])).toBe(0);
	});
});

describe('agenda templates', () => {
	it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: every day passes the same checks as a facilitator\'s own blocks, in both languages', (_, template) => {
		expect(template.days.length).toBe(template.id === 'design_sprint_5' ? 5 : 4);
		for (const day of template.days) {
			const checked = checkDay(day.map((block, i) => ({ ...block, id: String(i) })));
			expect(checked.ok).toBe(true);
			for (const block of day) {
				expect(block.title.nl.trim()).not.toBe('');
				expect(block.title.en.trim()).not.toBe('');
			}
		}
	});
});

describe('wall clock', () => {
	it('tells the date and minute in Dutch time, whatever the server runs in', () => {
		// 2026-03-29 01:30 UTC is 03:30 in Amsterdam (summer time started at 02:00).
		expect(wallClock(Date.parse('2026-03-29T01:30:00Z'))).toEqual({ date: '2026-03-29', minute: 3 * 60 + 30 });
		expect(wallClock(Date.parse('2026-12-01T23:30:00Z'))).toEqual({ date: '2026-12-02', minute: 30 });
	});

	it('knows the sprint day', () => {
		expect(sprintDayOf('2026-12-01', 5, '2026-12-01')).toBe(1);
		expect(sprintDayOf('2026-12-01', 5, '2026-12-05')).toBe(5);
		expect(sprintDayOf('2026-12-01', 5, '2026-12-06')).toBeNull();
		expect(sprintDayOf('2026-12-01', 5, '2026-11-30')).toBeNull();
	});
});

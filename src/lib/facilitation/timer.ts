/**
 * The shared timer: one state on the server, the same countdown on every screen. Screens do not
 * count down on their own clocks from when they heard of the timer (that drifts by the network
 * delay); they know when it ends in server time and how far their clock is from the server's.
 */

export const MAX_TIMER_MS = 24 * 60 * 60 * 1000 - 1;

export type TimerState =
	| { status: 'idle' }
	| { status: 'running'; endsAt: number; durationMs: number }
	| { status: 'paused'; remainingMs: number; durationMs: number }
	| { status: 'done'; endedAt: number; durationMs: number };

export type TimerError = 'error_timer_duration' | 'error_timer_state';
type Result = { ok: true; value: TimerState } | { ok: false; error: TimerError };

const fail = (error: TimerError): Result => ({ ok: false, error });
const ok = (value: TimerState): Result => ({ ok: true, value });

/** A duration a facilitator may set: more than nothing, less than a day, whole seconds. */
export function validDuration(ms: unknown): ms is number {
	return typeof ms === 'number' && Number.isInteger(ms) && ms >= 1000 && ms <= MAX_TIMER_MS && ms % 1000 === 0;
}

export function startTimer(durationMs: unknown, now: number): Result {
	if (!validDuration(durationMs)) return fail('error_timer_duration');
	return ok({ status: 'running', endsAt: now + durationMs, durationMs });
}

export function pauseTimer(state: TimerState, now: number): Result {
	if (state.status !== 'running') return fail('error_timer_state');
	return ok({ status: 'paused', remainingMs: Math.max(0, state.endsAt - now), durationMs: state.durationMs });
}

export function resumeTimer(state: TimerState, now: number): Result {
	if (state.status !== 'paused') return fail('error_timer_state');
	return ok({ status: 'running', endsAt: now + state.remainingMs, durationMs: state.durationMs });
}

/** Adds time to a running, paused or just-ended timer (an ended one runs again for `ms`). */
export function extendTimer(state: TimerState, ms: unknown, now: number): Result {
	if (!validDuration(ms)) return fail('error_timer_duration');
	const current = settle(state, now);
	if (current.status === 'running') {
		if (current.endsAt - now + ms > MAX_TIMER_MS) return fail('error_timer_duration');
		return ok({ ...current, endsAt: current.endsAt + ms, durationMs: current.durationMs + ms });
	}
	if (current.status === 'paused') {
		if (current.remainingMs + ms > MAX_TIMER_MS) return fail('error_timer_duration');
		return ok({ ...current, remainingMs: current.remainingMs + ms, durationMs: current.durationMs + ms });
	}
	if (current.status === 'done') return ok({ status: 'running', endsAt: now + ms, durationMs: ms });
	return fail('error_timer_state');
}

/** A running timer whose end has passed is done. */
export function settle(state: TimerState, now: number): TimerState {
	return state.status === 'running' && state.endsAt <= now ? { status: 'done', endedAt: state.endsAt, durationMs: state.durationMs } : state;
}

/** An ended timer shows "time is up" this long; then screens show no timer until the next one. */
export const SHOW_ENDED_MS = 5 * 60_000;

export type TimerShows = 'none' | 'running' | 'paused' | 'ended';

/** What the room's screens show of the timer now (a forgotten "0:00" on every screen helps nobody). */
export function timerShows(state: TimerState, now: number): TimerShows {
	const current = settle(state, now);
	if (current.status === 'done') return now - current.endedAt < SHOW_ENDED_MS ? 'ended' : 'none';
	return current.status === 'idle' ? 'none' : current.status;
}

/** Milliseconds left, as every screen shows them (never below zero). */
export function remaining(state: TimerState, now: number): number {
	const current = settle(state, now);
	if (current.status === 'running') return current.endsAt - now;
	if (current.status === 'paused') return current.remainingMs;
	return 0;
}

/** 754000 -> "12:34"; an hour or more -> "1:02:03". Rounded up, so "0:00" shows only at the end. */
export function formatRemaining(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = h ? String(m).padStart(2, '0') : String(m);
	return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * How far this screen's clock is from the server's, from round trips: `sent` and `received` on this
 * screen's clock, `server` the server's clock when it answered. The sample with the shortest round
 * trip is the most exact (its answer was least delayed), as in NTP.
 */
export function clockOffset(samples: { sent: number; server: number; received: number }[]): number {
	if (!samples.length) return 0;
	const best = samples.reduce((a, b) => (b.received - b.sent < a.received - a.sent ? b : a));
	return best.server - (best.sent + best.received) / 2;
}

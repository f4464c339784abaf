/**
 * The shared timer in the browser: asks the server every few seconds, keeps how far this screen's
 * clock is from the server's (from the fastest recent round trip), and counts down to the server's
 * end time on its own clock plus that offset. Every screen so shows the same seconds.
 */
import type { AgendaMoment } from './agenda';
import { clockOffset, formatRemaining, remaining, timerShows, type TimerShows, type TimerState } from './timer';

const POLL_MS = 2000;
const TICK_MS = 250;
const SAMPLES = 6;
/** How long the end shows (and how late a screen may still cue it). */
const CUE_MS = 10_000;

type Sample = { sent: number; server: number; received: number };

export class SharedTimer {
	state = $state<TimerState>({ status: 'idle' });
	label = $state('');
	/** The agenda's blocks on now and next (sent along with the timer). */
	agenda = $state<AgendaMoment | null>(null);
	/** Milliseconds left, updated every tick. */
	left = $state(0);
	/** What screens show: no timer, the countdown, paused, or that time is up (for a while). */
	shows = $state<TimerShows>('none');
	/** True for a little while after the countdown reached zero (the visual cue). */
	justEnded = $state(false);
	error = $state<string | null>(null);
	busy = $state(false);
	#samples: Sample[] = [];
	#offset = 0;
	#poll: ReturnType<typeof setInterval> | null = null;
	#tick: ReturnType<typeof setInterval> | null = null;
	#endedTimer: ReturnType<typeof setTimeout> | null = null;
	#cued: number | null = null;

	constructor(
		private readonly url: string,
		private readonly onEnd: () => void = () => {}
	) {}

	/** The server's clock, as well as this screen can tell. */
	now() {
		return Date.now() + this.#offset;
	}

	get display() {
		return formatRemaining(this.left);
	}

	start() {
		void this.refresh();
		this.#poll = setInterval(() => void this.refresh(), POLL_MS);
		this.#tick = setInterval(() => this.#update(), TICK_MS);
	}

	destroy() {
		if (this.#poll) clearInterval(this.#poll);
		if (this.#tick) clearInterval(this.#tick);
		if (this.#endedTimer) clearTimeout(this.#endedTimer);
	}

	#accept(body: { state: TimerState; label: string; now: number; agenda?: AgendaMoment }, sent: number, received: number) {
		this.#samples = [...this.#samples, { sent, server: body.now, received }].slice(-SAMPLES);
		this.#offset = clockOffset(this.#samples);
		this.state = body.state;
		this.label = body.label;
		if (body.agenda) this.agenda = body.agenda;
		this.#update();
	}

	async refresh() {
		const sent = Date.now();
		try {
			const response = await fetch(this.url, { headers: { accept: 'application/json' } });
			if (!response.ok) return;
			this.#accept(await response.json(), sent, Date.now());
		} catch {
			// Offline for a moment: the countdown goes on from what is known.
		}
	}

	async act(action: 'start' | 'pause' | 'resume' | 'extend' | 'reset', seconds?: number, label?: string) {
		this.busy = true;
		this.error = null;
		const sent = Date.now();
		try {
			const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, seconds, label }) });
			const body = await response.json().catch(() => null);
			if (!response.ok) this.error = body?.message ?? null;
			else this.#accept(body, sent, Date.now());
		} catch {
			this.error = null;
		} finally {
			this.busy = false;
		}
	}

	#update() {
		const now = this.now();
		this.left = remaining(this.state, now);
		this.shows = timerShows(this.state, now);
		// The end is cued once per end, also on a screen that heard of it only just after (a poll
		// that came late), but not on one opened long after it.
		const endsAt = this.state.status === 'running' ? this.state.endsAt : this.state.status === 'done' ? this.state.endedAt : null;
		if (endsAt !== null && this.left === 0 && this.#cued !== endsAt && now - endsAt < CUE_MS) {
			this.#cued = endsAt;
			this.justEnded = true;
			this.onEnd();
			if (this.#endedTimer) clearTimeout(this.#endedTimer);
			this.#endedTimer = setTimeout(() => (this.justEnded = false), CUE_MS);
		}
	}
}

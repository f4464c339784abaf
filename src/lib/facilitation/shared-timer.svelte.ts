/**
 * The shared timer in the browser: asks the server every few seconds, keeps how far this screen's
 * clock is from the server's (from the fastest recent round trip), and counts down to the server's
 * end time on its own clock plus that offset. Every screen so shows the same seconds.
 */
import { clockOffset, formatRemaining, remaining, type TimerState } from './timer';

const POLL_MS = 2000;
const TICK_MS = 250;
const SAMPLES = 6;

type Sample = { sent: number; server: number; received: number };

export class SharedTimer {
	state = $state<TimerState>({ status: 'idle' });
	label = $state('');
	/** Milliseconds left, updated every tick. */
	left = $state(0);
	/** True for a little while after the countdown reached zero (the visual cue). */
	justEnded = $state(false);
	error = $state<string | null>(null);
	busy = $state(false);
	#samples: Sample[] = [];
	#offset = 0;
	#poll: ReturnType<typeof setInterval> | null = null;
	#tick: ReturnType<typeof setInterval> | null = null;
	#endedTimer: ReturnType<typeof setTimeout> | null = null;

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

	#accept(body: { state: TimerState; label: string; now: number }, sent: number, received: number) {
		this.#samples = [...this.#samples, { sent, server: body.now, received }].slice(-SAMPLES);
		this.#offset = clockOffset(this.#samples);
		this.state = body.state;
		this.label = body.label;
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
		const before = this.left;
		this.left = remaining(this.state, this.now());
		const runningOut = this.state.status === 'running' || this.state.status === 'done';
		if (before > 0 && this.left === 0 && runningOut) {
			this.justEnded = true;
			this.onEnd();
			if (this.#endedTimer) clearTimeout(this.#endedTimer);
			this.#endedTimer = setTimeout(() => (this.justEnded = false), 10_000);
		}
	}
}

import { getContext, setContext } from 'svelte';
import { m } from '$lib/paraglide/messages.js';

/**
 * Private mode of a board, in the browser: whether it is on and how many notes wait (a count the
 * server gives; the notes themselves are in each writer's own document). Polled every few seconds
 * while the board is open, so everyone sees the facilitator start or reveal; the facilitator's
 * actions are POSTed to the same endpoint.
 */
export type PrivateState = { privateMode: boolean; waiting: number; revealed?: number };

export const PRIVATE_POLL_MS = 4000;

export class PrivateMode {
	readonly url: string;
	on = $state(false);
	waiting = $state(0);
	busy = $state(false);
	/** A refused action or a failed load. */
	error = $state<string | null>(null);
	/** After this facilitator's reveal: how many notes went onto the board. */
	revealed = $state<number | null>(null);
	/** Private mode ended while this page was open (someone else revealed). */
	ended = $state(false);
	#seq = 0;
	#applied = 0;

	constructor(url: string, on: boolean) {
		this.url = url;
		this.on = on;
	}

	/** Polls while the board is open (not while the tab is hidden); returns the stop function. */
	start() {
		void this.refresh();
		const poll = () => {
			if (!document.hidden) void this.refresh();
		};
		const timer = setInterval(poll, PRIVATE_POLL_MS);
		document.addEventListener('visibilitychange', poll);
		return () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', poll);
		};
	}

	#apply(seq: number, state: PrivateState) {
		// An answer that left before a newer one must not overwrite it.
		if (seq < this.#applied) return;
		this.#applied = seq;
		if (this.on && !state.privateMode) this.ended = true;
		if (state.privateMode) this.ended = false;
		this.on = state.privateMode;
		this.waiting = state.waiting;
	}

	async refresh() {
		const seq = ++this.#seq;
		try {
			const response = await fetch(this.url, { headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(String(response.status));
			this.#apply(seq, (await response.json()) as PrivateState);
			if (this.error === m.board_private_error_load()) this.error = null;
		} catch {
			this.error = m.board_private_error_load();
		}
	}

	async #post(action: 'start' | 'reveal'): Promise<boolean> {
		const seq = ++this.#seq;
		this.busy = true;
		this.revealed = null;
		try {
			const response = await fetch(this.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ action })
			});
			const data = (await response.json().catch(() => null)) as (PrivateState & { message?: string }) | null;
			if (!response.ok || !data) {
				this.error = data?.message || (action === 'reveal' ? m.board_private_reveal_failed() : m.board_error());
				return false;
			}
			this.error = null;
			this.#apply(seq, data);
			if (action === 'reveal') this.revealed = data.revealed ?? 0;
			return true;
		} catch {
			this.error = action === 'reveal' ? m.board_private_reveal_failed() : m.board_error();
			return false;
		} finally {
			this.busy = false;
		}
	}

	startPrivate() {
		return this.#post('start');
	}

	reveal() {
		return this.#post('reveal');
	}
}

const KEY = Symbol('private-mode');

/** For the board's facilitator tools (VoteBar): the board's private mode, and whether this person may start it. */
export type PrivateModeContext = { mode: PrivateMode; canStart: () => boolean };

export function setPrivateModeContext(context: PrivateModeContext) {
	setContext(KEY, context);
}

/** Undefined where a board is shown without private mode around it. */
export function getPrivateModeContext(): PrivateModeContext | undefined {
	return getContext<PrivateModeContext | undefined>(KEY);
}

import { getContext, setContext } from 'svelte';
import { m } from '$lib/paraglide/messages.js';

/**
 * Dot voting on a board, in the browser. Votes live on the server (SQL), never in the Y.Doc:
 * everything in a Y.Doc reaches every client, and votes stay hidden until the reveal. This polls
 * the board's votes endpoint and sends this person's actions to it.
 */
export type Role = 'facilitator' | 'decider' | 'partner' | 'observer';
/** `{}`: every note of the board. */
export type VoteScope = { kind: string } | { groupId: string } | { itemIds: string[] } | Record<string, never>;
export type VoteRound = { id: string; status: 'open' | 'revealed'; scope: string; itemIds: string[]; votesPerPerson: number };
export type VoteResult = { itemId: string; votes: number; supervotes: number };
export type VoteState = {
	round: VoteRound | null;
	mine?: { itemId: string; supervote: boolean }[];
	progress?: { voters: number; dots: number };
	results?: VoteResult[] | null;
};

export const POLL_MS = 3000;
const KEY = Symbol('board-votes');

export class BoardVotes {
	readonly url: string;
	readonly role: Role;
	round = $state<VoteRound | null>(null);
	mine = $state<{ itemId: string; supervote: boolean }[]>([]);
	progress = $state({ voters: 0, dots: 0 });
	results = $state<VoteResult[] | null>(null);
	/** The result of the last revealed round (for the export, also while a new round is open). */
	lastResults = $state<VoteResult[] | null>(null);
	/** An action is on its way. */
	busy = $state(false);
	/** A refused action or a failed load: shown on the board. */
	error = $state<string | null>(null);
	#canVote: () => boolean;
	#seq = 0;
	#applied = 0;
	#timer: ReturnType<typeof setInterval> | null = null;
	#loadFailed = false;

	constructor(url: string, role: Role, options: { canVote: () => boolean; lastResults?: VoteResult[] | null }) {
		this.url = url;
		this.role = role;
		this.#canVote = options.canVote;
		this.lastResults = options.lastResults ?? null;
	}

	get facilitator() {
		return this.role === 'facilitator';
	}

	/** Members who may edit vote; observers (and everyone on an archived board) do not. */
	get canVote() {
		return this.role !== 'observer' && this.#canVote();
	}

	get open() {
		return this.round?.status === 'open';
	}

	get revealed() {
		return this.round?.status === 'revealed';
	}

	inRound(itemId: string): boolean {
		return !!this.round && this.round.itemIds.includes(itemId);
	}

	/** This person's own dots (not the supervote) on a note. */
	myDots(itemId: string): number {
		return this.mine.filter((v) => v.itemId === itemId && !v.supervote).length;
	}

	mySupervote(itemId: string): boolean {
		return this.mine.some((v) => v.itemId === itemId && v.supervote);
	}

	get dotsLeft(): number {
		return Math.max(0, (this.round?.votesPerPerson ?? 0) - this.mine.filter((v) => !v.supervote).length);
	}

	get supervoteUsed(): boolean {
		return this.mine.some((v) => v.supervote);
	}

	/** The revealed count of a note, and its share of the largest count (0..1) for the heat map. */
	resultOf(itemId: string): { votes: number; supervotes: number; share: number; heat: number } | null {
		if (!this.results) return null;
		const entry = this.results.find((r) => r.itemId === itemId);
		if (!entry) return null;
		const total = this.results.reduce((sum, r) => sum + r.votes, 0);
		const max = Math.max(0, ...this.results.map((r) => r.votes));
		return { ...entry, share: total ? entry.votes / total : 0, heat: max ? entry.votes / max : 0 };
	}

	/** Polls every few seconds while the board is open (not while the tab is hidden). */
	start() {
		void this.refresh();
		this.#timer = setInterval(() => {
			if (!document.hidden) void this.refresh();
		}, POLL_MS);
		const onVisible = () => {
			if (!document.hidden) void this.refresh();
		};
		document.addEventListener('visibilitychange', onVisible);
		return () => {
			if (this.#timer) clearInterval(this.#timer);
			document.removeEventListener('visibilitychange', onVisible);
		};
	}

	#apply(seq: number, state: VoteState) {
		// A poll that left before an action must not overwrite the action's newer answer.
		if (seq < this.#applied) return;
		this.#applied = seq;
		this.round = state.round;
		this.mine = state.mine ?? [];
		this.progress = state.progress ?? { voters: 0, dots: 0 };
		this.results = state.results ?? null;
		if (this.results) this.lastResults = this.results;
	}

	async refresh() {
		const seq = ++this.#seq;
		try {
			const response = await fetch(this.url, { headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(String(response.status));
			this.#apply(seq, (await response.json()) as VoteState);
			if (this.#loadFailed) this.error = null;
			this.#loadFailed = false;
		} catch {
			// Say it once; the next poll tries again.
			if (!this.#loadFailed) this.error = m.board_vote_error_load();
			this.#loadFailed = true;
		}
	}

	async #post(body: Record<string, unknown>): Promise<boolean> {
		const seq = ++this.#seq;
		this.busy = true;
		try {
			const response = await fetch(this.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(body)
			});
			const data = (await response.json().catch(() => null)) as (VoteState & { error?: string; message?: string }) | null;
			if (!response.ok || !data) {
				this.error = data?.message || m.board_error();
				// Whatever changed meanwhile (a round closed, votes used up elsewhere): show it.
				void this.refresh();
				return false;
			}
			this.error = null;
			this.#apply(seq, data);
			return true;
		} catch {
			this.error = m.board_error();
			return false;
		} finally {
			this.busy = false;
		}
	}

	startRound(votesPerPerson: number, scope: VoteScope) {
		return this.#post({ action: 'start', votesPerPerson, scope });
	}

	reveal() {
		return this.round ? this.#post({ action: 'reveal', roundId: this.round.id }) : Promise.resolve(false);
	}

	cast(itemId: string, supervote = false) {
		return this.round ? this.#post({ action: 'cast', roundId: this.round.id, itemId, supervote }) : Promise.resolve(false);
	}

	retract(itemId: string, supervote = false) {
		return this.round ? this.#post({ action: 'retract', roundId: this.round.id, itemId, supervote }) : Promise.resolve(false);
	}
}

export function setVotesContext(votes: BoardVotes) {
	setContext(KEY, votes);
}

export function getVotesContext(): BoardVotes {
	return getContext<BoardVotes>(KEY);
}

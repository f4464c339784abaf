/**
 * The facilitator's controls for the room, over the sprint's control document
 * `sprints/<id>/control` (the server lets only facilitators write it, and passes on only their
 * presence): "summon" sends everyone to a page, "follow me" makes participants' board views follow
 * the facilitator's. What is summoned and followed is in the document; the facilitator's view, which
 * changes with every pan, travels as presence (awareness), never stored.
 */
import { getContext, setContext } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { CollabRoom, type Presence } from '$lib/collab/room.svelte';

export type Summon = { id: string; href: string; label: string; at: number };
export type Follow = { id: string; path: string };
/** The facilitator's board view: the centre of the screen in board coordinates, and the zoom. */
export type LeaderView = { path: string; cx: number; cy: number; zoom: number };

/** A summon older than this is not shown any more (someone opening the app later is not sent off). */
export const SUMMON_FRESH_MS = 10 * 60 * 1000;

const KEY = Symbol('sprint-control');

/** Only the sprint's own pages may be summoned to (no links out of the app). */
export function summonable(sprintId: string, href: unknown): href is string {
	return typeof href === 'string' && (href === `/sprints/${sprintId}` || href.startsWith(`/sprints/${sprintId}/`)) && !href.includes('//') && !href.includes('..');
}

export class SprintControl {
	readonly room: CollabRoom;
	readonly #map: Y.Map<unknown>;
	readonly #subscribe: () => void;

	constructor(
		readonly sprintId: string,
		readonly leader: boolean,
		me: Presence,
		onAccessChanged: () => Promise<void>
	) {
		this.room = new CollabRoom(`sprints/${sprintId}/control`, me, onAccessChanged, { readOnly: () => !leader });
		this.#map = this.room.doc.getMap('control');
		const awareness = this.room.provider.awareness;
		this.#subscribe = createSubscriber((update) => {
			this.#map.observe(update);
			awareness.on('change', update);
			return () => {
				this.#map.unobserve(update);
				awareness.off('change', update);
			};
		});
	}

	get summon(): Summon | null {
		this.#subscribe();
		const value = this.#map.get('summon') as Summon | undefined;
		return value && summonable(this.sprintId, value.href) ? value : null;
	}

	get follow(): Follow | null {
		this.#subscribe();
		return (this.#map.get('follow') as Follow | undefined) ?? null;
	}

	/**
	 * Until when (server time) the facilitator has taken control. Only the server writes it (after
	 * storing it in SQL, which is what the rights follow); this is for the banner.
	 */
	get takeoverUntil(): number | null {
		this.#subscribe();
		const until = (this.#map.get('takeover') as { until?: unknown } | undefined)?.until;
		return typeof until === 'number' && Number.isFinite(until) ? until : null;
	}

	/** The view of the facilitator who asked to be followed (only facilitators' presence arrives here). */
	get leaderView(): LeaderView | null {
		this.#subscribe();
		const own = this.room.provider.awareness.clientID;
		for (const [id, state] of this.room.provider.awareness.getStates()) {
			const view = (state as { view?: LeaderView }).view;
			if (id !== own && view && Number.isFinite(view.cx) && Number.isFinite(view.cy) && Number.isFinite(view.zoom) && view.zoom > 0) return view;
		}
		return null;
	}

	summonTo(href: string, label: string) {
		if (!this.leader || !summonable(this.sprintId, href)) return;
		this.#map.set('summon', { id: crypto.randomUUID(), href, label: label.slice(0, 120), at: Date.now() } satisfies Summon);
	}

	setFollow(path: string | null) {
		if (!this.leader) return;
		if (path) this.#map.set('follow', { id: crypto.randomUUID(), path } satisfies Follow);
		else this.#map.delete('follow');
	}

	publishView(view: LeaderView | null) {
		if (this.leader) this.room.provider.awareness.setLocalStateField('view', view);
	}

	destroy() {
		this.room.destroy();
	}
}

/** The sprint's control as the sprint's pages see it: null before it opened (and outside a sprint). */
export type ControlRef = { readonly current: SprintControl | null };

export function provideControl(ref: ControlRef) {
	setContext(KEY, ref);
}

export function useControl(): ControlRef {
	return getContext<ControlRef | undefined>(KEY) ?? { current: null };
}

/**
 * The audit trail of live draft edits: who changed which indicator, outcome or the purpose of a rule
 * set, and when. A draft is edited keystroke by keystroke over the realtime server; one row per
 * update would bury the log under thousands of rows an hour. So one person's edits in one rule set
 * are gathered and written as one `draft_edited` row (with the time of their first edit in it) once
 * they have been quiet for `quietMs`, at the latest `maxMs` after that first edit, and whenever the
 * document unloads (its last connection closed, or the server shuts down).
 *
 * What a crash loses: the attribution of at most `maxMs` of edits (the edits themselves are in the
 * document store already). The row names what was touched, never values: the published versions
 * hold the values, with a readable diff.
 */
import * as Y from 'yjs';
import { bandList, indicatorList, NAME_MAX } from '$lib/rules/draft-doc';
import type { DocName } from '../collab/doc-name';
import type { EditWatcher, WatchEdits } from '../collab/types';
import type { DB } from '../db';
import { appendAudit } from './audit';
import { getRuleSet } from './service';
import { defineDraftRoots, emptyTouch, isEmptyTouch, mergeTouch, touchDraft, type DraftTouch, type ListTouch } from './draft-touch';

export type DraftAuditOptions = {
	/** Write a person's edits once they have made none for this long, ms. */
	quietMs: number;
	/** ...and at the latest this long after their first unwritten edit, ms. */
	maxMs: number;
	now: () => Date;
	log: (line: string) => void;
};

const DEFAULTS: DraftAuditOptions = {
	quietMs: 60_000,
	maxMs: 5 * 60_000,
	now: () => new Date(),
	log: (line) => console.warn(line)
};

type Pending = {
	userId: string;
	actor: string;
	since: Date;
	edits: number;
	touch: DraftTouch;
	quiet: ReturnType<typeof setTimeout>;
	latest: ReturnType<typeof setTimeout>;
};

/** An entry as the audit row names it: its id and its name (or label) at the time of writing. */
export type NamedEntry = { id: string; name: string; parts?: string[] };

/** The `detail` of a `draft_edited` row. */
export type DraftEditDetail = {
	since: string;
	edits: number;
	indicators: { changed: NamedEntry[]; added: NamedEntry[]; removed: NamedEntry[]; moved: NamedEntry[] };
	bands: { changed: NamedEntry[]; added: NamedEntry[]; removed: NamedEntry[]; moved: NamedEntry[] };
	purpose: boolean;
};

/** The watcher factory for the realtime server: rule set drafts only. */
export function watchDraftEdits(db: DB, options: Partial<DraftAuditOptions> = {}): WatchEdits {
	const settings = { ...DEFAULTS, ...options };
	return (name, doc) => (name.kind === 'rulesets' && name.id ? new DraftEditWatcher(db, name, doc, settings) : null);
}

class DraftEditWatcher implements EditWatcher {
	readonly #pending = new Map<string, Pending>();
	/** Names of entries as last seen, so that a removed indicator is still named in the log. */
	readonly #names = new Map<string, string>();

	constructor(
		private readonly db: DB,
		private readonly name: DocName,
		private readonly doc: Y.Doc,
		private readonly options: DraftAuditOptions
	) {
		defineDraftRoots(doc);
		this.#rememberNames();
	}

	edited(transaction: Y.Transaction, who: { userId: string; name: string }) {
		const step = touchDraft(this.doc, transaction);
		if (isEmptyTouch(step)) return;
		// Names of what this edit created or renamed, while they can still be read.
		this.#rememberNames(step);
		let pending = this.#pending.get(who.userId);
		if (!pending) {
			pending = {
				userId: who.userId,
				actor: who.name,
				since: this.options.now(),
				edits: 0,
				touch: emptyTouch(),
				quiet: this.#timer(who.userId, this.options.quietMs),
				latest: this.#timer(who.userId, this.options.maxMs)
			};
			this.#pending.set(who.userId, pending);
		} else {
			clearTimeout(pending.quiet);
			pending.quiet = this.#timer(who.userId, this.options.quietMs);
		}
		mergeTouch(pending.touch, step);
		pending.edits++;
	}

	flush() {
		for (const userId of [...this.#pending.keys()]) this.#write(userId);
	}

	#timer(userId: string, ms: number) {
		const timer = setTimeout(() => this.#write(userId), ms);
		timer.unref?.();
		return timer;
	}

	/** All names (at load), or those of the entries a step added or renamed. */
	#rememberNames(step?: DraftTouch) {
		const remember = (list: Y.Array<Y.Map<unknown>>, touched: ListTouch | undefined, nameKey: 'name' | 'label') => {
			// Most keystrokes add nothing and rename nothing: then the list is not walked at all.
			if (touched && !touched.added.size && ![...touched.changed.values()].some((parts) => parts.has(nameKey))) return;
			for (const map of list) {
				if (!(map instanceof Y.Map)) continue;
				const id = map.get('id');
				if (typeof id !== 'string') continue;
				if (touched && !touched.added.has(id) && !touched.changed.get(id)?.has(nameKey)) continue;
				const name = map.get(nameKey);
				this.#names.set(id, (name instanceof Y.Text ? name.toString() : typeof name === 'string' ? name : '').slice(0, NAME_MAX));
			}
		};
		remember(indicatorList(this.doc), step?.indicators, 'name');
		remember(bandList(this.doc), step?.bands, 'label');
	}

	#named(list: ListTouch): DraftEditDetail['indicators'] {
		const named = (id: string, parts?: Set<string>): NamedEntry => ({ id, name: this.#names.get(id) ?? '', ...(parts ? { parts: [...parts].sort() } : {}) });
		// Reordering is a removal and an insertion of the same entry.
		const moved = [...list.added].filter((id) => list.removed.has(id));
		const added = [...list.added].filter((id) => !list.removed.has(id));
		const removed = [...list.removed].filter((id) => !list.added.has(id));
		const changed = [...list.changed].filter(([id]) => !added.includes(id) && !removed.includes(id));
		return {
			changed: changed.map(([id, parts]) => named(id, parts)),
			added: added.map((id) => named(id)),
			removed: removed.map((id) => named(id)),
			moved: moved.map((id) => named(id))
		};
	}

	#write(userId: string) {
		const pending = this.#pending.get(userId);
		if (!pending) return;
		this.#pending.delete(userId);
		clearTimeout(pending.quiet);
		clearTimeout(pending.latest);
		try {
			const ruleSet = getRuleSet(this.db, this.name.id!);
			if (!ruleSet) return; // deleted meanwhile: nothing to attribute to
			const detail: DraftEditDetail = {
				since: pending.since.toISOString(),
				edits: pending.edits,
				indicators: this.#named(pending.touch.indicators),
				bands: this.#named(pending.touch.bands),
				purpose: pending.touch.purpose
			};
			appendAudit(this.db, { coalitionId: ruleSet.coalitionId, ruleSetId: ruleSet.id, userId, actor: pending.actor, action: 'draft_edited', detail, at: this.options.now() });
		} catch (error) {
			// The edits are in the document store; only their attribution is lost. Never break the room.
			this.options.log(`[rules] could not write the draft audit row for ${this.name.name}: ${(error as Error).message}`);
		}
	}
}

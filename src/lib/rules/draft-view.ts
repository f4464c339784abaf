import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import * as draft from './draft-doc';

/**
 * The draft document as the editor sees it: a plain snapshot read from the Y.Doc whenever it
 * changes (Yjs stays the only copy of the state; nothing is copied into $state), and the edits, all
 * written with this person's origin.
 */
export class DraftView {
	readonly doc: Y.Doc;
	readonly #origin: unknown;
	readonly #subscribe: () => void;
	#cache: draft.Draft | null = null;

	constructor(doc: Y.Doc, origin: unknown = Symbol('draft-editor')) {
		this.doc = doc;
		this.#origin = origin;
		this.#subscribe = createSubscriber((update) => {
			const onChange = () => {
				this.#cache = null;
				update();
			};
			doc.on('update', onChange);
			return () => doc.off('update', onChange);
		});
	}

	/** The draft now (re-read once per change, not per reader). */
	get current(): draft.Draft {
		this.#subscribe();
		this.#cache ??= draft.readDraft(this.doc);
		return this.#cache;
	}

	text(id: string, field: draft.IndicatorText): Y.Text | null {
		return draft.indicatorText(this.doc, id, field);
	}

	/** The purpose text; made on first use (documents made before it existed, or by hand). */
	purpose(): Y.Text {
		return draft.purposeText(this.doc);
	}

	addIndicator(init: draft.NewIndicator = {}) {
		return draft.addIndicator(this.doc, init, this.#origin);
	}
	removeIndicator(id: string) {
		draft.removeIndicator(this.doc, id, this.#origin);
	}
	setIndicator(id: string, values: Parameters<typeof draft.setIndicator>[2]) {
		draft.setIndicator(this.doc, id, values, this.#origin);
	}
	addBand(init: Parameters<typeof draft.addBand>[1] = {}) {
		return draft.addBand(this.doc, init, this.#origin);
	}
	setBand(id: string, values: Parameters<typeof draft.setBand>[2]) {
		draft.setBand(this.doc, id, values, this.#origin);
	}
	removeBand(id: string) {
		draft.removeBand(this.doc, id, this.#origin);
	}
}

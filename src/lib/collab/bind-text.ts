import type * as Y from 'yjs';
import { diffText, transformPosition } from './text-diff';

const LOCAL = Symbol('local-input');

export type BindTextOptions = {
	/**
	 * The transaction origin typing is written with (default: a private one). Pass a person's own
	 * origin so their Y.UndoManager tracks their typing; undo is then shown in the field too.
	 */
	origin?: unknown;
	/** Called after each input with whether the text had to be cut at `max`, so the field can say so. */
	onCut?: (cut: boolean) => void;
};

/**
 * Binds a textarea or input to a Y.Text both ways: typing becomes one minimal Yjs change; a remote
 * change (or an undo) updates the field and keeps the caret where the writer had it. Length is
 * capped at `max`.
 */
export function bindText(node: HTMLInputElement | HTMLTextAreaElement, text: Y.Text, max: number, options: BindTextOptions = {}) {
	const origin = options.origin ?? LOCAL;
	node.value = text.toString();

	const onInput = () => {
		const before = text.toString();
		let after = node.value;
		const cut = after.length > max;
		if (cut) {
			const caret = Math.min(node.selectionStart ?? max, max);
			after = after.slice(0, max);
			node.value = after;
			node.setSelectionRange(caret, caret);
		}
		options.onCut?.(cut);
		const { index, remove, insert } = diffText(before, after);
		if (!remove && !insert) return;
		text.doc!.transact(() => {
			if (remove) text.delete(index, remove);
			if (insert) text.insert(index, insert);
		}, origin);
	};

	const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		// Our own typing is in the field already; undo (a different origin) and remote edits are not.
		if (transaction.origin === origin && transaction.local) return;
		const focused = document.activeElement === node;
		const start = node.selectionStart ?? 0;
		const end = node.selectionEnd ?? 0;
		node.value = text.toString();
		if (focused) {
			const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[];
			node.setSelectionRange(transformPosition(start, delta), transformPosition(end, delta));
		}
	};

	node.addEventListener('input', onInput);
	text.observe(onChange);
	return () => {
		node.removeEventListener('input', onInput);
		text.unobserve(onChange);
	};
}

import type * as Y from 'yjs';
import { diffText, transformPosition } from '$lib/collab/text-diff';
import { TEXT_MAX } from './model';

/**
 * Binds a textarea to the Y.Text of a board item both ways, writing with this person's own
 * transaction origin (so their undo manager tracks their typing). Typing becomes one minimal Yjs
 * change; a remote change updates the field and keeps the caret where the writer had it. Text past
 * TEXT_MAX is cut and `onCut` is called, so the field can say so.
 */
export function bindItemText(node: HTMLTextAreaElement | HTMLInputElement, text: Y.Text, origin: unknown, onCut: (cut: boolean) => void) {
	node.value = text.toString();

	const onInput = () => {
		const before = text.toString();
		let after = node.value;
		const cut = after.length > TEXT_MAX;
		if (cut) {
			const caret = Math.min(node.selectionStart ?? TEXT_MAX, TEXT_MAX);
			after = after.slice(0, TEXT_MAX);
			node.value = after;
			node.setSelectionRange(caret, caret);
		}
		onCut(cut);
		const { index, remove, insert } = diffText(before, after);
		if (!remove && !insert) return;
		text.doc!.transact(() => {
			if (remove) text.delete(index, remove);
			if (insert) text.insert(index, insert);
		}, origin);
	};

	const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		// Our own typing is in the field already; undo and remote edits are not.
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

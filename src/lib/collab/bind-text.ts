import type * as Y from 'yjs';
import { diffText, transformPosition } from './text-diff';

const LOCAL = Symbol('local-input');

/**
 * Binds a textarea or input to a Y.Text both ways: typing becomes one minimal Yjs change; a remote
 * change updates the field and keeps the caret where the writer had it. Length is capped at `max`.
 */
export function bindText(node: HTMLInputElement | HTMLTextAreaElement, text: Y.Text, max: number) {
	node.value = text.toString();

	const onInput = () => {
		const before = text.toString();
		let after = node.value;
		if (after.length > max) {
			after = after.slice(0, max);
			node.value = after;
		}
		const { index, remove, insert } = diffText(before, after);
		if (!remove && !insert) return;
		text.doc!.transact(() => {
			if (remove) text.delete(index, remove);
			if (insert) text.insert(index, insert);
		}, LOCAL);
	};

	const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		if (transaction.origin === LOCAL) return;
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

/** The one contiguous change between two strings: where it starts, how much was removed, what was inserted. */
export function diffText(before: string, after: string): { index: number; remove: number; insert: string } {
	let start = 0;
	const min = Math.min(before.length, after.length);
	while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let endBefore = before.length;
	let endAfter = after.length;
	while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
		endBefore--;
		endAfter--;
	}
	return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

/** Moves a caret position through a Yjs text delta made by someone else. */
export function transformPosition(position: number, delta: { retain?: number; insert?: unknown; delete?: number }[]): number {
	let cursor = 0;
	let pos = position;
	for (const op of delta) {
		if (op.retain) cursor += op.retain;
		else if (typeof op.insert === 'string') {
			if (cursor <= pos) pos += op.insert.length;
			cursor += op.insert.length;
		} else if (op.delete) {
			if (cursor < pos) pos -= Math.min(op.delete, pos - cursor);
		}
	}
	return pos;
}

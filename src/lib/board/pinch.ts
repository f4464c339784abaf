/**
 * Pinch-zoom with the fingers on items. xyflow drags an item with the finger on it (d3-drag, which
 * keeps that finger's touches to itself) and does not start its zoom on an element marked `nopan`
 * (every draggable item is). So a pinch with a finger on an item did nothing, which on a full
 * board is nearly always. When a second finger comes down: the drag of the first finger is
 * cancelled (as the browser would), and the item under the new finger counts as "not draggable,
 * pannable" while that one event is handled, so the zoom gets both fingers.
 */
export function pinchOnItems(node: HTMLElement): () => void {
	const onTouchStart = (event: TouchEvent) => {
		if (event.touches.length < 2) return;
		const added = new Set([...event.changedTouches].map((t) => t.identifier));
		for (const touch of event.touches) {
			const target = touch.target as Element;
			if (added.has(touch.identifier) || !target.closest('.svelte-flow__node')) continue;
			target.dispatchEvent(new TouchEvent('touchcancel', { bubbles: true, cancelable: false, touches: [], targetTouches: [], changedTouches: [touch] }));
		}
		const item = (event.target as Element).closest('.svelte-flow__node');
		if (!item || !node.contains(item)) return;
		const nopan = item.classList.contains('nopan');
		const nodrag = item.classList.contains('nodrag');
		item.classList.remove('nopan');
		item.classList.add('nodrag');
		// After the event went through (xyflow stops it, so no later listener would see it).
		setTimeout(() => {
			item.classList.toggle('nopan', nopan);
			item.classList.toggle('nodrag', nodrag);
		});
	};
	node.addEventListener('touchstart', onTouchStart, { capture: true, passive: true });
	return () => node.removeEventListener('touchstart', onTouchStart, { capture: true });
}

/**
 * Drag to reorder with pointer events (not HTML drag and drop, which does not work with a finger):
 * the pressed handle captures the pointer; the new place is the number of the other items whose
 * middle is above the pointer. Items are the list's direct children with `data-id`.
 */
export function pointerReorder(
	event: PointerEvent,
	list: HTMLElement,
	id: string,
	on: { preview: (before: string | null) => void; drop: (index: number) => void }
) {
	event.preventDefault();
	const handle = event.currentTarget as HTMLElement;
	handle.setPointerCapture(event.pointerId);
	const others = () => [...list.querySelectorAll<HTMLElement>(':scope > [data-id]')].filter((el) => el.dataset.id !== id);
	let index = -1;
	const move = (e: PointerEvent) => {
		const items = others();
		index = items.filter((el) => {
			const box = el.getBoundingClientRect();
			return box.top + box.height / 2 < e.clientY;
		}).length;
		// '' is the end of the list.
		on.preview(items[index]?.dataset.id ?? '');
	};
	const end = (commit: boolean) => {
		handle.removeEventListener('pointermove', move);
		on.preview(null);
		if (commit && index >= 0) on.drop(index);
	};
	handle.addEventListener('pointermove', move);
	handle.addEventListener('pointerup', () => end(true), { once: true });
	handle.addEventListener('pointercancel', () => end(false), { once: true });
}

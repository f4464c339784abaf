/** How long a finger rests on an item before its menu opens (ms). */
export const LONG_PRESS_MS = 500;
/** A finger that moves further than this (px) is dragging or panning, not pressing. */
export const LONG_PRESS_SLOP = 8;

export type Press = { id: string; x: number; y: number };

type Timers = { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/**
 * The long-press gesture on its own, without the DOM (so it can be tested): one finger down on an
 * item, held still. A second finger (a pinch), lifting the finger, or moving it further than the
 * slop cancels it; a drag therefore still drags.
 */
export class LongPress {
	#pending: { pointerId: number; press: Press; handle: unknown } | null = null;
	#fingers = new Set<number>();
	readonly #onPress: (press: Press) => void;
	readonly #timers: Timers;

	constructor(onPress: (press: Press) => void, timers: Timers = realTimers) {
		this.#onPress = onPress;
		this.#timers = timers;
	}

	/** A finger touches down; `id` is the item under it (null: the empty board). */
	down(pointerId: number, id: string | null, x: number, y: number) {
		this.#fingers.add(pointerId);
		this.cancel();
		if (!id || this.#fingers.size > 1) return;
		const press = { id, x, y };
		const handle = this.#timers.set(() => {
			this.#pending = null;
			this.#onPress(press);
		}, LONG_PRESS_MS);
		this.#pending = { pointerId, press, handle };
	}

	move(pointerId: number, x: number, y: number) {
		const pending = this.#pending;
		if (pending?.pointerId === pointerId && Math.hypot(x - pending.press.x, y - pending.press.y) > LONG_PRESS_SLOP) this.cancel();
	}

	/** A finger lifts (or the browser takes the gesture over). */
	up(pointerId: number) {
		this.#fingers.delete(pointerId);
		if (this.#pending?.pointerId === pointerId) this.cancel();
	}

	cancel() {
		if (this.#pending) this.#timers.clear(this.#pending.handle);
		this.#pending = null;
	}

	get pending(): boolean {
		return this.#pending !== null;
	}
}

/**
 * Long-press on the items of a board (touch and pen only; a mouse has its right button). After the
 * menu opened, lifting the finger must not count as a tap: the mouse events and the click a browser
 * may still make of it would take the focus out of the menu or land on it.
 */
export function longPressItems(node: HTMLElement, onPress: (press: Press, item: HTMLElement) => void): () => void {
	let swallowClick = false;
	let pressed: HTMLElement | null = null;
	const gesture = new LongPress((press) => {
		swallowClick = true;
		if (pressed) onPress(press, pressed);
	});
	const isFinger = (event: PointerEvent) => event.pointerType === 'touch' || event.pointerType === 'pen';
	const onDown = (event: PointerEvent) => {
		swallowClick = false;
		if (!isFinger(event)) return;
		pressed = (event.target as HTMLElement).closest<HTMLElement>('.svelte-flow__node');
		// Writing in an item: the finger selects text there.
		const typing = (event.target as HTMLElement).closest('textarea, input, select, button');
		gesture.down(event.pointerId, typing ? null : (pressed?.dataset.id ?? null), event.clientX, event.clientY);
	};
	const onMove = (event: PointerEvent) => {
		if (isFinger(event)) gesture.move(event.pointerId, event.clientX, event.clientY);
	};
	const onUp = (event: PointerEvent) => {
		if (isFinger(event)) gesture.up(event.pointerId);
	};
	const onTouchEnd = (event: TouchEvent) => {
		// No mouse events, no click made of this touch.
		if (swallowClick && event.cancelable) event.preventDefault();
	};
	const onMouse = (event: MouseEvent) => {
		if (!swallowClick) return;
		if (event.type === 'click') swallowClick = false;
		event.preventDefault();
		event.stopPropagation();
	};
	node.addEventListener('pointerdown', onDown);
	// On the window: xyflow captures the pointer while dragging, and the finger may leave the board.
	window.addEventListener('pointermove', onMove);
	window.addEventListener('pointerup', onUp);
	window.addEventListener('pointercancel', onUp);
	window.addEventListener('touchend', onTouchEnd, { capture: true, passive: false });
	window.addEventListener('mousedown', onMouse, true);
	window.addEventListener('click', onMouse, true);
	return () => {
		gesture.cancel();
		node.removeEventListener('pointerdown', onDown);
		window.removeEventListener('pointermove', onMove);
		window.removeEventListener('pointerup', onUp);
		window.removeEventListener('pointercancel', onUp);
		window.removeEventListener('touchend', onTouchEnd, true);
		window.removeEventListener('mousedown', onMouse, true);
		window.removeEventListener('click', onMouse, true);
	};
}

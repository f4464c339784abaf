import type { Point, Rect } from './controller.svelte';

/** Room taken by what floats over the board at its foot: the zoom buttons and the minimap. */
const FLOATING = { bottom: 150, left: 16, right: 16 };
/** The selection bar on top: one row on a wide board, two on a tablet. */
const BAR = { wide: 75, narrow: 135, wideFrom: 800 };

/**
 * The part of the board a person can see and write on, in board coordinates: the canvas as far as
 * it is on the screen, less the floating panels. New items go here, so they are never made behind
 * the selection bar (which appears as soon as the new item is selected) or off screen.
 */
export function openArea(canvas: HTMLElement, toFlow: (screen: Point) => Point): Rect {
	const r = canvas.getBoundingClientRect();
	const panel = canvas.querySelector('.selection-panel');
	const bar = panel?.getBoundingClientRect();
	// The bar is at the top, or (while it would cover the selection there) at the foot.
	const below = !!bar && bar.height > 0 && panel!.classList.contains('below');
	const barBottom = below ? r.top + 16 : Math.max(bar && bar.height > 0 ? bar.bottom + 8 : 0, r.top + (r.width >= BAR.wideFrom ? BAR.wide : BAR.narrow));
	const top = Math.max(0, barBottom);
	const foot = Math.min(window.innerHeight, r.bottom) - FLOATING.bottom;
	const bottom = below ? Math.min(foot, bar.top - 8) : foot;
	const a = toFlow({ x: r.left + FLOATING.left, y: top });
	const b = toFlow({ x: r.right - FLOATING.right, y: Math.max(top, bottom) });
	return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

export function contains(outer: Rect, inner: Rect): boolean {
	return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * Keeps the board as tall as the screen below its toolbars allows (leaving `below` pixels for what
 * follows it), so its zoom buttons and minimap are on screen and a finger on the board, which pans
 * the board, never has to scroll the page first.
 */
export function fillScreen(below: number, min = 420) {
	return (node: HTMLElement) => {
		const fit = () => {
			const top = node.getBoundingClientRect().top + window.scrollY;
			const height = `${Math.max(min, Math.round(window.innerHeight - top - below))}px`;
			if (node.style.height !== height) node.style.height = height;
		};
		// Whatever grows above the board (a wrapping toolbar, a notice) moves it down.
		const observer = new ResizeObserver(fit);
		if (node.parentElement) observer.observe(node.parentElement);
		window.addEventListener('resize', fit);
		fit();
		return () => {
			observer.disconnect();
			window.removeEventListener('resize', fit);
		};
	};
}

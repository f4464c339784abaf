/** A page of a list: which items it shows and how many pages there are (pages count from 0). */
export type PageWindow = { page: number; pages: number; from: number; to: number };

/**
 * The window of page `page` over `total` items, `size` a page. A page past the end (the list shrank
 * after a filter or a what-if change) falls back to the last one, so the reader never sees an empty
 * page while there are items.
 */
export function pageWindow(total: number, size: number, page: number): PageWindow {
	const pages = Math.max(1, Math.ceil(total / size));
	const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
	const from = current * size;
	return { page: current, pages, from, to: Math.min(total, from + size) };
}

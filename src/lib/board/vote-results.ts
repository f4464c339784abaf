import type { Item } from './model';
import type { VoteResult } from './votes.svelte';

/** One line of the result list: a note's text, or why it has none to show. */
export type ResultRow = VoteResult & { text: string | null; missing: 'loading' | 'deleted' | null };

/**
 * The result list's lines. A note the board does not show (yet) is only called deleted once the
 * board's document has arrived: before that, it is simply not loaded, and saying "deleted" for
 * every note of the round (as the list did for the first seconds) alarms people for nothing.
 */
export function resultRows(results: readonly VoteResult[], itemOf: (id: string) => Item | undefined, loaded: boolean): ResultRow[] {
	return results.map((result) => {
		const item = itemOf(result.itemId);
		if (item?.type === 'note') return { ...result, text: item.text, missing: null };
		return { ...result, text: null, missing: loaded ? 'deleted' : 'loading' };
	});
}

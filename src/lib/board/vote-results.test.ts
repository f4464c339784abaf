import { describe, expect, it } from 'vitest';
import type { Item, NoteItem } from './model';
import { resultRows } from './vote-results';

const note = (id: string, text: string): NoteItem =>
	({ id, type: 'note', text, kind: 'idea', color: 'green', author: { name: '', organisation: '' }, x: 0, y: 0, width: 200, height: 140 }) as unknown as NoteItem;

describe('resultRows', () => {
	const results = [
		{ itemId: 'a', votes: 2, supervotes: 0 },
		{ itemId: 'b', votes: 1, supervotes: 1 }
	];

	it('says nothing is deleted while the board has not loaded: the notes are loading', () => {
		const rows = resultRows(results, () => undefined, false);
		expect(rows.map((r) => r.missing)).toEqual(['loading', 'loading']);
		expect(rows.map((r) => r.votes)).toEqual([2, 1]);
	});

	it('shows the texts of the notes that are there, in the order of the results', () => {
		const items = new Map<string, Item>([
			['a', note('a', 'Buddy')],
			['b', note('b', 'Huiswerkcafé')]
		]);
		const rows = resultRows(results, (id) => items.get(id), true);
		expect(rows.map((r) => [r.itemId, r.text, r.missing])).toEqual([
			['a', 'Buddy', null],
			['b', 'Huiswerkcafé', null]
		]);
		expect(rows[1].supervotes).toBe(1);
	});

	it('calls a note deleted only once the board is loaded and the note is not on it', () => {
		const items = new Map<string, Item>([['a', note('a', 'Buddy')]]);
		expect(resultRows(results, (id) => items.get(id), false).map((r) => r.missing)).toEqual([null, 'loading']);
		expect(resultRows(results, (id) => items.get(id), true).map((r) => r.missing)).toEqual([null, 'deleted']);
	});
});

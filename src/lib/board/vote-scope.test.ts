import { describe, expect, it } from 'vitest';
import type { Item, NoteKind } from './model';
import { defaultVoteKind, notesInScope } from './vote-scope';

const note = (id: string, kind: NoteKind, parentId: string | null = null) =>
	({ id, type: 'note', kind, parentId, text: id, color: 'yellow', author: { name: '', organisation: '' }, x: 0, y: 0, width: 200, height: 140 }) as unknown as Item;
const frame = (id: string) => ({ id, type: 'group', title: id, parentId: null, x: 0, y: 0, width: 400, height: 400 }) as unknown as Item;

describe('defaultVoteKind', () => {
	it('picks the kind most notes have: a problem map without ideas is not about ideas', () => {
		expect(defaultVoteKind([frame('goal'), note('a', 'note'), note('b', 'note'), note('c', 'question')])).toBe('note');
	});

	it('prefers ideas on a tie', () => {
		expect(defaultVoteKind([note('a', 'note'), note('b', 'idea')])).toBe('idea');
	});

	it('is every note (null) on a board without notes', () => {
		expect(defaultVoteKind([frame('goal')])).toBeNull();
	});
});

describe('notesInScope', () => {
	const items = [frame('f'), note('a', 'idea', 'f'), note('b', 'note'), note('c', 'idea')];

	it('counts the notes of a kind, of a frame, of a selection, or all of them', () => {
		expect(notesInScope(items, { kind: 'idea' })).toEqual(['a', 'c']);
		expect(notesInScope(items, { kind: 'quote' })).toEqual([]);
		expect(notesInScope(items, { groupId: 'f' })).toEqual(['a']);
		expect(notesInScope(items, { itemIds: ['b', 'f', 'x'] })).toEqual(['b']);
		expect(notesInScope(items, {})).toEqual(['a', 'b', 'c']);
	});
});

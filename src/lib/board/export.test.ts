import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardCsv, boardJson, fileName, rowsWithVotes } from './export';
import { createGroup, createNote } from './model';

const author = { userId: 'u1', name: 'Fatima', organisation: 'Jongerenwerk Noord' };
const header = { text: 'text', kind: 'kind', group: 'group', organisation: 'organisation', votes: 'votes', supervotes: 'supervotes' };

function board() {
	const doc = new Y.Doc();
	const group = createGroup(doc, { x: 0, y: 0, title: 'Ideeën', author });
	if (!group.ok) throw new Error('no group');
	const a = createNote(doc, { x: 20, y: 60, text: 'Buddy', kind: 'idea', parentId: group.id, author });
	const b = createNote(doc, { x: 0, y: 600, text: '=HYPERLINK("x")', kind: 'note', author });
	if (!a.ok || !b.ok) throw new Error('no notes');
	return { doc, a: a.id, b: b.id };
}

describe('board export', () => {
	it('adds the votes of the last revealed round to each note (0 without a vote)', () => {
		const { doc, a, b } = board();
		const rows = rowsWithVotes(doc, [{ itemId: a, votes: 4, supervotes: 1 }]);
		expect(rows.map((r) => [r.id, r.group, r.votes, r.supervotes])).toEqual([
			[a, 'Ideeën', 4, 1],
			[b, '', 0, 0]
		]);
		expect(rowsWithVotes(doc, null).every((r) => r.votes === 0)).toBe(true);
	});

	it('writes a formula-safe CSV with kind, group, organisation and votes', () => {
		const { doc, a } = board();
		const lines = boardCsv(doc, [{ itemId: a, votes: 2, supervotes: 0 }], header).split('\r\n');
		expect(lines[0]).toBe('text,kind,group,organisation,votes,supervotes');
		expect(lines[1]).toBe('Buddy,idea,Ideeën,Jongerenwerk Noord,2,0');
		expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",note,,Jongerenwerk Noord,0,0`);
	});

	it('writes JSON with the items, the notes with votes and the round result', () => {
		const { doc, a } = board();
		const data = JSON.parse(boardJson(doc, [{ itemId: a, votes: 1, supervotes: 0 }]));
		expect(data.format).toBe('meedoen-board');
		expect(data.items).toHaveLength(3);
		expect(data.notes.find((n: { id: string }) => n.id === a).votes).toBe(1);
		expect(data.votes).toEqual([{ itemId: a, votes: 1, supervotes: 0 }]);
	});

	it('makes a safe file name', () => {
		expect(fileName('Probleemkaart: dag 1 / één', 'csv')).toBe('probleemkaart-dag-1-een.csv');
		expect(fileName('***', 'png')).toBe('bord.png');
	});
});

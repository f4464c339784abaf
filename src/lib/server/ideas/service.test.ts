import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGroup, createNote } from '$lib/board/model';
import { createBoard } from '../boards/service';
import { createCoalition } from '../coalitions/service';
import { ideaSelections } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { castVote, revealRound, startRound } from '../votes/service';
import { listIdeas, selectedIdeas, selectIdea, unselectIdea } from './service';

function setup() {
	const db = testDb();
	const user = insertUser(db, 'F');
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const doc = new Y.Doc();
	const author = { userId: user.id, name: 'Sanne', organisation: 'GGD Brabant-Zuidoost' };
	const group = createGroup(doc, { x: 0, y: 0, title: 'Buurt', author });
	if (!group.ok) throw new Error();
	const buddy = createNote(doc, { x: 10, y: 10, text: 'Buddy uit de buurt', kind: 'idea', parentId: group.id, author });
	const talent = createNote(doc, { x: 400, y: 10, text: 'Talentenkaart', kind: 'idea', author: { ...author, organisation: 'Lumens' } });
	createNote(doc, { x: 800, y: 10, text: 'Hoe zouden we ...?', kind: 'hmw', author });
	createNote(doc, { x: 900, y: 10, text: '   ', kind: 'idea', author });
	if (!buddy.ok || !talent.ok) throw new Error();
	const board = createBoard(db, sprint.value.id, user.id, 'Ideeën', 'blank', Y.encodeStateAsUpdate(doc));
	if (!board.ok) throw new Error();
	return { db, user, sprintId: sprint.value.id, boardId: board.value.id, buddy: buddy.id, talent: talent.id, doc };
}

describe('ideas', () => {
	it('lists the idea notes of the boards with group, author organisation and revealed votes', () => {
		const { db, user, sprintId, boardId, buddy, talent } = setup();
		let ideas = listIdeas(db, sprintId);
		expect(ideas.map((i) => i.text).sort()).toEqual(['Buddy uit de buurt', 'Talentenkaart']);
		expect(ideas.find((i) => i.itemId === buddy)).toMatchObject({ groupTitle: 'Buurt', authorOrganisation: 'GGD Brabant-Zuidoost', votes: null });
		const round = startRound(db, boardId, user.id, { scope: 'kind:idea', itemIds: [buddy, talent], votesPerPerson: 2 });
		if (!round.ok) throw new Error();
		const r = () => ({ id: round.value.id, boardId, scope: 'kind:idea', itemIds: [buddy, talent], votesPerPerson: 2, status: 'open' as const, createdBy: user.id, createdAt: new Date(), revealedAt: null });
		castVote(db, r(), user.id, 'facilitator', talent);
		castVote(db, r(), user.id, 'facilitator', talent);
		// Votes are hidden until revealed.
		expect(listIdeas(db, sprintId).every((i) => i.votes === null)).toBe(true);
		revealRound(db, r());
		ideas = listIdeas(db, sprintId);
		expect(ideas[0]).toMatchObject({ itemId: talent, votes: 2 });
		expect(ideas[1]).toMatchObject({ itemId: buddy, votes: 0 });
	});

	it('keeps the text of a chosen idea as it was when chosen; refuses non-ideas', () => {
		const { db, user, sprintId, boardId, buddy } = setup();
		expect(selectIdea(db, sprintId, boardId, buddy, user.id).ok).toBe(true);
		expect(selectIdea(db, sprintId, boardId, buddy, user.id).ok).toBe(true); // twice is once
		expect(selectedIdeas(db, sprintId)).toMatchObject([{ itemId: buddy, text: 'Buddy uit de buurt' }]);
		expect(listIdeas(db, sprintId).find((i) => i.itemId === buddy)?.selected).toBe(true);
		expect(selectIdea(db, sprintId, boardId, 'not-a-note', user.id)).toMatchObject({ ok: false, error: 'error_idea_not_found' });
		expect(unselectIdea(db, sprintId, boardId, buddy).ok).toBe(true);
		expect(db.select().from(ideaSelections).all()).toHaveLength(0);
	});
});

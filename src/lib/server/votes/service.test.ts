import { describe, expect, it } from 'vitest';
import { createBoard } from '../boards/service';
import { createCoalition } from '../coalitions/service';
import { votes } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { castVote, getRound, latestRound, myVotes, progress, results, retractVote, revealRound, startRound } from './service';

function setup(perPerson = 2) {
	const db = testDb();
	const facilitator = insertUser(db, 'F');
	const partner = insertUser(db, 'P');
	const decider = insertUser(db, 'D');
	const coalition = createCoalition(db, facilitator.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, facilitator.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const board = createBoard(db, sprint.value.id, facilitator.id, 'Kaart');
	if (!board.ok) throw new Error();
	const started = startRound(db, board.value.id, facilitator.id, { scope: 'kind:idea', itemIds: ['a', 'b', 'c'], votesPerPerson: perPerson });
	if (!started.ok) throw new Error(started.error);
	const round = () => getRound(db, board.value.id, started.value.id)!;
	return { db, facilitator, partner, decider, boardId: board.value.id, round };
}

describe('dot voting', () => {
	it('gives each person N dots on the notes of the round, hidden until revealed', () => {
		const { db, partner, facilitator, round } = setup(2);
		expect(castVote(db, round(), partner.id, 'partner', 'a').ok).toBe(true);
		expect(castVote(db, round(), partner.id, 'partner', 'a').ok).toBe(true); // two dots on one note
		expect(castVote(db, round(), partner.id, 'partner', 'b')).toMatchObject({ ok: false, error: 'error_vote_none_left' });
		expect(castVote(db, round(), facilitator.id, 'facilitator', 'c').ok).toBe(true);
		expect(castVote(db, round(), partner.id, 'partner', 'zzz')).toMatchObject({ error: 'error_vote_item_not_in_round' });
		expect(myVotes(db, round().id, partner.id)).toHaveLength(2);
		expect(progress(db, round().id)).toEqual({ voters: 2, dots: 3 });
		expect(results(db, round())).toMatchObject({ ok: false, error: 'error_vote_not_revealed' });
		expect(revealRound(db, round()).ok).toBe(true);
		const revealed = results(db, round());
		if (!revealed.ok) throw new Error();
		expect(revealed.value).toEqual([
			{ itemId: 'a', votes: 2, supervotes: 0 },
			{ itemId: 'c', votes: 1, supervotes: 0 },
			{ itemId: 'b', votes: 0, supervotes: 0 }
		]);
		expect(castVote(db, round(), facilitator.id, 'facilitator', 'b')).toMatchObject({ error: 'error_vote_closed' });
	});

	it("marks the decider's single supervote apart from the dots", () => {
		const { db, decider, partner, round } = setup(1);
		expect(castVote(db, round(), partner.id, 'partner', 'a', true)).toMatchObject({ error: 'error_vote_supervote_decider' });
		expect(castVote(db, round(), decider.id, 'decider', 'b', true).ok).toBe(true);
		expect(progress(db, round().id)).toEqual({ voters: 1, dots: 0 }); // the supervote alone counts as having voted
		expect(castVote(db, round(), decider.id, 'decider', 'c', true)).toMatchObject({ error: 'error_vote_supervote_used' });
		expect(castVote(db, round(), decider.id, 'decider', 'a').ok).toBe(true); // plus their normal dot
		revealRound(db, round());
		const revealed = results(db, round());
		if (!revealed.ok) throw new Error();
		expect(revealed.value.find((r) => r.itemId === 'b')).toEqual({ itemId: 'b', votes: 0, supervotes: 1 });
		expect(revealed.value.find((r) => r.itemId === 'a')).toEqual({ itemId: 'a', votes: 1, supervotes: 0 });
	});

	it('lets people take a dot back while the round is open; observers cannot vote', () => {
		const { db, partner, facilitator, round } = setup(1);
		expect(castVote(db, round(), facilitator.id, 'observer', 'a')).toMatchObject({ error: 'error_vote_observer' });
		castVote(db, round(), partner.id, 'partner', 'a');
		expect(retractVote(db, round(), partner.id, 'a').ok).toBe(true);
		expect(retractVote(db, round(), partner.id, 'a')).toMatchObject({ error: 'error_not_found' });
		expect(castVote(db, round(), partner.id, 'partner', 'b').ok).toBe(true);
		expect(db.select().from(votes).all()).toHaveLength(1);
	});

	it('allows one open round per board and refuses bad settings', () => {
		const { db, facilitator, boardId, round } = setup();
		expect(startRound(db, boardId, facilitator.id, { scope: 'x', itemIds: ['a'], votesPerPerson: 3 })).toMatchObject({ error: 'error_vote_already_open' });
		revealRound(db, round());
		expect(startRound(db, boardId, facilitator.id, { scope: 'x', itemIds: [], votesPerPerson: 3 })).toMatchObject({ error: 'error_vote_no_items' });
		for (const bad of [0, 21, 2.5, 'drie']) {
			expect(startRound(db, boardId, facilitator.id, { scope: 'x', itemIds: ['a'], votesPerPerson: bad })).toMatchObject({ error: 'error_vote_per_person' });
		}
		const next = startRound(db, boardId, facilitator.id, { scope: 'x', itemIds: ['a', 'a'], votesPerPerson: 3 });
		expect(next.ok).toBe(true);
		expect(latestRound(db, boardId)?.itemIds).toEqual(['a']);
	});
});

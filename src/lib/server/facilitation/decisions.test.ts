import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addQuestion } from '$lib/brief/model';
import { createNote } from '$lib/board/model';
import { boardDocName, createBoard } from '../boards/service';
import { createCoalition } from '../coalitions/service';
import { briefDocName } from '../collab/doc-name';
import { SqliteDocStore } from '../collab/doc-store';
import { decisions, questionAnswers } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { castVote, getRound, revealRound, startRound } from '../votes/service';
import { answerQuestion, deleteDecision, listDecisions, recordDecision, revealedVotes, sprintQuestions } from './decisions';

function setup() {
	const db = testDb();
	const user = insertUser(db, 'Fenna');
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const sprintId = sprint.value.id;
	const store = new SqliteDocStore(db.$client);
	const write = (name: string, change: (doc: Y.Doc) => void) => {
		const doc = new Y.Doc();
		for (const u of store.load(name).updates) Y.applyUpdate(doc, u);
		doc.on('update', (u: Uint8Array) => store.append(name, u));
		change(doc);
		doc.destroy();
	};
	return { db, user, sprintId, write };
}

function revealedVote(world: ReturnType<typeof setup>) {
	const { db, user, sprintId, write } = world;
	const board = createBoard(db, sprintId, user.id, 'Ideeën');
	if (!board.ok) throw new Error();
	const ids: string[] = [];
	write(boardDocName(sprintId, board.value.id), (doc) => {
		for (const text of ['Maatje op school', 'App voor sport']) {
			const created = createNote(doc, { x: 0, y: 0, text, kind: 'idea', author: { userId: user.id, name: 'F', organisation: '' } });
			if (created.ok) ids.push(created.id);
		}
	});
	const started = startRound(db, board.value.id, user.id, { scope: 'kind:idea', itemIds: ids, votesPerPerson: 3 });
	if (!started.ok) throw new Error(started.error);
	const round = () => getRound(db, board.value.id, started.value.id)!;
	castVote(db, round(), user.id, 'facilitator', ids[1]);
	castVote(db, round(), user.id, 'facilitator', ids[1]);
	castVote(db, round(), user.id, 'facilitator', ids[0]);
	revealRound(db, round());
	return { roundId: started.value.id, boardId: board.value.id, openRound: () => startRound(db, board.value.id, user.id, { scope: 'kind:idea', itemIds: ids, votesPerPerson: 1 }) };
}

describe('decisions', () => {
	it('lists the revealed votes with their best-voted notes, and records a decision linked to one', () => {
		const world = setup();
		const { db, user, sprintId } = world;
		const vote = revealedVote(world);
		const open = vote.openRound();
		if (!open.ok) throw new Error();
		const shown = revealedVotes(db, sprintId);
		// The open round is not listed: its dots are still hidden.
		expect(shown).toHaveLength(1);
		expect(shown[0]).toMatchObject({ id: vote.roundId, boardTitle: 'Ideeën', total: 3, top: [{ text: 'App voor sport', votes: 2 }, { text: 'Maatje op school', votes: 1 }] });
		expect(recordDecision(db, sprintId, user.id, { text: ' We testen de   sport-app ', rationale: 'Meeste stippen', voteRoundIds: [vote.roundId] })).toMatchObject({ ok: true });
		expect(listDecisions(db, sprintId)).toEqual([expect.objectContaining({ text: 'We testen de sport-app', rationale: 'Meeste stippen', decidedBy: 'Fenna', voteRoundIds: [vote.roundId] })]);
	});

	it.each([
		[{ text: '  ' }, 'error_decision_text'],
		[{ text: 'x'.repeat(301) }, 'error_decision_text_too_long'],
		[{ text: 'Ok', rationale: 'x'.repeat(2001) }, 'error_decision_rationale_too_long'],
		[{ text: 'Ok', voteRoundIds: ['someone-elses-round'] }, 'error_decision_votes']
	])('refuses %j and stores nothing', (input, error) => {
		const world = setup();
		revealedVote(world);
		expect(recordDecision(world.db, world.sprintId, world.user.id, input)).toMatchObject({ ok: false, error });
		expect(world.db.select().from(decisions).all()).toHaveLength(0);
	});

	it('records a decision sent twice in a row once; the same words later, or by someone else, are a new decision', () => {
		const world = setup();
		const at = Date.parse('2026-12-01T10:00:00Z');
		const first = recordDecision(world.db, world.sprintId, world.user.id, { text: 'We testen de sport-app' }, at);
		const again = recordDecision(world.db, world.sprintId, world.user.id, { text: ' We testen de sport-app ' }, at + 400);
		if (!first.ok || !again.ok) throw new Error();
		expect(again.value.id).toBe(first.value.id);
		expect(world.db.select().from(decisions).all()).toHaveLength(1);
		expect(recordDecision(world.db, world.sprintId, world.user.id, { text: 'We testen de sport-app' }, at + 120_000)).toMatchObject({ ok: true });
		expect(world.db.select().from(decisions).all()).toHaveLength(2);
	});

	it('does not link a vote that is still open, or another sprint\'s', () => {
		const world = setup();
		const vote = revealedVote(world);
		const open = vote.openRound();
		if (!open.ok) throw new Error();
		expect(recordDecision(world.db, world.sprintId, world.user.id, { text: 'Ok', voteRoundIds: [open.value.id] })).toMatchObject({ ok: false, error: 'error_decision_votes' });
		const other = setup();
		expect(recordDecision(other.db, other.sprintId, other.user.id, { text: 'Ok', voteRoundIds: [vote.roundId] })).toMatchObject({ ok: false, error: 'error_decision_votes' });
	});

	it('deletes a decision of this sprint only', () => {
		const world = setup();
		const made = recordDecision(world.db, world.sprintId, world.user.id, { text: 'Ok' });
		if (!made.ok) throw new Error();
		expect(deleteDecision(world.db, 'other-sprint', made.value.id)).toMatchObject({ ok: false });
		expect(deleteDecision(world.db, world.sprintId, made.value.id)).toMatchObject({ ok: true });
		expect(listDecisions(world.db, world.sprintId)).toEqual([]);
	});
});

describe('sprint questions', () => {
	it('answers the questions of the brief yes, no or not yet with a note, and refuses anything else', () => {
		const { db, user, sprintId, write } = setup();
		let id = '';
		write(briefDocName(sprintId), (doc) => {
			id = addQuestion(doc, 'Kunnen we jongeren bereiken die niet naar school gaan?');
			addQuestion(doc, 'Kunnen we dit in twee wijken doen?');
		});
		expect(sprintQuestions(db, sprintId).map((q) => [q.text, q.answer])).toEqual([
			['Kunnen we jongeren bereiken die niet naar school gaan?', null],
			['Kunnen we dit in twee wijken doen?', null]
		]);
		expect(answerQuestion(db, sprintId, user.id, { questionId: id, answer: 'maybe' })).toMatchObject({ ok: false, error: 'error_question_answer' });
		expect(answerQuestion(db, sprintId, user.id, { questionId: 'not-in-brief', answer: 'yes' })).toMatchObject({ ok: false, error: 'error_not_found' });
		expect(answerQuestion(db, sprintId, user.id, { questionId: id, answer: 'yes', note: 'x'.repeat(2001) })).toMatchObject({ ok: false, error: 'error_question_note_too_long' });
		expect(db.select().from(questionAnswers).all()).toHaveLength(0);
		expect(answerQuestion(db, sprintId, user.id, { questionId: id, answer: 'not_yet', note: 'Nog één testronde' })).toMatchObject({ ok: true });
		expect(answerQuestion(db, sprintId, user.id, { questionId: id, answer: 'yes', note: 'Ja, via het jongerenwerk' })).toMatchObject({ ok: true });
		expect(sprintQuestions(db, sprintId)[0]).toMatchObject({ answer: 'yes', note: 'Ja, via het jongerenwerk', answeredBy: 'Fenna' });
	});
});

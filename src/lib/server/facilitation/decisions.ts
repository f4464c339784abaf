/**
 * Decisions and the answers to the sprint questions. The decider (or a facilitator) records a
 * decision with the revealed dot votes it rests on; at the end each "Kunnen we …?" question of
 * the brief is answered yes, no or not yet, with a note. Checked first, then written in one
 * transaction: refused input stores nothing.
 */
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { questionId, questions, questionText } from '$lib/brief/model';
import type { DB } from '../db';
import { boards, decisions, decisionVotes, questionAnswers, users, voteRounds, type SprintRole } from '../db/schema';
import { notesWithGroups, readBoard } from '../boards/document';
import { readDoc } from '../collab/read-doc';
import { briefDocName } from '../collab/doc-name';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';
import { results } from '../votes/service';

export const DECIDERS: readonly SprintRole[] = ['decider', 'facilitator'];
export const DECISION_MAX = 300;
export const RATIONALE_MAX = 2000;
export const NOTE_MAX = 2000;
export const ANSWERS = ['yes', 'no', 'not_yet'] as const;
export type Answer = (typeof ANSWERS)[number];

/** A revealed vote of the sprint: its board and the notes that got the most dots. */
export type VoteSummary = { id: string; boardId: string; boardTitle: string; revealedAt: number; total: number; top: { text: string; votes: number; supervotes: number }[] };

const TOP = 5;

/** Every revealed dot vote on the sprint's boards, newest first, with its best-voted notes. */
export function revealedVotes(db: DB, sprintId: string): VoteSummary[] {
	const rounds = db
		.select({ round: voteRounds, boardTitle: boards.title })
		.from(voteRounds)
		.innerJoin(boards, eq(boards.id, voteRounds.boardId))
		.where(and(eq(boards.sprintId, sprintId), eq(voteRounds.status, 'revealed')))
		.orderBy(desc(voteRounds.revealedAt))
		.all();
	const texts = new Map<string, Map<string, string>>();
	const textsOf = (boardId: string) => {
		let map = texts.get(boardId);
		if (!map) {
			const doc = readBoard(db, sprintId, boardId);
			map = new Map(notesWithGroups(doc).map((note) => [note.id, note.text]));
			doc.destroy();
			texts.set(boardId, map);
		}
		return map;
	};
	return rounds.map(({ round, boardTitle }) => {
		const tally = results(db, round);
		const rows = tally.ok ? tally.value : [];
		const map = textsOf(round.boardId);
		return {
			id: round.id,
			boardId: round.boardId,
			boardTitle,
			revealedAt: round.revealedAt?.getTime() ?? round.createdAt.getTime(),
			total: rows.reduce((sum, row) => sum + row.votes + row.supervotes, 0),
			top: rows
				.filter((row) => row.votes + row.supervotes > 0)
				.slice(0, TOP)
				// A note deleted from the board since: its dots still count, its text is gone.
				.map((row) => ({ text: map.get(row.itemId) ?? '…', votes: row.votes, supervotes: row.supervotes }))
		};
	});
}

export type DecisionView = { id: string; text: string; rationale: string; decidedBy: string | null; createdAt: number; voteRoundIds: string[] };

export function listDecisions(db: DB, sprintId: string): DecisionView[] {
	const rows = db
		.select({ decision: decisions, name: users.name })
		.from(decisions)
		.leftJoin(users, eq(users.id, decisions.decidedBy))
		.where(eq(decisions.sprintId, sprintId))
		.orderBy(asc(decisions.createdAt))
		.all();
	const links = rows.length
		? db.select().from(decisionVotes).where(inArray(decisionVotes.decisionId, rows.map((r) => r.decision.id))).all()
		: [];
	return rows.map(({ decision, name }) => ({
		id: decision.id,
		text: decision.text,
		rationale: decision.rationale,
		decidedBy: name,
		createdAt: decision.createdAt.getTime(),
		voteRoundIds: links.filter((l) => l.decisionId === decision.id).map((l) => l.voteRoundId)
	}));
}

/** A decision sent again within this long is the same decision (see recordDecision). */
const RESENT_WITHIN_MS = 60_000;

export function recordDecision(db: DB, sprintId: string, userId: string, input: { text: unknown; rationale?: unknown; voteRoundIds?: unknown }, now = Date.now()): Result<{ id: string }> {
	const text = oneLine(input.text);
	if (!text) return fail('error_decision_text', 'text');
	if (text.length > DECISION_MAX) return fail('error_decision_text_too_long', 'text');
	const rationale = typeof input.rationale === 'string' ? input.rationale.trim() : '';
	if (rationale.length > RATIONALE_MAX) return fail('error_decision_rationale_too_long', 'rationale');
	const ids = Array.isArray(input.voteRoundIds) ? [...new Set(input.voteRoundIds.map(String))] : [];
	// Only revealed votes of this sprint: an id from elsewhere refuses the whole decision.
	const known = new Set(revealedRoundIds(db, sprintId));
	if (ids.some((id) => !known.has(id))) return fail('error_decision_votes', 'voteRoundIds');
	return db.transaction((tx) => {
		// The same decision by the same person moments ago is this one sent twice (a double click,
		// a form posted again without JavaScript): it is recorded once.
		const twin = tx
			.select({ id: decisions.id })
			.from(decisions)
			.where(and(eq(decisions.sprintId, sprintId), eq(decisions.decidedBy, userId), eq(decisions.text, text), gt(decisions.createdAt, new Date(now - RESENT_WITHIN_MS))))
			.get();
		if (twin) return ok({ id: twin.id });
		const id = newId();
		tx.insert(decisions).values({ id, sprintId, text, rationale, decidedBy: userId, createdAt: new Date(now) }).run();
		for (const voteRoundId of ids) tx.insert(decisionVotes).values({ decisionId: id, voteRoundId }).run();
		return ok({ id });
	});
}

function revealedRoundIds(db: DB, sprintId: string): string[] {
	return db
		.select({ id: voteRounds.id })
		.from(voteRounds)
		.innerJoin(boards, eq(boards.id, voteRounds.boardId))
		.where(and(eq(boards.sprintId, sprintId), eq(voteRounds.status, 'revealed')))
		.all()
		.map((r) => r.id);
}

export function deleteDecision(db: DB, sprintId: string, decisionId: unknown): Result<null> {
	if (typeof decisionId !== 'string') return fail('error_not_found');
	const removed = db.delete(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.sprintId, sprintId))).run();
	return removed.changes ? ok(null) : fail('error_not_found');
}

/** The sprint questions as they are in the brief now, each with its answer if it has one. */
export type QuestionView = { id: string; text: string; answer: Answer | null; note: string; answeredBy: string | null; answeredAt: number | null };

export function sprintQuestions(db: DB, sprintId: string): QuestionView[] {
	const doc = readDoc(db, briefDocName(sprintId));
	const current = questions(doc)
		.toArray()
		.map((q) => ({ id: questionId(q), text: questionText(q).toString().trim() }))
		.filter((q) => q.id && q.text);
	doc.destroy();
	const answers = new Map(
		db
			.select({ answer: questionAnswers, name: users.name })
			.from(questionAnswers)
			.leftJoin(users, eq(users.id, questionAnswers.answeredBy))
			.where(eq(questionAnswers.sprintId, sprintId))
			.all()
			.map((row) => [row.answer.questionId, row])
	);
	return current.map((q) => {
		const row = answers.get(q.id);
		return { ...q, answer: row?.answer.answer ?? null, note: row?.answer.note ?? '', answeredBy: row?.name ?? null, answeredAt: row?.answer.answeredAt.getTime() ?? null };
	});
}

export function answerQuestion(db: DB, sprintId: string, userId: string, input: { questionId: unknown; answer: unknown; note?: unknown }, now = Date.now()): Result<null> {
	const question = sprintQuestions(db, sprintId).find((q) => q.id === input.questionId);
	if (!question) return fail('error_not_found');
	if (!(ANSWERS as readonly unknown[]).includes(input.answer)) return fail('error_question_answer', 'answer');
	const note = typeof input.note === 'string' ? input.note.trim() : '';
	if (note.length > NOTE_MAX) return fail('error_question_note_too_long', 'note');
	const row = { question: question.text, answer: input.answer as Answer, note, answeredBy: userId, answeredAt: new Date(now) };
	db.insert(questionAnswers)
		.values({ sprintId, questionId: question.id, ...row })
		.onConflictDoUpdate({ target: [questionAnswers.sprintId, questionAnswers.questionId], set: row })
		.run();
	return ok(null);
}

/**
 * Dot voting on a board: a facilitator starts a round over fixed notes, members place their dots
 * unseen, the facilitator reveals. Until then nobody (not even the facilitator) gets per-note
 * counts: only how many people voted.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { voteRounds, votes, type SprintRole } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';

export const MAX_VOTES_PER_PERSON = 20;
export type VoteRound = typeof voteRounds.$inferSelect;

export function latestRound(db: DB, boardId: string): VoteRound | null {
	// rowid: insertion order, also for two rounds within one millisecond.
	return db.select().from(voteRounds).where(eq(voteRounds.boardId, boardId)).orderBy(sql`rowid desc`).limit(1).get() ?? null;
}

/** The last round whose result is shown (an open round's votes stay hidden). */
export function latestRevealedRound(db: DB, boardId: string): VoteRound | null {
	return (
		db.select().from(voteRounds).where(and(eq(voteRounds.boardId, boardId), eq(voteRounds.status, 'revealed'))).orderBy(sql`rowid desc`).limit(1).get() ?? null
	);
}

export function getRound(db: DB, boardId: string, roundId: string): VoteRound | null {
	return db.select().from(voteRounds).where(and(eq(voteRounds.id, roundId), eq(voteRounds.boardId, boardId))).get() ?? null;
}

export function startRound(
	db: DB,
	boardId: string,
	userId: string,
	input: { scope: string; itemIds: string[]; votesPerPerson: unknown }
): Result<{ id: string }> {
	const perPerson = Number(input.votesPerPerson);
	if (!Number.isInteger(perPerson) || perPerson < 1 || perPerson > MAX_VOTES_PER_PERSON) return fail('error_vote_per_person', 'votesPerPerson');
	const itemIds = [...new Set(input.itemIds)];
	if (itemIds.length === 0) return fail('error_vote_no_items');
	return db.transaction((tx) => {
		const open = latestRound(tx as unknown as DB, boardId);
		if (open?.status === 'open') return fail('error_vote_already_open');
		const id = newId();
		tx.insert(voteRounds).values({ id, boardId, scope: input.scope, itemIds, votesPerPerson: perPerson, status: 'open', createdBy: userId }).run();
		return ok({ id });
	});
}

function countMine(db: DB, roundId: string, userId: string, supervote: boolean) {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(votes)
		.where(and(eq(votes.roundId, roundId), eq(votes.userId, userId), eq(votes.supervote, supervote)))
		.get()!.n;
}

/** Places one dot (or the decider's supervote) on a note in the round. */
export function castVote(db: DB, round: VoteRound, userId: string, role: SprintRole, itemId: string, supervote = false): Result<null> {
	if (round.status !== 'open') return fail('error_vote_closed');
	if (!round.itemIds.includes(itemId)) return fail('error_vote_item_not_in_round');
	if (role === 'observer') return fail('error_vote_observer');
	if (supervote && role !== 'decider') return fail('error_vote_supervote_decider');
	return db.transaction((tx) => {
		const used = countMine(tx as unknown as DB, round.id, userId, supervote);
		if (supervote ? used >= 1 : used >= round.votesPerPerson) return fail(supervote ? 'error_vote_supervote_used' : 'error_vote_none_left');
		tx.insert(votes).values({ roundId: round.id, userId, itemId, supervote }).run();
		return ok(null);
	});
}

/** Takes back one of one's own dots on a note. */
export function retractVote(db: DB, round: VoteRound, userId: string, itemId: string, supervote = false): Result<null> {
	if (round.status !== 'open') return fail('error_vote_closed');
	const mine = db
		.select({ id: votes.id })
		.from(votes)
		.where(and(eq(votes.roundId, round.id), eq(votes.userId, userId), eq(votes.itemId, itemId), eq(votes.supervote, supervote)))
		.limit(1)
		.get();
	if (!mine) return fail('error_not_found');
	db.delete(votes).where(eq(votes.id, mine.id)).run();
	return ok(null);
}

export function myVotes(db: DB, roundId: string, userId: string) {
	return db.select({ itemId: votes.itemId, supervote: votes.supervote }).from(votes).where(and(eq(votes.roundId, roundId), eq(votes.userId, userId))).all();
}

/** What may be shown while voting: how many people voted, how many dots are placed. */
export function progress(db: DB, roundId: string) {
	// A decider who gave only the supervote has voted too; dots count the ordinary votes.
	const row = db
		.select({ voters: sql<number>`count(distinct ${votes.userId})`, dots: sql<number>`coalesce(sum(case when ${votes.supervote} then 0 else 1 end), 0)` })
		.from(votes)
		.where(eq(votes.roundId, roundId))
		.get()!;
	return { voters: row.voters, dots: row.dots };
}

export function revealRound(db: DB, round: VoteRound, now = Date.now()): Result<null> {
	if (round.status !== 'open') return fail('error_vote_closed');
	db.update(voteRounds).set({ status: 'revealed', revealedAt: new Date(now) }).where(eq(voteRounds.id, round.id)).run();
	return ok(null);
}

/** Per note: dots and supervotes, most dots first. Only once revealed. */
export function results(db: DB, round: VoteRound): Result<{ itemId: string; votes: number; supervotes: number }[]> {
	if (round.status !== 'revealed') return fail('error_vote_not_revealed');
	const rows = db
		.select({ itemId: votes.itemId, supervote: votes.supervote, n: sql<number>`count(*)` })
		.from(votes)
		.where(eq(votes.roundId, round.id))
		.groupBy(votes.itemId, votes.supervote)
		.all();
	const byItem = new Map<string, { itemId: string; votes: number; supervotes: number }>();
	for (const id of round.itemIds) byItem.set(id, { itemId: id, votes: 0, supervotes: 0 });
	for (const row of rows) {
		const entry = byItem.get(row.itemId);
		if (!entry) continue;
		if (row.supervote) entry.supervotes += row.n;
		else entry.votes += row.n;
	}
	return ok([...byItem.values()].sort((a, b) => b.votes - a.votes || b.supervotes - a.supervotes));
}

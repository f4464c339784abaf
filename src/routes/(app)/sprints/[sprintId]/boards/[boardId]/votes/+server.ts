/**
 * Dot voting on a board, as JSON: GET the round's state as this person may see it; POST an action
 * (start and reveal: facilitator; cast and retract: members who may edit; supervote: decider).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { getDb } from '$lib/server/db';
import { boardAccess } from '$lib/server/boards/endpoint';
import { notesInScope, readBoard } from '$lib/server/boards/document';
import { castVote, getRound, latestRound, myVotes, progress, results, retractVote, revealRound, startRound } from '$lib/server/votes/service';
import { readBody, refuse } from '$lib/server/json-api';
import { takeoverRefusal } from '$lib/server/facilitation/takeover-guard';

function state(db: ReturnType<typeof getDb>, boardId: string, userId: string) {
	const round = latestRound(db, boardId);
	if (!round) return { round: null };
	const revealed = results(db, round);
	return {
		round: { id: round.id, status: round.status, scope: round.scope, itemIds: round.itemIds, votesPerPerson: round.votesPerPerson },
		mine: myVotes(db, round.id, userId),
		progress: progress(db, round.id),
		results: revealed.ok ? revealed.value : null
	};
}

export const GET = (event: RequestEvent) => {
	const { db, user, board } = boardAccess(event);
	return json(state(db, board.id, user.id));
};

const Action = z.discriminatedUnion('action', [
	z.object({
		action: z.literal('start'),
		votesPerPerson: z.number().int(),
		scope: z.object({ kind: z.string().max(20).optional(), groupId: z.string().max(64).optional(), itemIds: z.array(z.string().max(64)).max(10_000).optional() })
	}),
	z.object({ action: z.enum(['cast', 'retract']), roundId: z.string().max(64), itemId: z.string().max(64), supervote: z.boolean().optional() }),
	z.object({ action: z.literal('reveal'), roundId: z.string().max(64) })
]);

export const POST = async (event: RequestEvent) => {
	const { db, user, role, board, sprintId } = boardAccess(event);
	const body = await readBody(event.request, Action);
	if (!body.ok) return body.response;
	const input = body.value;
	if (board.archivedAt) return refuse(403, 'error_board_archived');
	const held = takeoverRefusal(db, sprintId, role);
	if (held) return held;

	if (input.action === 'start') {
		if (role !== 'facilitator') return refuse(403, 'error_forbidden');
		const doc = readBoard(db, sprintId, board.id);
		const itemIds = notesInScope(doc, input.scope);
		doc.destroy();
		const scope = input.scope.kind ? `kind:${input.scope.kind}` : input.scope.groupId ? `group:${input.scope.groupId}` : input.scope.itemIds ? 'selection' : 'all';
		const started = startRound(db, board.id, user.id, { scope, itemIds, votesPerPerson: input.votesPerPerson });
		if (!started.ok) return refuse(400, started.error);
		return json(state(db, board.id, user.id));
	}

	const round = getRound(db, board.id, input.roundId);
	if (!round) return refuse(404, 'error_not_found');
	if (input.action === 'reveal') {
		if (role !== 'facilitator') return refuse(403, 'error_forbidden');
		const revealed = revealRound(db, round);
		if (!revealed.ok) return refuse(400, revealed.error);
	} else if (input.action === 'cast') {
		const cast = castVote(db, round, user.id, role, input.itemId, input.supervote ?? false);
		if (!cast.ok) return refuse(400, cast.error);
	} else {
		const taken = retractVote(db, round, user.id, input.itemId, input.supervote ?? false);
		if (!taken.ok) return refuse(400, taken.error);
	}
	return json(state(db, board.id, user.id));
};

/**
 * Telling a sprint that a test round closed: once per round, whether a facilitator closed it or its
 * window simply ran out. The notice is claimed by inserting the round's row in
 * `round_close_notices` (primary key) in the same transaction that sends it, so two requests at
 * once, two processes on one database or a restart never send it twice.
 */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { DB } from '../db';
import { notifications, roundCloseNotices, testRounds } from '../db/schema';
import { notify } from '../notifications/service';
import { closeRound, HOUR, roundStatus, type Round } from './rounds';

/**
 * A round that ran out longer ago than this is not announced any more: after a server was down for a
 * day, "round X closed" is old news; and rounds that closed before notices were recorded (or
 * before this code ran) are not announced at all once this long has passed.
 */
export const NOTICE_LOOKBACK_MS = 24 * HOUR;

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
type RoundRef = Pick<Round, 'id' | 'sprintId' | 'title'>;

const roundHref = (round: RoundRef) => `/sprints/${round.sprintId}/tests/${round.id}`;

/** Claims the notice for a round; false when it was claimed already. */
function claim(tx: Tx, round: RoundRef, now: number): boolean {
	return tx.insert(roundCloseNotices).values({ roundId: round.id, notifiedAt: new Date(now) }).onConflictDoNothing().run().changes === 1;
}

function send(tx: Tx, round: RoundRef, exceptUserId: string | undefined, now: number) {
	notify(tx as unknown as DB, { sprintId: round.sprintId, kind: 'round_closed', params: { round: round.title }, href: roundHref(round), exceptUserId }, now);
}

/** A facilitator's close from before notices were claimed (the first day after the update) already told everyone. */
function toldBefore(tx: Tx, round: RoundRef): boolean {
	return !!tx.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.kind, 'round_closed'), eq(notifications.href, roundHref(round)))).limit(1).get();
}

/** The facilitator closes a round now: everyone else in the sprint hears of it (once). */
export function closeRoundAndNotify(db: DB, round: Round, closedBy: string, now = Date.now()): void {
	db.transaction(
		(tx) => {
			const wasOpen = roundStatus(round, now) !== 'closed';
			closeRound(tx as unknown as DB, round, now);
			// Already closed (by time, a moment ago): the sweep's notice stands, or will come.
			if (wasOpen && claim(tx, round, now)) send(tx, round, closedBy, now);
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Announces every round whose window ended (and that nobody announced yet) to all its sprint's
 * members, the same people a facilitator's close tells (with nobody to leave out). Returns how many
 * rounds were announced. Called by the sweep that runs with the server (startup.ts).
 */
export function announceEndedRounds(db: DB, now = Date.now()): number {
	return db.transaction(
		(tx) => {
			const ended = tx
				.select({ id: testRounds.id, sprintId: testRounds.sprintId, title: testRounds.title })
				.from(testRounds)
				.leftJoin(roundCloseNotices, eq(roundCloseNotices.roundId, testRounds.id))
				.where(and(isNull(roundCloseNotices.roundId), lte(testRounds.closesAt, new Date(now)), gt(testRounds.closesAt, new Date(now - NOTICE_LOOKBACK_MS))))
				.all();
			let sent = 0;
			for (const round of ended) {
				if (!claim(tx, round, now) || toldBefore(tx, round)) continue;
				send(tx, round, undefined, now);
				sent++;
			}
			return sent;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * "Take control": the facilitator locks everyone else's editing of the sprint's shared documents for
 * a few minutes (to get the room's attention, or to tidy a board without things moving under them).
 * Kept in SQL so that the realtime server's rights and the write endpoints see the same thing.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { sprintTakeovers, type SprintRole } from '../db/schema';
import { fail, ok, type Result } from '../result';

export const TAKEOVER_MINUTES = { min: 1, max: 60, default: 5 } as const;

/** Until when the facilitator has control (server time), or null when nobody has. */
export function takeoverUntil(db: DB, sprintId: string, now = Date.now()): number | null {
	const row = db.select({ until: sprintTakeovers.until }).from(sprintTakeovers).where(eq(sprintTakeovers.sprintId, sprintId)).get();
	const until = row?.until.getTime() ?? 0;
	return until > now ? until : null;
}

/** Is this role held back from writing now? Facilitators never are. */
export function heldBack(db: DB, sprintId: string, role: SprintRole, now = Date.now()): boolean {
	return role !== 'facilitator' && takeoverUntil(db, sprintId, now) !== null;
}

export function takeControl(db: DB, sprintId: string, userId: string, minutes: number, now = Date.now()): Result<{ until: number }> {
	if (!Number.isInteger(minutes) || minutes < TAKEOVER_MINUTES.min || minutes > TAKEOVER_MINUTES.max) return fail('facil_error_takeover_minutes');
	const until = new Date(now + minutes * 60_000);
	db.insert(sprintTakeovers)
		.values({ sprintId, until, takenBy: userId })
		.onConflictDoUpdate({ target: sprintTakeovers.sprintId, set: { until, takenBy: userId } })
		.run();
	return ok({ until: until.getTime() });
}

/** Gives control back early; true when there was something to give back. */
export function releaseControl(db: DB, sprintId: string, now = Date.now()): boolean {
	const active = takeoverUntil(db, sprintId, now) !== null;
	db.delete(sprintTakeovers).where(eq(sprintTakeovers.sprintId, sprintId)).run();
	return active;
}

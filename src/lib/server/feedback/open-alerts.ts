/**
 * The crisis alerts of a sprint that no facilitator marked "seen" yet, per round: for the banner on
 * every sprint page, so a facilitator on a board or the agenda sees one as soon as on the round page.
 * Only counts and the round: the alert itself (time, topics, helplines) is on the round page.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { crisisAlerts, testRounds } from '../db/schema';

export type OpenAlerts = { roundId: string; title: string; count: number }[];

export function openCrisisAlerts(db: DB, sprintId: string): OpenAlerts {
	return db
		.select({ roundId: testRounds.id, title: testRounds.title, count: sql<number>`count(*)` })
		.from(crisisAlerts)
		.innerJoin(testRounds, eq(crisisAlerts.roundId, testRounds.id))
		.where(and(eq(testRounds.sprintId, sprintId), isNull(crisisAlerts.seenAt)))
		.groupBy(testRounds.id)
		.orderBy(asc(sql`min(${crisisAlerts.createdAt})`))
		.all();
}

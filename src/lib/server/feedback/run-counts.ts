/**
 * How many young people started a round, finished it, and stopped it on the way ("Stoppen"): a
 * stopped run is closed too, but is not counted as finished.
 */
import { sql } from 'drizzle-orm';
import { participants } from '../db/schema';

export function runCounts() {
	return {
		started: sql<number>`count(*)`,
		finished: sql<number>`count(case when ${participants.stoppedAt} is null then ${participants.finishedAt} end)`,
		stopped: sql<number>`count(${participants.stoppedAt})`
	};
}

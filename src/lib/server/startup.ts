/** Process start: open the database (migrations run there), seed the demo, start the realtime server. */
import { getDb } from './db';
import { purgeExpiredSessions } from './auth/session';
import { DEMO_EMAIL, seedDemo } from './demo/seed';
import { installCollab } from './collab/install';
import { purgeExpiredTexts } from './feedback/round-results';
import { announceEndedRounds } from './feedback/round-close';

/** Young people's free texts past their coalition's retention period are emptied this often. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;
/**
 * How often rounds that ran out of time are looked for, to tell their sprint they closed. A sweep
 * with the server rather than a check on page loads: the notice must come also when nobody opens
 * the round (that is the point of it), and one small query twice a minute costs nothing. The notice
 * itself is claimed in the database (feedback/round-close.ts), so it is sent once however often this
 * runs. MEEDOEN_ROUND_SWEEP_MS sets another interval (the integration tests use a short one).
 */
const ROUND_SWEEP_MS = Number(process.env.MEEDOEN_ROUND_SWEEP_MS) > 0 ? Number(process.env.MEEDOEN_ROUND_SWEEP_MS) : 30_000;

function sweepRounds() {
	try {
		announceEndedRounds(getDb());
	} catch (error) {
		// A busy database (another process writing) is tried again at the next sweep.
		console.error(`[rounds] announcing closed rounds failed: ${(error as Error).message}`);
	}
}

let started: Promise<void> | undefined;

export function startup(): Promise<void> {
	started ??= (async () => {
		const db = getDb();
		purgeExpiredSessions(db);
		purgeExpiredTexts(db);
		setInterval(() => purgeExpiredTexts(getDb()), PURGE_EVERY_MS).unref();
		sweepRounds();
		setInterval(sweepRounds, ROUND_SWEEP_MS).unref();
		installCollab();
		if (process.env.MEEDOEN_DEMO !== '0') {
			const demo = await seedDemo(db);
			if (demo) {
				console.log(
					`\n  Meedoen demo ready. Sign in as ${DEMO_EMAIL} with password: ${demo.password}\n  (shown once; set MEEDOEN_DEMO=0 to start without the demo)\n  Young people's side: open /j and enter the demo test round's code ${demo.joinCode}\n`
				);
			}
		}
	})();
	return started;
}

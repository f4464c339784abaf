/** Process start: open the database (migrations run there), seed the demo, start the realtime server. */
import { getDb } from './db';
import { purgeExpiredSessions } from './auth/session';
import { DEMO_EMAIL, seedDemo } from './demo/seed';
import { installCollab } from './collab/install';
import { purgeExpiredTexts } from './feedback/round-results';

/** Young people's free texts past their coalition's retention period are emptied this often. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

let started: Promise<void> | undefined;

export function startup(): Promise<void> {
	started ??= (async () => {
		const db = getDb();
		purgeExpiredSessions(db);
		purgeExpiredTexts(db);
		setInterval(() => purgeExpiredTexts(getDb()), PURGE_EVERY_MS).unref();
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

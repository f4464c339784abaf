/** Process start: open the database (migrations run there), seed the demo, start the realtime server. */
import { getDb } from './db';
import { purgeExpiredSessions } from './auth/session';
import { DEMO_EMAIL, seedDemo } from './demo/seed';
import { installCollab } from './collab/install';

let started: Promise<void> | undefined;

export function startup(): Promise<void> {
	started ??= (async () => {
		const db = getDb();
		purgeExpiredSessions(db);
		installCollab();
		if (process.env.MEEDOEN_DEMO !== '0') {
			const password = await seedDemo(db);
			if (password) {
				console.log(
					`\n  Meedoen demo ready. Sign in as ${DEMO_EMAIL} with password: ${password}\n  (shown once; set MEEDOEN_DEMO=0 to start without the demo)\n`
				);
			}
		}
	})();
	return started;
}

/**
 * The bell in the header is live: a notification that arrives while a page is open shows up in its
 * count without navigating, for that person only.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { sprintWithTwo, t } from './helpers';

const DB = resolve(import.meta.dirname, '.output/db/meedoen.db');

/** What notify() stores for one person (here: the partner of this sprint), as if a round had just opened. */
function notifyPartner(sprintId: string) {
	const db = new Database(DB);
	try {
		const { userId } = db.prepare("SELECT user_id AS userId FROM sprint_members WHERE sprint_id = ? AND role = 'partner'").get(sprintId) as { userId: string };
		db.prepare('INSERT INTO notifications (id, user_id, sprint_id, kind, params, href, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
			randomBytes(8).toString('hex'),
			userId,
			sprintId,
			'round_opened',
			JSON.stringify({ round: 'Oost' }),
			`/sprints/${sprintId}`,
			Date.now()
		);
	} finally {
		db.close();
	}
}

test('@facilitation the bell counts a new notification on an open page, without navigating, for that person only', async ({ browser }) => {
	test.setTimeout(120_000);
	const { facilitator, other: partner, sprintId, close } = await sprintWithTwo(browser, 'partner');
	try {
		await partner.goto(`/sprints/${sprintId}`);
		await facilitator.goto(`/sprints/${sprintId}`);
		const bell = partner.getByTestId('notification-bell');
		await expect(bell).toHaveAttribute('data-unread', '0');
		let navigations = 0;
		partner.on('framenavigated', (frame) => {
			if (frame === partner.mainFrame()) navigations++;
		});

		notifyPartner(sprintId);
		// The page asks every 15 s while it is visible.
		await expect(bell).toHaveAttribute('data-unread', '1', { timeout: 40_000 });
		await expect(bell).toHaveAccessibleName(t('facil_notifications_bell', { count: 1 }));
		await expect(bell.locator('.count')).toHaveText('1');
		expect(navigations).toBe(0);
		// The facilitator's open page asks too (at once when its tab comes into view): nothing of the partner's reaches it.
		await Promise.all([
			facilitator.waitForResponse((r) => r.url().endsWith('/notifications/unread') && r.ok()),
			facilitator.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
		]);
		await expect(facilitator.getByTestId('notification-bell')).toHaveAttribute('data-unread', '0');

		// Read on the notifications page: the number goes (the page's own load counts again).
		await partner.getByTestId('notification-bell').click();
		await partner.getByTestId('notifications-read-all').click();
		await expect(bell).toHaveAttribute('data-unread', '0');
	} finally {
		await close();
	}
});

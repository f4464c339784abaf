import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, shoot, sprintWithTwo, t } from './helpers';

/** On the sprint's prototype list: creates a prototype from a template and opens its studio. */
async function createPrototype(page: Page, sprintId: string, name: string, template: 'blank' | 'signal_app' | 'youth_checkin', device: 'phone' | 'tablet' = 'phone') {
	await page.goto(`/sprints/${sprintId}`);
	await page.getByRole('link', { name: t('proto_sprint_link') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('proto_title'));
	await page.getByLabel(t('proto_name')).fill(name);
	await page.getByLabel(device === 'phone' ? t('proto_device_phone') : t('proto_device_tablet')).check();
	await page.getByRole('radio', { name: t(`proto_template_${template}`) }).check();
	await page.getByRole('button', { name: t('proto_create') }).click();
	await expect(page).toHaveURL(/\/prototypes\/[a-z2-7]{16}$/);
	await waitForStudio(page);
	return page.url();
}

async function waitForStudio(page: Page) {
	await expect(page.getByTestId('collab-status')).toHaveAttribute('data-synced', 'true');
	await expect(page.getByTestId('screen-item').first()).toBeVisible();
}

test('@prototype two partners edit the same screen live, see where the other is, and undo only their own edits', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator: a, other: b } = world;
	try {
		const url = await createPrototype(a, world.sprintId, 'Check-in', 'youth_checkin');
		await b.goto(url);
		await waitForStudio(b);
		await expect(a.getByTestId('presence').getByRole('listitem')).toHaveCount(2);

		// Both on the start screen: A changes the heading, B sees it; B adds a block, A sees it.
		const headingA = a.getByTestId('block-editor').nth(1).getByTestId('block-text');
		await headingA.click();
		await headingA.fill('Hoi! Hoe is het?');
		const headingB = b.getByTestId('block-editor').nth(1).getByTestId('block-text');
		await expect(headingB).toHaveValue('Hoi! Hoe is het?');
		// B sees that A is working on that block.
		await expect(b.getByTestId('block-editor').nth(1)).toContainText(t('proto_peer_editing', { name: world.names.facilitator }));

		await b.getByRole('button', { name: `+ ${t('proto_block_add')}` }).click();
		await b.getByTestId('add-text').click();
		await b.keyboard.type('Je mag stoppen wanneer je wilt.');
		await expect(a.getByTestId('block-editor')).toHaveCount(5);
		await expect(a.getByTestId('block-editor').last().getByTestId('block-text')).toHaveValue('Je mag stoppen wanneer je wilt.');
		// The preview beside the editor follows.
		await expect(a.getByTestId('screen-view')).toContainText('Je mag stoppen wanneer je wilt.');

		// A's undo takes back A's heading edit, not B's new block.
		await a.getByRole('button', { name: t('proto_undo') }).click();
		await expect(headingB).toHaveValue('Hoi! Hoe gaat het met je?');
		await expect(b.getByTestId('block-editor')).toHaveCount(5);

		// Keyboard move: B's block one place up.
		await b.getByRole('button', { name: t('proto_block_up', { n: 5 }) }).click();
		await expect(a.getByTestId('block-editor').nth(3).getByTestId('block-text')).toHaveValue('Je mag stoppen wanneer je wilt.');

		// A script payload stays text.
		await headingA.fill('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
		await expect(b.getByTestId('screen-view').getByRole('heading', { level: 2 })).toContainText('<script>');
		expect(await b.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

		await shoot(a, 'prototype-studio');
		expect(await seriousViolations(a)).toEqual([]);
	} finally {
		await world.close();
	}
});

import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { createCoalition, createPrototype, createSprint, seriousViolations, settledBox, shoot, signUp, sprintWithTwo, t, waitForStudio } from './helpers';

/** One person with a sprint of their own (enough where nobody else is needed). */
async function soloSprint(page: Page) {
	await signUp(page, 'Priya');
	const coalitionId = await createCoalition(page, `Coalitie ${Date.now().toString(36)}`);
	return createSprint(page, 'Prototypes maken', coalitionId);
}

/** Opens one of the studio's views (Schermen, Stroom, Versies). */
async function openTab(page: Page, key: 'screens' | 'flow' | 'versions') {
	await page.getByRole('tab', { name: new RegExp(`^${t(`proto_tab_${key}`)}`) }).click();
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

		// Comments: A pins one to the heading block; B sees it there, replies; A resolves it.
		await headingA.click();
		const commentsA = a.getByTestId('comments');
		await commentsA.getByLabel(t('proto_comment_new')).fill('Is dit B1?');
		await commentsA.getByRole('button', { name: t('proto_comment_send') }).last().click();
		const commentsB = b.getByTestId('comments');
		await expect(commentsB).toContainText('Is dit B1?');
		await expect(b.getByTestId('block-editor').nth(1)).toContainText(t('proto_comments_open', { n: 1 }));
		await commentsB.getByPlaceholder(t('proto_comment_reply')).fill('Korter maken');
		await commentsB.getByRole('button', { name: t('proto_comment_send') }).first().click();
		await expect(commentsA).toContainText('Korter maken');
		await commentsA.getByRole('button', { name: t('proto_comment_resolve') }).click();
		await expect(commentsB).not.toContainText('Is dit B1?');
		await expect(commentsB.getByRole('button', { name: t('proto_comments_show_resolved', { n: 1 }) })).toBeVisible();

		await shoot(a, 'prototype-studio');
		expect(await seriousViolations(a)).toEqual([]);
	} finally {
		await world.close();
	}
});

test('@prototype a link made by dragging from a button to a screen in the flow view', async ({ page }) => {
	const sprintId = await soloSprint(page);
	await createPrototype(page, sprintId, 'Leeg begin', 'blank');
	// A second screen, and a button on the first.
	await page.getByRole('button', { name: `+ ${t('proto_screen_add')}` }).click();
	await expect(page.getByTestId('screen-item')).toHaveCount(2);
	await page.getByLabel(t('proto_screen_name')).fill('Uitleg');
	await page.getByTestId('screen-item').first().getByRole('button').first().click();
	await page.getByRole('button', { name: `+ ${t('proto_block_add')}` }).click();
	await page.getByTestId('add-button').click();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Lees meer');
	// Drag the button by its grip to the top of the screen (pointer events: a finger works the same).
	const blocks = page.getByTestId('block-editor');
	await expect(blocks).toHaveCount(3);
	const grip = (await blocks.nth(2).getByTestId('block-grip').boundingBox())!;
	const top = (await blocks.first().boundingBox())!;
	await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
	await page.mouse.down();
	await page.mouse.move(grip.x + grip.width / 2, top.y + 5, { steps: 8 });
	await page.mouse.up();
	await expect(blocks.first()).toHaveAttribute('data-type', 'button');
	await expect(page.getByTestId('screen-view').locator('[data-block]').first()).toContainText('Lees meer');

	await openTab(page, 'flow');
	await expect(page.getByTestId('flow-screen')).toHaveCount(2);
	await expect(page.locator('.svelte-flow__edge')).toHaveCount(0);
	const handle = page.getByTestId('flow-button').filter({ hasText: 'Lees meer' }).locator('.svelte-flow__handle');
	const target = page.getByTestId('flow-screen').filter({ hasText: 'Uitleg' });
	// The button's handle sits low in the flow view on a 800px-high window: scroll the page to it, as a
	// person would, then read both boxes once the flow view has fitted all screens into view.
	await handle.scrollIntoViewIfNeeded();
	const from = await settledBox(handle);
	const to = await settledBox(target);
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await page.mouse.down();
	// A first small step starts the connection; on a busy machine one big jump can be lost.
	await page.mouse.move(from.x + from.width / 2 + 6, from.y + from.height / 2 + 6, { steps: 3 });
	// Dropped on the screen's top half (not exactly on its handle), as a person would.
	await page.mouse.move(to.x + to.width / 2, to.y + 70, { steps: 12 });
	await page.mouse.up();
	await expect(page.locator('.svelte-flow__edge')).toHaveCount(1);
	await expect(page.getByTestId('flow-button').filter({ hasText: 'Lees meer' })).not.toContainText(t('proto_flow_drag_hint'));
	await shoot(page, 'prototype-flow');
	expect(await seriousViolations(page)).toEqual([]);

	// The editor shows the same link, and play mode follows it.
	await openTab(page, 'screens');
	const select = page.getByTestId('button-target');
	await expect(select.locator('option:checked')).toHaveText('Uitleg');
	await page.getByTestId('play-link').click();
	await page.getByTestId('player').getByRole('button', { name: 'Lees meer' }).click();
	// The new screen starts with a heading of its first name.
	await expect(page.getByTestId('device').getByRole('heading', { level: 2 })).toHaveText(t('proto_screen_new_name', { n: 2 }));
});

test('@prototype play mode at 768x1024 reaches every linked screen, goes back by button, Escape and browser back, and survives a broken link', async ({ page }) => {
	await page.setViewportSize({ width: 768, height: 1024 });
	const sprintId = await soloSprint(page);
	const studio = await createPrototype(page, sprintId, 'Check-in', 'youth_checkin', 'tablet');
	const names = ['Welkom', 'Gevoel', 'Wat helpt', 'Bedankt'];
	await page.getByTestId('play-link').click();
	const device = page.getByTestId('device');
	const heading = device.getByRole('heading', { level: 2 });
	await expect(heading).toHaveText('Hoi! Hoe gaat het met je?');
	const box = (await device.boundingBox())!;
	expect(box.width).toBeGreaterThan(700);
	await shoot(page, 'prototype-play');

	const reached = new Set<string | null>([await device.getAttribute('data-screen')]);
	await device.getByRole('button', { name: 'Begin' }).click();
	await expect(heading).toHaveText('Hoe voel je je vandaag?');
	reached.add(await device.getAttribute('data-screen'));
	// Keyboard: Tab to "Verder" and press Enter.
	await device.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');
	await expect(heading).toHaveText('Wat zou jou helpen?');
	reached.add(await device.getAttribute('data-screen'));
	await page.keyboard.press('Escape');
	await expect(heading).toHaveText('Hoe voel je je vandaag?');
	await device.getByRole('button', { name: 'Verder' }).click();
	await page.goBack();
	await expect(heading).toHaveText('Hoe voel je je vandaag?');
	await page.goForward();
	await expect(heading).toHaveText('Wat zou jou helpen?');
	await device.getByRole('button', { name: 'Versturen' }).click();
	await expect(heading).toHaveText('Dank je wel!');
	reached.add(await device.getAttribute('data-screen'));
	expect(reached.size).toBe(names.length);
	// The note for testers is not shown to the person who plays.
	await expect(device).not.toContainText('Kijk of de jongere');
	// A swipe from the left edge goes back, as on a tablet.
	await device.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const touch = (x: number) => new Touch({ identifier: 1, target: el, clientX: box.left + x, clientY: box.top + 300 });
		el.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(10)], changedTouches: [touch(10)], bubbles: true }));
		el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(200)], bubbles: true }));
	});
	await expect(heading).toHaveText('Wat zou jou helpen?');
	await device.getByRole('button', { name: 'Versturen' }).click();
	expect(await seriousViolations(page)).toEqual([]);
	await device.getByRole('button', { name: 'Opnieuw' }).click();
	await expect(heading).toHaveText('Hoi! Hoe gaat het met je?');

	// Delete "Bedankt" in the studio: its link is broken in the flow view; play mode says so and stays.
	await page.goto(studio);
	await waitForStudio(page);
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByTestId('screen-item').filter({ hasText: 'Bedankt' }).getByRole('button').first().click();
	await page.getByRole('button', { name: t('proto_screen_delete') }).click();
	await expect(page.getByTestId('screen-item')).toHaveCount(3);
	// Screens are reordered by dragging too: "Wat helpt" to the top.
	const item = page.getByTestId('screen-item').filter({ hasText: 'Wat helpt' });
	const grip = (await item.getByTestId('screen-grip').boundingBox())!;
	const first = (await page.getByTestId('screen-item').first().boundingBox())!;
	await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
	await page.mouse.down();
	await page.mouse.move(grip.x + grip.width / 2, first.y + 4, { steps: 8 });
	await page.mouse.up();
	await expect(page.getByTestId('screen-item').first()).toContainText('Wat helpt');
	await openTab(page, 'flow');
	await expect(page.getByTestId('flow-broken')).toHaveCount(1);
	await expect(page.getByTestId('flow-broken-count')).toBeVisible();
	await page.getByTestId('play-link').click();
	await device.getByRole('button', { name: 'Begin' }).click();
	await device.getByRole('button', { name: 'Verder' }).click();
	await device.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByTestId('play-message')).toHaveText(t('proto_play_broken'));
	await expect(heading).toHaveText('Wat zou jou helpen?');
	await page.getByTestId('play-back').click();
	await expect(heading).toHaveText('Hoe voel je je vandaag?');
	// The screen's own back button.
	await device.getByRole('button', { name: 'Terug' }).click();
	await expect(heading).toHaveText('Hoi! Hoe gaat het met je?');
});

test('@prototype a frozen version stays as it was after edits; compare and restore', async ({ page }) => {
	const sprintId = await soloSprint(page);
	const studio = await createPrototype(page, sprintId, 'Signalen', 'signal_app');
	await openTab(page, 'versions');
	await page.getByLabel(t('proto_version_name')).fill('Voor de test');
	await page.getByTestId('freeze').click();
	await expect(page.getByTestId('versions').getByRole('listitem')).toHaveCount(1);
	await expect(page.getByTestId('versions')).toContainText('Voor de test');

	// Edit after freezing.
	await openTab(page, 'screens');
	const heading = page.getByTestId('block-editor').first().getByTestId('block-text');
	await heading.fill('Signaal-app 2.0');
	await expect(page.getByTestId('collab-saved')).toHaveAttribute('data-saved', 'saved');

	// The frozen version still plays the old heading.
	await page.goto(`${studio}/versions/1/play`);
	await expect(page.getByTestId('device').getByRole('heading', { level: 2 })).toHaveText('Signaal-app');
	// Side by side: the first screen is marked changed, the others the same.
	await page.goto(`${studio}/versions/1`);
	const compare = page.getByTestId('compare');
	await expect(compare).toContainText('Signaal-app 2.0');
	await expect(compare.getByText(t('proto_compare_changed'), { exact: true })).toHaveCount(1);
	await expect(compare.getByText(t('proto_compare_same'), { exact: true })).toHaveCount(4);
	await shoot(page, 'prototype-compare');
	// Restore: the live prototype has the old heading again.
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByTestId('restore').click();
	await expect(page).toHaveURL(studio);
	await waitForStudio(page);
	await expect(page.getByTestId('block-editor').first().getByTestId('block-text')).toHaveValue('Signaal-app');
});

test('@prototype an image upload is shown; an SVG is refused with a clear message', async ({ page }) => {
	const sprintId = await soloSprint(page);
	await page.goto(`/sprints/${sprintId}/prototypes`);
	await shoot(page, 'prototype-list');
	expect(await seriousViolations(page)).toEqual([]);
	await createPrototype(page, sprintId, 'Met plaatje', 'blank');
	await page.getByRole('button', { name: `+ ${t('proto_block_add')}` }).click();
	await page.getByTestId('add-image').click();
	const input = page.getByTestId('image-upload');
	await input.setInputFiles({ name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
	await expect(page.getByTestId('image-error')).toHaveText(t('proto_image_svg'));
	const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#0b6e4f' } }).png().toBuffer();
	await input.setInputFiles({ name: 'jongeren.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByTestId('image-error')).toHaveCount(0);
	const shown = page.getByTestId('screen-view').locator('img');
	await expect(shown).toHaveCount(1);
	await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
});

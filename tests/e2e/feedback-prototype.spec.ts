/**
 * A test round over a frozen prototype version: the facilitator freezes a prototype and opens a
 * round for that version; a young person on a tablet sees the frozen screen (not the live one, which
 * was edited after freezing) and answers about it.
 */
import { expect, test } from '@playwright/test';
import { createCoalition, createPrototype, createSprint, seriousViolations, shoot, signUp, t, uniqueEmail } from './helpers';

const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'nl-NL' };

test('@feedback young people test a frozen prototype version, never the live prototype', async ({ browser }) => {
	const staff = await browser.newContext();
	const facilitator = await staff.newPage();
	await signUp(facilitator, 'Fenna');
	const coalitionId = await createCoalition(facilitator, `Coalitie ${uniqueEmail('c').split('@')[0]}`);
	const sprintId = await createSprint(facilitator, 'Meedoen in de wijk', coalitionId);
	await createPrototype(facilitator, sprintId, 'Check-in', 'youth_checkin');

	// Freeze, then change the live start screen's heading.
	await facilitator.getByRole('tab', { name: new RegExp(`^${t('proto_tab_versions')}`) }).click();
	await facilitator.getByLabel(t('proto_version_name')).fill('Voor de test');
	await facilitator.getByTestId('freeze').click();
	await expect(facilitator.getByTestId('versions').getByRole('listitem')).toHaveCount(1);
	await facilitator.getByRole('tab', { name: new RegExp(`^${t('proto_tab_screens')}`) }).click();
	const heading = facilitator.getByTestId('block-editor').nth(1).getByTestId('block-text');
	await expect(heading).toHaveValue('Hoi! Hoe gaat het met je?');
	await heading.fill('Live, na het bevriezen');
	await expect(facilitator.getByTestId('collab-saved')).toHaveAttribute('data-saved', 'saved');

	// A round for that version, from the tests page (no ideas chosen in this sprint).
	await facilitator.goto(`/sprints/${sprintId}/tests`);
	await facilitator.locator('#round-title').fill('Check-in testen');
	await facilitator.getByLabel(t('facil_round_version')).selectOption({ label: 'Check-in · v1 · Voor de test' });
	await facilitator.locator('form:has(#round-title) button').last().click();
	await expect(facilitator).toHaveURL(/\/tests\/[a-z2-7]{16}$/);
	const code = /([A-Z0-9]{4})-([A-Z0-9]{4})/.exec(await facilitator.locator('main').innerText())!;

	// The young person, on a tablet.
	const youth = await browser.newContext(TABLET);
	const page = await youth.newPage();
	await page.goto(`/j/${code[1]}${code[2]}`);
	await page.getByTestId('youth-start').click();
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '1');
	const frozen = page.getByTestId('youth-frozen-screen');
	await expect(frozen.getByRole('heading', { level: 2 })).toHaveText('Hoi! Hoe gaat het met je?');
	await expect(page.getByText('Live, na het bevriezen')).toHaveCount(0);
	// Said plainly: it is a picture, its buttons do nothing yet.
	await expect(page.getByText(t('youth_screen_hint'))).toBeVisible();
	// One step per screen of the version (the youth check-in template has four).
	await expect(page.locator('#progress-label')).toHaveText(t('youth_progress_screen', { step: 1, count: 4 }));
	await expect(page.getByText(t('youth_q_reaction_screen'))).toBeVisible();
	await page.getByRole('radio', { name: t('youth_reaction_great') }).check();
	await page.getByRole('radio', { name: t('youth_help_yes'), exact: true }).check();
	await expect(page.getByTestId('youth-save-state')).toHaveText(t('youth_saved'));
	expect(await seriousViolations(page)).toEqual([]);
	await shoot(page, 'youth-screen-step');
	await page.setViewportSize(TABLET.viewport);
	await page.getByTestId('youth-next').click();
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '2');
	await expect(frozen).toBeVisible();

	// The facilitator's results name the screen and its version.
	await facilitator.reload();
	await expect(facilitator.getByTestId('count-started')).toHaveText('1');
	await expect(facilitator.locator('main')).toContainText('Check-in v1: ');
	await youth.close();
	await staff.close();
});

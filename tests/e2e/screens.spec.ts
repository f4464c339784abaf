/**
 * Looks at the main pages at a laptop and a tablet size: saves full-page screenshots for people to
 * look at (tests/e2e/.output/screens/) and checks that nothing makes the page scroll sideways.
 */
import { expect, test } from '@playwright/test';
import { shoot, sprintWithTwo, t, waitForBrief } from './helpers';

test('@foundation the main pages fit a laptop and a tablet screen', async ({ page, browser }) => {
	await page.goto('/');
	await shoot(page, 'landing');
	await page.goto('/signup');
	await shoot(page, 'signup');
	await page.getByLabel(t('field_name')).fill('Kim');
	await page.getByLabel(t('field_email')).fill('kim@example.org');
	await page.getByLabel(t('field_password')).fill('kort');
	await page.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await page.getByRole('button', { name: t('signup_submit') }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await shoot(page, 'signup-error');

	const world = await sprintWithTwo(browser, 'partner', { facilitator: 'Fatima El Amrani', other: 'Daan Jansen' });
	const { facilitator, other, coalitionId, sprintId } = world;
	try {
		await facilitator.goto('/dashboard');
		await shoot(facilitator, 'dashboard');
		await facilitator.goto(`/coalitions/${coalitionId}`);
		await facilitator.getByRole('button', { name: t('invite_create') }).click();
		await expect(facilitator.getByTestId('invite-link')).toBeVisible();
		await shoot(facilitator, 'coalition');
		await facilitator.getByRole('link', { name: t('sprint_new') }).click();
		await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText(t('sprint_new'));
		await shoot(facilitator, 'sprint-new');

		await facilitator.goto(`/sprints/${sprintId}`);
		await other.goto(`/sprints/${sprintId}`);
		await waitForBrief(facilitator);
		await waitForBrief(other);
		await facilitator
			.getByTestId('brief-goal')
			.fill('Over twee jaar weet elke jongere in Oost waar hij of zij terecht kan, en voelt zich welkom bij sport, school en werk.');
		for (const q of ['jongeren zelf laten kiezen waar ze hulp vinden?', 'ouders vroeg betrekken zonder dat jongeren zich bekeken voelen?']) {
			await facilitator.getByRole('button', { name: t('brief_question_add') }).click();
			await facilitator.keyboard.type(q);
		}
		await expect(other.getByTestId('brief-question')).toHaveCount(2);
		await expect(facilitator.getByTestId('presence').getByRole('listitem')).toHaveCount(2);
		await facilitator.getByTestId('brief-goal').blur();
		await shoot(facilitator, 'sprint');
		await shoot(other, 'sprint-partner');
	} finally {
		await world.close();
	}
});

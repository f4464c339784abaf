import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, sprintWithTwo, t, waitForBrief } from './helpers';

async function expectAccessible(page: Page, what: string) {
	expect(await seriousViolations(page), `axe: serious or critical violations on ${what}`).toEqual([]);
}

test('@foundation axe finds no serious or critical problems on the public pages', async ({ page }) => {
	for (const [path, heading] of [
		['/', t('landing_title')],
		['/signup', t('signup_title')],
		['/login', t('login_title')]
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAccessible(page, path);
	}
	// A form with an error message shown.
	await page.goto('/login');
	await page.getByLabel(t('field_email')).fill('niemand@example.org');
	await page.getByLabel(t('field_password')).fill('verkeerd wachtwoord');
	await page.getByRole('button', { name: t('login_submit') }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page, '/login with an error');
});

test('@foundation axe finds no serious or critical problems on the signed-in pages', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner', { facilitator: 'Anouk', other: 'Bilal' });
	const { facilitator: page, other, coalitionId, sprintId } = world;
	try {
		await page.goto('/dashboard');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('dashboard_title'));
		await expectAccessible(page, 'dashboard');

		await page.goto(`/coalitions/${coalitionId}`);
		await page.getByRole('button', { name: t('invite_create') }).click();
		await expect(page.getByTestId('invite-link')).toBeVisible();
		await expectAccessible(page, 'coalition page');

		await page.goto(`/sprints/new?coalitionId=${coalitionId}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('sprint_new'));
		await expectAccessible(page, 'new sprint page');

		await page.goto(`/sprints/${sprintId}`);
		await other.goto(`/sprints/${sprintId}`);
		await waitForBrief(page);
		await waitForBrief(other);
		await page.getByTestId('brief-goal').fill('Elke jongere heeft iemand om op terug te vallen.');
		await page.getByRole('button', { name: t('brief_question_add') }).click();
		await page.keyboard.type('dit samen met jongeren testen?');
		await expect(page.getByTestId('presence').getByRole('listitem')).toHaveCount(2);
		await expectAccessible(page, 'sprint page (facilitator)');
		await expect(other.getByTestId('brief-question')).toHaveCount(1);
		await expectAccessible(other, 'sprint page (partner)');
	} finally {
		await world.close();
	}
});

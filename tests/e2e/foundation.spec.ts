import { expect, test } from '@playwright/test';
import { addOrganisation, createCoalition, createSprint, signUp, t } from './helpers';

test('@foundation sign up, create a coalition with an organisation, create a sprint', async ({ page }) => {
	const me = await signUp(page, 'Sanne de Vries');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('dashboard_title'));
	await expect(page.getByRole('banner')).toContainText(me.name);
	await expect(page.getByText(t('dashboard_no_coalitions'))).toBeVisible();

	const coalitionId = await createCoalition(page, 'Coalitie Kansrijk Oost');
	await expect(page.getByText(t('role_coordinator')).first()).toBeVisible();
	await expect(page.getByText(t('organisations_none'))).toBeVisible();
	await addOrganisation(page, 'Gemeente Oost', 'municipality');
	await expect(page.getByText(t('organisations_none'))).toHaveCount(0);

	// The coordinator is the only member so far.
	const members = page.getByRole('region', { name: t('members_title') });
	await expect(members.getByRole('listitem').filter({ hasText: me.name })).toContainText(t('role_coordinator'));

	const sprintId = await createSprint(page, 'Iedereen doet mee', coalitionId);
	expect(page.url()).toMatch(new RegExp(`/sprints/${sprintId}$`));
	await expect(page).toHaveTitle(/Iedereen doet mee/);
	await expect(page.getByText(t('sprint_days_count', { count: 4 }))).toBeVisible();
	await expect(page.getByText('2 november 2026')).toBeVisible();
	// The maker is the sprint's facilitator.
	const team = page.getByRole('region', { name: t('sprint_team') });
	await expect(team.getByRole('listitem').filter({ hasText: me.name }).getByRole('combobox')).toHaveValue('facilitator');

	// Both show up on the dashboard.
	await page.getByRole('link', { name: t('nav_dashboard') }).first().click();
	await expect(page.getByRole('link', { name: 'Iedereen doet mee' })).toHaveAttribute('href', `/sprints/${sprintId}`);
	await expect(page.getByRole('link', { name: 'Coalitie Kansrijk Oost' })).toHaveAttribute('href', `/coalitions/${coalitionId}`);
});

test('@foundation a page that does not exist or is not yours says so plainly', async ({ page }) => {
	await signUp(page, 'Nina');
	const response = await page.goto('/sprints/bestaatniet123');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('error_page_not_found'));
	await page.getByRole('link', { name: t('error_page_home') }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
});

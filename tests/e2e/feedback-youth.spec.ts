/**
 * The young person's side of a test round, on a 10" tablet (768x1024, touch): joining by code,
 * answering with the network cut halfway and restored, kiosk mode handing the tablet on, and axe on
 * every youth page. The round is made through the facilitator's pages, as in the room.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addNote, createCoalition, createSprint, openProblemMap, seriousViolations, shoot, signUp, t, uniqueEmail } from './helpers';

const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'nl-NL' };

/** A sprint with two ideas chosen for testing and an open round over them; returns the join code. */
async function roundWithTwoIdeas(page: Page) {
	await signUp(page, 'Fenna');
	const coalitionId = await createCoalition(page, `Coalitie ${uniqueEmail('c').split('@')[0]}`);
	const sprintId = await createSprint(page, 'Meedoen in de wijk', coalitionId);
	await openProblemMap(page, sprintId);
	await addNote(page, 'Een buddy uit de buurt', 'idea');
	await addNote(page, 'Gratis sportpas', 'idea');
	await page.goto(`/sprints/${sprintId}/ideas`);
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: t('ideas_select') }).first().click();
		await expect(page.getByRole('button', { name: t('ideas_unselect') })).toHaveCount(i + 1);
	}
	await page.goto(`/sprints/${sprintId}/tests`);
	await page.locator('#round-title').fill('Eerste test');
	for (const box of await page.locator('input[name=ideas]').all()) await box.check();
	await page.locator('form:has(#round-title) button').last().click();
	await expect(page).toHaveURL(/\/tests\/[a-z2-7]{16}$/);
	const code = /([A-Z0-9]{4})-([A-Z0-9]{4})/.exec(await page.locator('main').innerText())!;
	return { sprintId, code: code[1] + code[2], formatted: code[0] };
}

async function tablet(browser: Browser) {
	const context = await browser.newContext(TABLET);
	return { context, page: await context.newPage() };
}

test('@feedback a young person answers on a tablet; the network drops halfway and nothing is lost', async ({ browser }) => {
	const staff = await browser.newContext();
	const facilitator = await staff.newPage();
	const { code, formatted } = await roundWithTwoIdeas(facilitator);
	// The facilitator's round page stays open: it follows the run live.
	await expect(facilitator.getByTestId('count-started')).toHaveText('0');

	const { context, page } = await tablet(browser);
	await page.goto('/j');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByLabel(t('youth_join_code_label')).fill(formatted.toLowerCase());
	await page.getByRole('button', { name: t('youth_join_go') }).click();
	await expect(page.getByTestId('youth-intro')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByTestId('youth-start').click();
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '1');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Een buddy uit de buurt');

	// The first idea, online: saved as it is given.
	await page.getByRole('radio', { name: t('youth_reaction_great') }).check();
	await page.getByRole('radio', { name: t('youth_help_yes'), exact: true }).check();
	await expect(page.getByTestId('youth-save-state')).toHaveText(t('youth_saved'));
	expect(await seriousViolations(page)).toEqual([]);

	// The network goes: the young person carries on, the answers wait on the tablet.
	await page.getByTestId('youth-next').click();
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '2');
	// Switching language keeps the young person on this step (not back to the first idea).
	const lang = page.getByRole('link', { name: t('lang_switch_label') });
	await expect(lang).toHaveAttribute('href', `/lang/en?next=${encodeURIComponent(`/j/${code}/2`)}`);
	await context.setOffline(true);
	await page.getByRole('radio', { name: t('youth_reaction_unsure') }).check();
	await page.getByRole('textbox').fill('Liever met een vriend samen');
	await page.getByRole('textbox').blur();
	await expect(page.getByTestId('youth-save-state')).toHaveText(t('youth_saved_offline'));
	await page.getByTestId('youth-next').click();
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '3');
	await page.getByRole('radio', { name: t('youth_age_years', { band: '16-18' }) }).check();
	expect(Number(await page.getByTestId('youth-save-state').getAttribute('data-waiting'))).toBeGreaterThanOrEqual(3);

	// It comes back: everything that waited is sent, nothing asked twice.
	await context.setOffline(false);
	await expect(page.getByTestId('youth-save-state')).toHaveText(t('youth_saved'), { timeout: 15_000 });
	await expect(page.getByTestId('youth-save-state')).toHaveAttribute('data-waiting', '0');
	await page.getByTestId('youth-next').click();
	await expect(page.getByTestId('youth-done')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await expect(lang).toHaveAttribute('href', `/lang/en?next=${encodeURIComponent(`/j/${code}/klaar`)}`);

	// Finished: the tablet forgets the run, so whoever picks it up next cannot reopen it.
	await page.goto(`/j/${code}/2`);
	await expect(page.getByTestId('youth-intro')).toBeVisible();
	await expect(page.getByTestId('youth-resume')).toHaveCount(0);

	// The facilitator saw it without reloading: one run started and finished; the free text is held
	// back (one young person is too few for any result).
	await expect(facilitator.getByTestId('count-started')).toHaveText('1');
	await expect(facilitator.getByTestId('count-finished')).toHaveText('1');
	await expect(facilitator.getByTestId('texts-waiting')).toBeVisible();
	await expect(facilitator.locator('main')).not.toContainText('Liever met een vriend samen');

	await context.close();
	await staff.close();
});

test('@feedback kiosk mode: "next person" leaves nothing of the previous person on the tablet', async ({ browser }) => {
	const staff = await browser.newContext();
	const staffPage = await staff.newPage();
	const { code, sprintId } = await roundWithTwoIdeas(staffPage);
	// The facilitator's round page gives the kiosk link for shared tablets.
	const kioskLink = await staffPage.getByTestId('join-kiosk-link').getAttribute('href');
	expect(kioskLink).toMatch(new RegExp(`/j/${code}\\?kiosk=1$`));
	const { context, page } = await tablet(browser);
	await page.goto(new URL(kioskLink!).pathname + '?kiosk=1');
	await page.getByTestId('youth-start').click();
	await page.getByRole('radio', { name: t('youth_reaction_bad') }).check();
	await page.getByRole('textbox').fill('Dit is van de eerste persoon');
	await page.getByRole('textbox').blur();
	await expect(page.getByTestId('youth-save-state')).toHaveText(t('youth_saved'));
	// "Stoppen" asks first; "Nee, verder" goes back to the step with nothing lost.
	await page.getByTestId('youth-stop').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('youth_stop_title'));
	expect(await seriousViolations(page)).toEqual([]);
	await shoot(page, 'youth-stop-confirm');
	await page.getByRole('link', { name: t('youth_stop_no') }).click();
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '1');
	await expect(page.getByRole('textbox')).toHaveValue('Dit is van de eerste persoon');
	await page.getByTestId('youth-stop').click();
	await page.getByRole('button', { name: t('youth_stop_yes') }).click();
	await expect(page.getByTestId('youth-done')).toBeVisible();
	// The facilitator counts it as stopped, not as finished.
	await expect(staffPage.getByTestId('count-stopped')).toHaveText('1');
	await expect(staffPage.getByTestId('count-finished')).toHaveText('0');
	// And so does the projector in the room.
	const projector = await staff.newPage();
	await projector.goto(`/sprints/${sprintId}/projector`);
	await expect(projector.getByTestId('projector-counts')).toHaveText(t('facil_projector_counts_stopped', { started: 1, finished: 0, stopped: 1 }));
	await projector.close();
	await page.getByTestId('youth-next-person').click();

	// The next person starts fresh: no run, no answers, nothing waiting in the browser.
	await expect(page.getByTestId('youth-intro')).toBeVisible();
	await expect(page.getByTestId('youth-resume')).toHaveCount(0);
	await page.goto(`/j/${code}/1`);
	await expect(page.getByTestId('youth-intro')).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('meedoen-answers'))).toBeNull();
	await page.getByTestId('youth-start').click();
	await expect(page.getByRole('radio', { name: t('youth_reaction_bad') })).not.toBeChecked();
	await expect(page.getByRole('textbox')).toHaveValue('');
	await context.close();
	await staff.close();
});

test('@feedback the helplines open from every youth page, also without a code', async ({ browser }) => {
	const { context, page } = await tablet(browser);
	await page.goto('/j/CCCCDDDD');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('youth_unknown_title'));
	await page.getByText(t('youth_help_link')).click();
	await expect(page.getByRole('link', { name: '0800-0432' })).toHaveAttribute('href', 'tel:08000432');
	await expect(page.getByRole('link', { name: '113 / 0800-0113' })).toHaveAttribute('href', 'tel:08000113');
	expect(await seriousViolations(page)).toEqual([]);
	await context.close();
});

test('@feedback a text longer than allowed (a page changed by hand) keeps the young person on the step, with what was typed', async ({ browser }) => {
	const staff = await browser.newContext();
	const { code } = await roundWithTwoIdeas(await staff.newPage());
	const { context, page } = await tablet(browser);
	await page.goto(`/j/${code}`);
	await page.getByTestId('youth-start').click();
	const box = page.getByRole('textbox');
	await box.evaluate((el) => el.removeAttribute('maxlength'));
	const long = 'veel te lang '.repeat(60);
	await box.fill(long);
	await page.getByTestId('youth-next').click();
	// Said once, at the step, and nothing claims the answer was saved.
	await expect(page.getByRole('alert').filter({ hasText: t('error_answer_too_long') })).toHaveCount(1);
	await expect(page.getByTestId('youth-save-state')).toHaveCount(0);
	await expect(page.getByTestId('youth-step')).toHaveAttribute('data-step', '1');
	await expect(box).toHaveValue(long.trim());
	await shoot(page, 'youth-text-too-long');
	await context.close();
	await staff.close();
});

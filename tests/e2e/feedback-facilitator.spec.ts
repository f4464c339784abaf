/**
 * Test rounds, the facilitator's side, through the real UI: choose ideas, start a round, show the
 * code and QR code, a partner watching live, extend and close; axe on the round page; screenshots of
 * the list, the round page and the print page at laptop and tablet size.
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { seedAlert, seedAnswers } from '../support/app-server.js';
import { addNote, openProblemMap, seriousViolations, shoot, sprintWithTwo, t } from './helpers';

/** The database of the e2e server (tests/e2e/serve.js): young people's answers are put in directly. */
const DB = resolve(import.meta.dirname, '.output/db/meedoen.db');

test('@feedback the facilitator starts a test round from chosen ideas, shows code and QR, and closes it; a partner follows live', async ({ browser }) => {
	// Long: it waits for the crisis banner to come in by itself (the sprint layout asks every 15 s).
	test.slow();
	const world = await sprintWithTwo(browser, 'partner', { facilitator: 'Fatima', other: 'Daan' });
	const { facilitator: page, other, sprintId } = world;
	try {
		await openProblemMap(page, sprintId);
		await addNote(page, 'Buddy uit de buurt', 'idea');
		await addNote(page, 'Huiswerkcafé op vrijdag', 'idea');

		// No ideas chosen yet: the form points to the Ideas page.
		await page.goto(`/sprints/${sprintId}`);
		await page.getByRole('link', { name: t('sprint_tests_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('rounds_title'));
		await expect(page.getByText(t('rounds_no_selected_ideas'))).toBeVisible();
		await page.getByRole('link', { name: t('rounds_to_ideas') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ideas_title'));
		for (const idea of ['Buddy uit de buurt', 'Huiswerkcafé op vrijdag']) {
			const card = page.getByRole('listitem').filter({ hasText: idea });
			await card.getByRole('button', { name: t('ideas_select') }).click();
			await expect(card.getByRole('button', { name: t('ideas_unselect') })).toBeVisible();
		}

		await page.goto(`/sprints/${sprintId}/tests`);
		await expect(page.getByLabel('Buddy uit de buurt')).toBeChecked();
		await expect(page.getByLabel(t('rounds_field_hours'))).toHaveValue('4');
		// A refusal keeps what was typed and says what is wrong.
		await page.getByLabel(t('rounds_field_title')).fill('De Plek, dinsdagmiddag');
		await page.getByText(t('rounds_own_questions')).click();
		await page.getByLabel(t('rounds_own_type')).first().selectOption('choice');
		await page.getByLabel(t('rounds_own_nl')).first().fill('Waar zou je dit gebruiken?');
		await page.getByLabel(t('rounds_own_options')).first().fill('Thuis');
		await page.getByRole('button', { name: t('rounds_create') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('error_round_question_options'));
		await expect(page.getByLabel(t('rounds_field_title'))).toHaveValue('De Plek, dinsdagmiddag');
		await page.getByLabel(t('rounds_own_options')).first().fill('Thuis\nOp school\nIn de buurt');
		await shoot(page, 'tests-list-form');
		await page.getByRole('button', { name: t('rounds_create') }).click();

		// The round page: the code, the short link and its QR code, the countdown.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('De Plek, dinsdagmiddag');
		const code = (await page.getByTestId('join-code').textContent())!;
		expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		await expect(page.getByTestId('join-link')).toHaveText(new RegExp(`/j/${code.replace('-', '')}$`));
		await expect(page.getByRole('img', { name: t('rounds_qr_label', { url: (await page.getByTestId('join-link').textContent())! }) }).locator('svg')).toBeVisible();
		await expect(page.getByTestId('countdown')).toHaveText(/^Nog 3:59:\d\d open$/);
		await expect(page.getByTestId('round-status')).toHaveText(t('rounds_status_open'));
		await expect(page.getByTestId('round-item')).toHaveCount(2);
		await expect(page.getByText(t('rounds_too_few')).first()).toBeVisible();
		expect(await seriousViolations(page), 'axe on the round page').toEqual([]);

		// Young people answer (put in directly: the youth side has its own specs); the page follows live.
		const roundId = page.url().split('/').pop()!;
		const view = await (await page.request.get(`/sprints/${sprintId}/tests/${roundId}/live`)).json();
		seedAnswers(DB, roundId, view.items[0].id, [
			{ reaction: 'great', help: 'yes', text: 'Ik zou het echt gebruiken' },
			{ reaction: 'great', help: 'yes', text: 'Meer uitleg op school' },
			{ reaction: 'good', help: 'yes', text: 'Liever in de avond' },
			{ reaction: 'unsure', help: 'maybe', text: 'Weet ik niet' },
			{ reaction: 'bad', help: 'no', text: 'App me op 06 12345678', flags: ['phone'] }
		]);
		// The facilitator is elsewhere in the sprint when a crisis word comes in: a banner says so
		// within seconds, on every sprint page, and leads to the round page. Never for the partner.
		const roundPage = page.url();
		await page.goto(`/sprints/${sprintId}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const banner = page.getByTestId('crisis-banner');
		await expect(banner).toHaveCount(0);
		seedAlert(DB, roundId, ['self_harm']);
		await expect(banner).toContainText('De Plek, dinsdagmiddag', { timeout: 30_000 });
		await expect(banner).toHaveAttribute('role', 'alert');
		await shoot(page, 'tests-crisis-banner');
		await other.goto(`/sprints/${sprintId}`);
		await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(other.getByTestId('crisis-banner')).toHaveCount(0);
		await banner.getByRole('link', { name: t('rounds_alert_banner_link') }).click();
		await expect(page).toHaveURL(roundPage);
		const alert = page.getByTestId('crisis-alerts');
		await expect(alert).toContainText(t('rounds_alert_title'));
		await expect(alert).toContainText('0800-0113');
		await expect(page.getByTestId('count-finished')).toHaveText('5');
		const buddy = page.getByTestId('round-item').filter({ hasText: 'Buddy uit de buurt' });
		await expect(buddy.getByRole('table', { name: t('rounds_reactions') }).getByRole('row', { name: /Super/ })).toContainText('40%');
		await expect(buddy.getByRole('table', { name: t('rounds_would_help') }).getByRole('row', { name: /Ja/ })).toContainText('60%');
		await expect(buddy.getByTestId('verdict')).toContainText(t('rounds_verdict_validated'));
		const texts = page.getByTestId('free-texts');
		await expect(texts.getByRole('listitem')).toHaveCount(5);
		await expect(texts.getByRole('listitem').filter({ hasText: '06 12345678' })).toContainText(t('rounds_text_flags', { list: t('rounds_flag_phone') }));
		// The partner sees neither the alert (it is the facilitator's) nor any text the facilitator
		// has not shown yet.
		await other.goto(page.url());
		await expect(other.getByTestId('count-finished')).toHaveText('5');
		await expect(other.getByTestId('crisis-alerts')).toHaveCount(0);
		await expect(other.getByTestId('free-texts').getByRole('listitem')).toHaveCount(0);
		expect(await seriousViolations(page), 'axe on the round page with results and an alert').toEqual([]);
		await shoot(page, 'tests-round');
		// Nothing covers the alert on a laptop: the room controls stay above it; the banner leaves the
		// round page to the full alert.
		const controls = (await page.getByTestId('room-controls').boundingBox())!;
		expect(controls.y + controls.height).toBeLessThanOrEqual((await alert.boundingBox())!.y);
		await expect(banner).toHaveCount(0);

		await alert.getByRole('button', { name: t('rounds_alert_seen') }).click();
		await expect(page.getByTestId('crisis-alerts')).toHaveCount(0);
		// Seen: the banner is gone from the rest of the sprint too.
		await page.goto(`/sprints/${sprintId}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(banner).toHaveCount(0);
		await page.goto(roundPage);
		const quote = texts.getByRole('listitem').filter({ hasText: 'Meer uitleg op school' });
		await quote.getByRole('button', { name: t('rounds_text_make_quote') }).click();
		await expect(quote).toContainText(t('rounds_text_quote'));
		// Made a quote, it is shown: the partner's page gets it without a reload.
		await expect(other.getByTestId('free-texts').getByRole('listitem')).toHaveCount(1);
		await expect(other.getByTestId('free-texts')).toContainText('Meer uitleg op school');
		await buddy.getByRole('button', { name: t('rounds_decision_save') }).click();
		await expect(buddy.getByTestId('verdict')).toContainText(t('rounds_decided_validated'));

		// The partner watches the same round: no buttons to change it; it updates without reload.
		const roundUrl = page.url();
		await expect(other.getByTestId('join-code')).toHaveText(code);
		await expect(other.getByRole('button', { name: t('rounds_close_now') })).toHaveCount(0);
		await expect(other.getByRole('button', { name: t('rounds_decision_save') })).toHaveCount(0);
		const closesBefore = (await other.getByText(/^Sluit om /).textContent())!;
		await page.getByRole('button', { name: t('rounds_extend_60') }).click();
		await expect(other.getByText(/^Sluit om /)).not.toHaveText(closesBefore);
		await expect(page.getByTestId('countdown')).toHaveText(/^Nog 4:59:\d\d open$/);

		await page.goto(`/sprints/${sprintId}/tests`);
		await expect(page.getByTestId('rounds').getByRole('listitem')).toContainText(`Code ${code}`);
		await shoot(page, 'tests-list');

		// Closing asks first; then the partner's page shows the round closed, with the summary.
		await page.goto(roundUrl);
		page.once('dialog', (dialog) => dialog.accept());
		await page.getByRole('button', { name: t('rounds_close_now') }).click();
		await expect(page.getByTestId('round-status')).toHaveText(t('rounds_status_closed'));
		await expect(page.getByTestId('join-code')).toHaveCount(0);
		await expect(page.getByTestId('summary')).toBeVisible();
		await expect(other.getByTestId('round-status')).toHaveText(t('rounds_status_closed'));
		await expect(other.getByTestId('summary')).toBeVisible();

		await page.getByRole('link', { name: t('rounds_print_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('De Plek, dinsdagmiddag');
		expect(await seriousViolations(page), 'axe on the print page').toEqual([]);
		await expect(page.getByTestId('summary')).toContainText('Meer uitleg op school');
		await shoot(page, 'tests-print');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: t('rounds_print_button') })).toBeHidden();
		await page.screenshot({ path: `${import.meta.dirname}/.output/screens/tests-print-paper.png`, fullPage: true });

		await page.emulateMedia({ media: 'screen' });
		await page.goto(`/sprints/${sprintId}/ideas`);
		await expect(page.getByTestId('validated-ideas')).toContainText(t('rounds_evidence_would_help', { n: 5, share: 60 }));
		await expect(page.getByTestId('validated-ideas')).toContainText('“Meer uitleg op school”');
		await shoot(page, 'tests-ideas-validated');
	} finally {
		await world.close();
	}
});

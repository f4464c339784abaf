/**
 * Running the sprint, part 2: the projector view for the room, decisions linked to a dot vote and
 * the sprint questions answered, the sprint report (page, HTML and PDF downloads, a read-only link
 * that can be revoked), and an observer who can look but not change anything.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seedAlert, seedAnswers } from '../support/app-server.js';
import { addNote, openProblemMap, seriousViolations, shoot, t, waitForBrief } from './helpers';
import { facilitationRoom } from './facilitation-world';

const DB = resolve(import.meta.dirname, '.output/db/meedoen.db');
const SCREENS = resolve(import.meta.dirname, '.output/screens');

/** Everything the projector shows is inside the window: nothing cut off, nothing to scroll. */
async function fitsTheScreen(page: Page) {
	const overflow = await page.evaluate(() => {
		const box = document.querySelector('[data-testid="projector"]')!;
		const parts = [...box.querySelectorAll('h1, p, li, .qr')].filter((el) => (el as HTMLElement).offsetParent !== null);
		const outside = parts.filter((el) => {
			const r = el.getBoundingClientRect();
			return r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1;
		});
		return { outside: outside.map((el) => el.textContent?.slice(0, 40)), scrolls: document.scrollingElement!.scrollHeight > window.innerHeight };
	});
	expect(overflow).toEqual({ outside: [], scrolls: false });
}

test('@facilitation projector, decisions on a vote, the report with downloads and a read-only link, and an observer who cannot edit', async ({ browser }) => {
	test.setTimeout(240_000);
	const room = await facilitationRoom(browser, 'Kansen voor jongeren');
	const { facilitator, partner, decider, sprintId } = room;
	const origin = new URL(facilitator.url()).origin;
	try {
		// The brief: a goal and one sprint question.
		await facilitator.goto(`/sprints/${sprintId}`);
		await waitForBrief(facilitator);
		await facilitator.getByTestId('brief-goal').fill('Over twee jaar weet elke jongere in Oost waar hij of zij terecht kan.');
		await facilitator.getByRole('button', { name: t('brief_question_add') }).click();
		await facilitator.getByTestId('brief-question').first().fill('Kunnen we jongeren bereiken die niet naar school gaan?');
		await expect(facilitator.getByTestId('collab-saved')).toContainText(t('collab_saved'));

		// Two ideas on the problem map and a dot vote, revealed.
		await openProblemMap(facilitator, sprintId);
		await addNote(facilitator, 'Buddy uit de buurt', 'idea');
		await addNote(facilitator, 'Huiswerkcafé op vrijdag', 'idea');
		await expect(facilitator.getByTestId('collab-saved')).toContainText(t('collab_saved'));
		const boardUrl = facilitator.url();
		const votes = `${boardUrl}/votes`;
		const post = (page: Page, data: object) => page.request.post(votes, { headers: { origin }, data });
		expect((await post(facilitator, { action: 'start', votesPerPerson: 3, scope: { kind: 'idea' } })).status()).toBe(200);
		const state = await (await facilitator.request.get(votes)).json();
		const buddy = (await facilitator.locator('.svelte-flow__node').filter({ hasText: 'Buddy uit de buurt' }).getAttribute('data-id'))!;
		expect(state.round.itemIds).toContain(buddy);
		for (const page of [facilitator, partner]) for (let i = 0; i < 2; i++) expect((await post(page, { action: 'cast', roundId: state.round.id, itemId: buddy, supervote: false })).status()).toBe(200);
		expect((await post(facilitator, { action: 'reveal', roundId: state.round.id })).status()).toBe(200);

		// A test round on both ideas; five young people answered about one of them.
		await facilitator.goto(`/sprints/${sprintId}/ideas`);
		for (const idea of ['Buddy uit de buurt', 'Huiswerkcafé op vrijdag']) {
			const card = facilitator.getByRole('listitem').filter({ hasText: idea });
			await card.getByRole('button', { name: t('ideas_select') }).click();
			await expect(card.getByRole('button', { name: t('ideas_unselect') })).toBeVisible();
		}
		await facilitator.goto(`/sprints/${sprintId}/tests`);
		await facilitator.getByLabel(t('rounds_field_title'), { exact: true }).fill('Testronde Oost');
		await facilitator.getByRole('button', { name: t('rounds_create') }).click();
		await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText('Testronde Oost');
		const code = (await facilitator.getByTestId('join-code').textContent())!;
		const roundId = facilitator.url().split('/').pop()!;
		const view = await (await facilitator.request.get(`/sprints/${sprintId}/tests/${roundId}/live`)).json();
		const first = view.items[0];
		seedAnswers(DB, roundId, first.id, [
			{ reaction: 'great', help: 'yes', text: 'Ik zou het echt gebruiken' },
			{ reaction: 'great', help: 'yes', text: 'Meer uitleg op school' },
			{ reaction: 'good', help: 'yes', text: 'Liever in de avond' },
			{ reaction: 'unsure', help: 'maybe', text: 'Weet ik niet' },
			{ reaction: 'bad', help: 'no', text: 'App me op 06 12345678', flags: ['phone'] }
		]);
		seedAlert(DB, roundId, ['self_harm']);

		// The projector: code, short link and QR code, counts only; no texts, no alerts.
		await facilitator.request.post(`/sprints/${sprintId}/timer`, { headers: { origin }, data: { action: 'start', seconds: 600, label: 'Schetsen' } });
		await decider.goto(`/sprints/${sprintId}`);
		await decider.getByTestId('projector-link').click();
		const projector = decider.getByTestId('projector');
		await expect(decider.getByTestId('projector-code')).toHaveText(code);
		await expect(decider.getByTestId('projector-link')).toHaveText(`${new URL(origin).host}/j/${code.replace('-', '')}`);
		await expect(decider.getByTestId('projector-qr').locator('svg')).toBeVisible();
		await expect(decider.getByTestId('projector-counts')).toHaveText(t('facil_projector_counts', { started: 5, finished: 5 }));
		await expect(decider.getByTestId('projector-item').filter({ hasText: first.text })).toContainText(t('facil_projector_would_help', { share: 60, n: 5 }));
		await expect(decider.getByTestId('projector-item').filter({ hasNotText: first.text })).toContainText(t('facil_projector_too_few'));
		await expect(decider.getByTestId('projector-timer')).toHaveAttribute('data-status', 'running');
		await expect(decider.getByTestId('projector-timer')).toContainText('Schetsen');
		for (const secret of ['Ik zou het echt gebruiken', '12345678', t('rounds_alert_title'), '0800-0113']) await expect(projector).not.toContainText(secret);
		for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }, { width: 768, height: 1024 }]) {
			await decider.setViewportSize(size);
			await decider.screenshot({ path: `${SCREENS}/facilitation-projector-${size.width}.png` });
			await fitsTheScreen(decider);
		}
		await decider.setViewportSize({ width: 1280, height: 800 });
		expect(await seriousViolations(decider), 'axe on the projector').toEqual([]);

		// Decisions: the decider records one on the vote, and answers the sprint question.
		await decider.goto(`/sprints/${sprintId}/decisions`);
		await decider.getByLabel(t('facil_decision_text'), { exact: true }).fill('We testen de buddy verder in Oost');
		await decider.getByLabel(t('facil_decision_rationale'), { exact: true }).fill('De meeste stippen, en jongeren waren positief.');
		await decider.getByRole('checkbox').first().check();
		// A double click (an impatient tap) records it once.
		await decider.getByTestId('decision-save').dblclick();
		const decision = decider.getByTestId('decision').filter({ hasText: 'We testen de buddy verder in Oost' });
		await expect(decision).toContainText(t('facil_vote_on', { board: t('board_problem_map_title') }));
		await decider.reload();
		await expect(decision).toHaveCount(1);
		await expect(decision).toContainText('Buddy uit de buurt (4)');
		// Bad input: an empty decision is refused.
		await decider.getByLabel(t('facil_decision_text'), { exact: true }).fill('   ');
		await decider.getByTestId('decision-save').click();
		await expect(decider.getByRole('alert')).toHaveText(t('error_decision_text'));
		await expect(decider.getByTestId('decision')).toHaveCount(1);
		const question = decider.getByTestId('question');
		await question.getByLabel(t('facil_answer_not_yet'), { exact: true }).check();
		await question.getByLabel(t('facil_question_note'), { exact: true }).fill('Nog één testronde op de straat nodig');
		await question.getByRole('button', { name: t('facil_question_save') }).click();
		await expect(question.getByTestId('question-answer')).toHaveText(t('facil_answer_not_yet'));
		await shoot(decider, 'facilitation-decisions');
		expect(await seriousViolations(decider), 'axe on the decisions page').toEqual([]);

		// The report page.
		await facilitator.goto(`/sprints/${sprintId}/report`);
		const report = facilitator.getByTestId('report');
		await expect(report.getByTestId('report-brief')).toContainText('Over twee jaar weet elke jongere in Oost');
		await expect(report.getByTestId('report-brief')).toContainText('Nog één testronde op de straat nodig');
		await expect(report.getByTestId('report-decisions')).toContainText('We testen de buddy verder in Oost');
		await expect(report.getByTestId('report-votes')).toContainText('Buddy uit de buurt');
		await expect(report.getByTestId('report-boards').locator('img')).toHaveCount(1);
		await expect(report.getByTestId('report-tests')).toContainText(t('facil_report_too_few'));
		for (const secret of ['Ik zou het echt gebruiken', '12345678', t('rounds_alert_title')]) await expect(report).not.toContainText(secret);
		await shoot(facilitator, 'facilitation-report');
		expect(await seriousViolations(facilitator), 'axe on the report page').toEqual([]);

		// The HTML download opens on its own and holds the brief and the votes, and no script.
		const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('report-download-html').click()]);
		expect(download.suggestedFilename()).toBe('sprintverslag-kansen-voor-jongeren.html');
		const html = readFileSync((await download.path())!, 'utf8');
		expect(html).toContain('Over twee jaar weet elke jongere in Oost');
		expect(html).toContain('Buddy uit de buurt');
		expect(html).toContain('src="data:image/svg+xml;base64,');
		expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/i);
		const file = await facilitator.context().newPage();
		await file.setContent(html);
		await expect(file.getByRole('heading', { level: 1 })).toHaveText('Kansen voor jongeren');
		await expect(file.getByRole('img', { name: t('facil_report_board_alt', { title: t('board_problem_map_title') }) })).toBeVisible();
		expect(await file.getByRole('img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
		await file.close();
		const pdf = await facilitator.request.get(`/sprints/${sprintId}/report/report.pdf`);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		const bytes = await pdf.body();
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bytes.toString('latin1')).toContain('DejaVuSans');

		// A read-only link for someone outside the sprint; revoked, it stops working.
		await facilitator.getByTestId('report-share').click();
		const shared = (await facilitator.getByTestId('report-share-url').textContent())!.trim();
		expect(shared).toMatch(/\/r\/[a-z2-7]{32}$/);
		const outsider = await browser.newContext();
		try {
			const page = await outsider.newPage();
			await page.goto(shared);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kansen voor jongeren');
			await expect(page.getByTestId('report-votes')).toContainText('Buddy uit de buurt');
			await expect(page.getByRole('link', { name: t('board_problem_map_title') })).toHaveCount(0);
			await facilitator.getByTestId('report-revoke').click();
			await expect(facilitator.getByTestId('report-link')).toContainText(t('facil_report_share_revoked'));
			await page.reload();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('facil_report_link_gone'));
		} finally {
			await outsider.close();
		}

		// An observer looks but changes nothing: no forms, and the server refuses what is sent anyway.
		const observer = await room.join('Olga', 'observer');
		await observer.goto(`/sprints/${sprintId}/decisions`);
		await expect(observer.getByTestId('decision')).toHaveCount(1);
		await expect(observer.getByTestId('decision-save')).toHaveCount(0);
		await expect(observer.getByRole('button', { name: t('facil_question_save') })).toHaveCount(0);
		const form = (action: string, data: Record<string, string>) => observer.request.post(`/sprints/${sprintId}/${action}`, { headers: { origin, accept: 'text/html' }, form: data });
		expect((await form('decisions?/decide', { text: 'Stiekem besluit' })).status()).toBe(403);
		expect((await form('agenda?/add', { day: '1', start: '10:00', duration: '30', title: 'Stiekem', activity: 'talk' })).status()).toBe(403);
		expect((await form('report?/share', { days: '14' })).status()).toBe(403);
		expect((await observer.request.post(`/sprints/${sprintId}/timer`, { headers: { origin }, data: { action: 'reset' } })).status()).toBe(403);
		await observer.goto(`/sprints/${sprintId}/report`);
		await expect(observer.getByTestId('report-share')).toHaveCount(0);
		await openProblemMap(observer, sprintId);
		await expect(observer.getByTestId('board-add-note')).toHaveCount(0);
	} finally {
		await room.close();
	}
});

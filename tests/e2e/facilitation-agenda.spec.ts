/**
 * Running the sprint, part 1: the agenda from the template, drag to reorder and running late, now
 * and next on everyone's sprint page and boards, and the shared timer seen identically by a
 * facilitator and two participants, with its end cue.
 */
import { expect, test, type Page } from '@playwright/test';
import { openProblemMap, seriousViolations, shoot, t } from './helpers';
import { amsterdamNow, facilitationRoom, hhmm } from './facilitation-world';

const day = (page: Page, n: number) => page.getByTestId('agenda-day').nth(n - 1);
const times = async (page: Page, n: number) => (await day(page, n).getByTestId('agenda-block').locator('.time').allInnerTexts()).map((s) => s.trim());
const titles = (page: Page, n: number) => day(page, n).getByTestId('agenda-block').locator('.title strong').allTextContents();

test('@facilitation the agenda from the template: reorder by dragging and by keys, the day runs late, bad input refused, now and next for everyone', async ({ browser }) => {
	test.setTimeout(180_000);
	const room = await facilitationRoom(browser);
	const { facilitator, partner, decider, sprintId } = room;
	try {
		await facilitator.goto(`/sprints/${sprintId}/agenda`);
		await facilitator.getByLabel(t('agenda_template_label'), { exact: true }).selectOption('design_sprint_5');
		await facilitator.getByTestId('agenda-template').click();
		await expect(facilitator.getByTestId('agenda-day')).toHaveCount(5);
		await expect(day(facilitator, 1).getByTestId('agenda-block').first()).toContainText('Welkom, doel en sprintvragen');
		await expect(day(facilitator, 1).getByTestId('agenda-block').first()).toContainText('09:30–10:00');

		// Day 2: drag the first block (90 min) below the second (a 15 min break); times worked out again.
		const before = await titles(facilitator, 2);
		const blocks = day(facilitator, 2).getByTestId('agenda-block');
		// Dropped on the lower half of the second block: it goes after it.
		const height = (await blocks.nth(1).boundingBox())!.height;
		await blocks.nth(0).dragTo(blocks.nth(1), { targetPosition: { x: 20, y: height - 6 } });
		await expect.poll(() => titles(facilitator, 2)).toEqual([before[1], before[0], ...before.slice(2)]);
		expect((await times(facilitator, 2)).slice(0, 2)).toEqual(['09:30–09:45', '09:45–11:15']);
		// By keys: the arrow button moves it back up.
		await day(facilitator, 2).getByRole('button', { name: t('agenda_move_up', { title: before[0] }) }).click();
		await expect.poll(() => titles(facilitator, 2)).toEqual(before);
		expect((await times(facilitator, 2))[0]).toBe('09:30–11:00');

		// The day runs late: the third block and the rest of day 2 move by 20 minutes.
		const startsBefore = await times(facilitator, 2);
		const third = day(facilitator, 2).getByTestId('agenda-block').nth(2);
		await third.getByTestId('agenda-late').click();
		await third.getByTestId('agenda-shift-minutes').fill('20');
		await third.getByTestId('agenda-shift').click();
		await expect(facilitator.getByRole('status').filter({ hasText: t('facil_shifted') })).toBeVisible();
		const shift = (range: string, by: number) =>
			range.split('–').map((s) => hhmm(Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) + by)).join('–');
		expect(await times(facilitator, 2)).toEqual(startsBefore.map((range, i) => (i < 2 ? range : shift(range, 20))));

		// Bad input: a block past midnight and an overlapping one are refused, and nothing is added.
		const count = await day(facilitator, 3).getByTestId('agenda-block').count();
		const add = day(facilitator, 3).locator('details.add');
		await add.locator('summary').click();
		await add.getByLabel(t('agenda_field_title')).fill('Nachtsessie');
		await add.getByLabel(t('agenda_field_start')).fill('23:45');
		await add.getByLabel(t('agenda_field_duration')).fill('30');
		await add.getByTestId('agenda-add').click();
		await expect(facilitator.getByRole('alert').filter({ hasText: t('error_agenda_past_midnight') })).toBeVisible();
		await add.getByLabel(t('agenda_field_start')).fill('10:00');
		await add.getByTestId('agenda-add').click();
		await expect(facilitator.getByRole('alert').filter({ hasText: t('error_agenda_overlap') })).toBeVisible();
		await facilitator.reload();
		await expect(day(facilitator, 3).getByTestId('agenda-block')).toHaveCount(count);

		// Now and next: when today's template has nothing on now, a block of a few minutes is put on now.
		const { minute } = amsterdamNow();
		const start = Math.floor(minute / 5) * 5;
		if (start < 9 * 60 + 30 || start >= 15 * 60 + 30) {
			const duration = Math.min(15, 24 * 60 - start, start < 570 ? 570 - start : 15);
			const addToday = day(facilitator, 1).locator('details.add');
			await addToday.locator('summary').click();
			await addToday.getByLabel(t('agenda_field_title')).fill('Nu bezig');
			await addToday.getByLabel(t('agenda_field_start')).fill(hhmm(start));
			await addToday.getByLabel(t('agenda_field_duration')).fill(String(duration));
			await addToday.getByTestId('agenda-add').click();
			await expect(day(facilitator, 1).getByTestId('agenda-block').filter({ hasText: 'Nu bezig' })).toHaveCount(1);
		}
		await facilitator.reload();
		const nowText = (await facilitator.getByTestId('agenda-now').locator('p').first().textContent())!.replace(t('agenda_now'), '').trim();
		expect(nowText).not.toBe(t('agenda_nothing_now'));
		await shoot(facilitator, 'facilitation-agenda');
		expect(await seriousViolations(facilitator), 'axe on the agenda').toEqual([]);

		await partner.goto(`/sprints/${sprintId}`);
		await expect(partner.getByTestId('sprint-bar-agenda')).toContainText(nowText);
		await openProblemMap(decider, sprintId);
		await expect(decider.getByTestId('sprint-bar-agenda')).toContainText(nowText);
		// Participants see the agenda but cannot change it.
		await partner.goto(`/sprints/${sprintId}/agenda`);
		await expect(partner.getByTestId('agenda-block').first()).toBeVisible();
		await expect(partner.getByTestId('agenda-shift')).toHaveCount(0);
		await expect(partner.getByRole('button', { name: t('agenda_move_up', { title: before[0] }) })).toHaveCount(0);
		const refused = await partner.request.post(`/sprints/${sprintId}/agenda?/shift`, {
			headers: { origin: new URL(partner.url()).origin, accept: 'text/html' },
			form: { blockId: 'x', minutes: '10' }
		});
		expect(refused.status()).toBe(403);
	} finally {
		await room.close();
	}
});

test('@facilitation the shared timer: the same countdown in three contexts, on the agenda, the sprint page and a board, with the end cue', async ({ browser }) => {
	test.setTimeout(180_000);
	const room = await facilitationRoom(browser, 'Timer-sprint');
	const { facilitator, partner, decider, sprintId } = room;
	try {
		await facilitator.goto(`/sprints/${sprintId}/agenda`);
		await partner.goto(`/sprints/${sprintId}`);
		await openProblemMap(decider, sprintId);
		await expect(partner.getByTestId('sprint-bar-timer')).toHaveCount(0);

		// Bad input: a timer of zero or of 24 hours is refused with a message, and nothing starts.
		const timer = facilitator.getByTestId('timer');
		for (const minutes of ['0', String(24 * 60)]) {
			await timer.getByLabel(t('timer_minutes')).fill(minutes);
			await timer.getByTestId('timer-start').click();
			await expect(timer.getByRole('alert')).toHaveText(t('error_timer_duration'));
			await expect(timer).toHaveAttribute('data-status', 'idle');
		}

		await timer.getByLabel(t('timer_minutes')).fill('10');
		await timer.getByLabel(t('timer_label')).fill('Crazy 8s');
		await timer.getByTestId('timer-start').click();
		await expect(timer).toHaveAttribute('data-status', 'running');
		for (const page of [partner, decider]) {
			await expect(page.getByTestId('sprint-bar-timer')).toHaveAttribute('data-status', 'running');
			await expect(page.getByTestId('sprint-bar-timer')).toContainText('Crazy 8s');
		}
		await shoot(decider, 'facilitation-board-timer');
		// Paused, every screen holds the same time to the second.
		await timer.getByTestId('timer-pause').click();
		for (const page of [partner, decider]) await expect(page.getByTestId('sprint-bar-timer')).toHaveAttribute('data-status', 'paused');
		const shown = (await timer.getByTestId('timer-countdown').textContent())!.trim();
		expect(shown).toMatch(/^9:\d\d$/);
		await expect(partner.getByTestId('timer-countdown')).toHaveText(shown);
		await expect(decider.getByTestId('timer-countdown')).toHaveText(shown);
		await shoot(partner, 'facilitation-sprint-bar');

		// The end: a short timer; everyone's bar shows that the time is up.
		await timer.getByTestId('timer-reset').click();
		await timer.getByLabel(t('timer_minutes')).fill('0.05');
		await timer.getByTestId('timer-start').click();
		for (const page of [partner, decider]) await expect(page.getByTestId('sprint-bar-timer')).toContainText(t('timer_ended'));
		await expect(timer).toContainText(t('timer_ended'));
		// The sound can be switched off; the choice is kept in this browser.
		const mute = partner.getByTestId('timer-mute');
		await expect(mute).toHaveAttribute('aria-pressed', 'false');
		await mute.click();
		await expect(mute).toHaveAttribute('aria-pressed', 'true');
		expect(await partner.evaluate(() => localStorage.getItem('meedoen:timer-muted'))).toBe('1');
	} finally {
		await room.close();
	}
});

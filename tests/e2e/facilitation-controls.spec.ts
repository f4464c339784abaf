/**
 * The facilitator's room controls through the real UI: summon everyone to a board (a prompt with a
 * button, or straight there for who opted in), and "follow me" on the board until a participant
 * looks around on their own.
 */
import { expect, test, type Page } from '@playwright/test';
import { addNote, openProblemMap, shoot, t } from './helpers';
import { facilitationRoom } from './facilitation-world';

const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.svelte-flow__viewport')!).transform).a);

test('@facilitation summon everyone to a board, and follow me until a participant steps out', async ({ browser }) => {
	test.setTimeout(180_000);
	const room = await facilitationRoom(browser, 'Samen kijken');
	const { facilitator, partner, decider, sprintId } = room;
	try {
		await openProblemMap(facilitator, sprintId);
		const boardPath = new URL(facilitator.url()).pathname;
		await partner.goto(`/sprints/${sprintId}/agenda`);
		await decider.goto(`/sprints/${sprintId}/decisions`);
		await expect(partner.getByTestId('room-controls')).toHaveCount(0);

		// The decider opts in to going along by themselves (the choice is kept in their browser).
		await decider.evaluate(() => localStorage.setItem('meedoen:summon-auto', '1'));
		await decider.reload();
		await facilitator.getByTestId('summon-here').click();
		await expect(facilitator.getByTestId('room-controls')).toContainText(t('facil_summon_sent'));
		const prompt = partner.getByTestId('summon-prompt');
		await expect(prompt).toContainText(t('facil_summon_prompt', { place: t('board_problem_map_title') }));
		await shoot(partner, 'facilitation-summon');
		await prompt.getByTestId('summon-go').click();
		await expect(partner).toHaveURL(new RegExp(`${boardPath}$`));
		await expect(decider).toHaveURL(new RegExp(`${boardPath}$`));
		await expect(partner.getByTestId('summon-prompt')).toHaveCount(0);
		await expect(partner.getByTestId('board')).toBeVisible();
		await expect(decider.getByTestId('collab-status')).toHaveAttribute('data-synced', 'true');

		// Follow me: the facilitator zooms in; both participants' views follow.
		await facilitator.getByTestId('follow-me').click();
		await expect(facilitator.getByTestId('follow-me')).toHaveAttribute('aria-pressed', 'true');
		for (const page of [partner, decider]) await expect(page.getByTestId('follow-status')).toHaveAttribute('data-following', 'true');
		const zoomIn = facilitator.getByRole('button', { name: t('board_zoom_in'), exact: true });
		await zoomIn.click();
		await zoomIn.click();
		const leaderZoom = await zoomOf(facilitator);
		for (const page of [partner, decider]) await expect.poll(() => zoomOf(page)).toBeCloseTo(leaderZoom, 2);

		// The partner zooms out on their own: they step out; the decider keeps following.
		await partner.getByRole('button', { name: t('board_zoom_out'), exact: true }).click();
		await expect(partner.getByTestId('follow-status')).toHaveAttribute('data-following', 'false');
		await zoomIn.click();
		const newZoom = await zoomOf(facilitator);
		await expect.poll(() => zoomOf(decider)).toBeCloseTo(newZoom, 2);
		expect(await zoomOf(partner)).not.toBeCloseTo(newZoom, 2);
		await shoot(partner, 'facilitation-follow-left');
		// Following again brings them back to the facilitator's view.
		await partner.getByTestId('follow-again').click();
		await expect.poll(() => zoomOf(partner)).toBeCloseTo(newZoom, 2);
		// The facilitator stops: the banner goes.
		await facilitator.getByTestId('follow-me').click();
		await expect(decider.getByTestId('follow-status')).toHaveCount(0);
	} finally {
		await room.close();
	}
});

test('@facilitation take control: participants look but cannot change anything until the facilitator gives it back', async ({ browser }) => {
	test.setTimeout(180_000);
	const room = await facilitationRoom(browser, 'Even de regie');
	const { facilitator, partner, sprintId } = room;
	try {
		await openProblemMap(facilitator, sprintId);
		await openProblemMap(partner, sprintId);
		await expect(partner.getByTestId('board-add-note')).toBeVisible();
		await expect(partner.getByTestId('takeover-take')).toHaveCount(0);

		await facilitator.getByTestId('takeover-minutes').fill('2');
		await facilitator.getByTestId('takeover-take').click();
		await expect(facilitator.getByTestId('takeover-active')).toContainText('1:5');
		const banner = partner.getByTestId('takeover-banner');
		await expect(banner).toContainText(t('facil_takeover_banner'));
		await expect(banner).toContainText(/Nog 1:5\d/);
		// The server made the partner's board read-only; the page follows.
		await expect(partner.getByTestId('board-read-only')).toBeVisible();
		await expect(partner.getByTestId('board-add-note')).toHaveCount(0);
		// The facilitator keeps working.
		await addNote(facilitator, 'Even kijken allemaal');
		await expect(partner.getByTestId('board-note').filter({ hasText: 'Even kijken allemaal' })).toBeVisible();
		await shoot(partner, 'facilitation-takeover-banner');
		await shoot(facilitator, 'facilitation-takeover-facilitator');

		await facilitator.getByTestId('takeover-release').click();
		await expect(banner).toHaveCount(0);
		await expect(partner.getByTestId('board-add-note')).toBeVisible();
		await addNote(partner, 'Weer verder');
		await expect(facilitator.getByTestId('board-note').filter({ hasText: 'Weer verder' })).toBeVisible();
	} finally {
		await room.close();
	}
});

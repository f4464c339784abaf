import { expect, test, type Page } from '@playwright/test';
import { openProblemMap, seriousViolations, sprintWithTwo, t } from './helpers';

const onBoard = (page: Page, text: string) => page.getByTestId('board').getByTestId('board-note').filter({ hasText: text });

test('@board private mode: a partner writes unseen, the facilitator reveals, both see the note on the board', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId } = world;
	const secret = 'Buddy uit de eigen straat';
	try {
		await openProblemMap(facilitator, sprintId);
		await openProblemMap(other, sprintId);
		await expect(other.getByTestId('board-private-start')).toHaveCount(0);

		await facilitator.getByTestId('board-private-start').click();
		await expect(facilitator.getByTestId('board-private-on')).toContainText(t('board_private_on'));
		// The partner learns it from the board's poll, and gets a private area to write in.
		await expect(other.getByTestId('board-private-on')).toContainText(t('board_private_on'));
		await other.getByTestId('board-private-add').click();
		const field = other.getByTestId('board-private-text');
		await expect(field).toBeFocused();
		await other.keyboard.type(secret);
		const mine = other.getByTestId('board-private-note');
		await mine.getByLabel(t('board_private_kind', { number: 1 })).selectOption('idea');
		await mine.getByRole('radio', { name: t('board_color_pink') }).click();

		// The facilitator sees that a note waits, never its text.
		await expect(facilitator.getByTestId('board-private-waiting')).toHaveText(t('board_private_waiting', { count: 1 }));
		await expect(facilitator.getByText(secret)).toHaveCount(0);
		await expect(onBoard(other, secret)).toHaveCount(0);
		expect(await seriousViolations(other), 'axe while writing privately').toEqual([]);

		await facilitator.getByTestId('board-private-reveal').click();
		await expect(facilitator.getByTestId('board-private-revealed')).toHaveText(t('board_private_revealed', { count: 1 }));
		// The revealed notes stand to the right of the rest: fit the view to see them.
		for (const page of [facilitator, other]) {
			await page.getByRole('button', { name: t('board_fit') }).click();
			const note = onBoard(page, secret);
			await expect(note).toBeVisible();
			await expect(note).toContainText(world.names.other);
			await expect(note).toContainText(t('board_kind_idea'));
			await expect(page.getByTestId('board-private-on')).toHaveCount(0);
		}
		// Private mode is over for the partner: their private area is gone, and they are told where the notes went.
		await expect(other.getByTestId('board-private-mine')).toHaveCount(0);
		await expect(other.getByTestId('board-private-ended')).toHaveText(t('board_private_ended'));
	} finally {
		await world.close();
	}
});

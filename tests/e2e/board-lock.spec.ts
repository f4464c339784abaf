import { expect, test, type Page } from '@playwright/test';
import { addNote, openProblemMap, sprintWithTwo, t } from './helpers';

function note(page: Page, text: string) {
	return page.getByTestId('board-note').filter({ hasText: text });
}

test('@board the facilitator locks a note and the board: a partner cannot move the note, nor change the locked board', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		await openProblemMap(other, sprintId);
		// A new note stays selected: lock it from the selection bar.
		await addNote(facilitator, 'Staat vast');
		await facilitator.getByTestId('board-lock-items').click();
		const locked = note(other, 'Staat vast');
		await expect(locked.getByTestId('board-item-locked')).toBeVisible();

		// Dragging it does nothing, here or for anyone else (it may pan the view: compare with a frame).
		const offset = async (page: Page) => {
			const [a, b] = [await note(page, 'Staat vast').boundingBox(), await page.getByTestId('board-group').first().boundingBox()];
			return { x: Math.round(a!.x - b!.x), y: Math.round(a!.y - b!.y) };
		};
		const before = await offset(other);
		const seen = await offset(facilitator);
		const box = (await locked.boundingBox())!;
		await other.mouse.move(box.x + box.width / 2, box.y + 12);
		await other.mouse.down();
		await other.mouse.move(box.x + box.width / 2 + 150, box.y + 120, { steps: 8 });
		await other.mouse.up();
		await other.waitForTimeout(300);
		expect(await offset(other)).toEqual(before);
		expect(await offset(facilitator)).toEqual(seen);

		// The whole board: the partner may only look until it is unlocked.
		await facilitator.getByTestId('board-lock').click();
		await expect(facilitator.getByTestId('board-lock')).toHaveText(t('board_unlock_board'));
		await expect(other.getByTestId('board-locked')).toHaveText(t('board_locked_note'));
		await expect(other.getByTestId('board-add-note')).toHaveCount(0);
		await expect(facilitator.getByTestId('board-locked')).toHaveText(t('board_locked_note_facilitator'));
		await facilitator.getByTestId('board-lock').click();
		await expect(other.getByTestId('board-locked')).toHaveCount(0);
		await addNote(other, 'Weer open');
		await expect(note(facilitator, 'Weer open')).toBeVisible();
	} finally {
		await world.close();
	}
});

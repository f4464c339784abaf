import { expect, test } from '@playwright/test';
import { addNote, openProblemMap, sprintWithTwo, t } from './helpers';

test('@board two partners add notes live; undo takes back only one\'s own note; markup stays text', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		await openProblemMap(other, sprintId);
		// The template: goal, actors, steps and the "How might we" wall.
		expect(await facilitator.getByTestId('board-group').count()).toBeGreaterThanOrEqual(3);

		await addNote(facilitator, 'Buddy uit de buurt');
		await expect(other.getByTestId('board-note').filter({ hasText: 'Buddy uit de buurt' })).toBeVisible();
		const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
		await addNote(other, payload);
		await expect(facilitator.getByTestId('board-note').filter({ hasText: '<img src=x' })).toBeVisible();
		expect(await facilitator.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(await other.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

		// Undo in the second window removes the second person's note, never the first person's.
		await other.getByTestId('board-undo').click();
		await expect(facilitator.getByTestId('board-note').filter({ hasText: '<img src=x' })).toHaveCount(0);
		await expect(other.getByTestId('board-note').filter({ hasText: 'Buddy uit de buurt' })).toBeVisible();
		await other.getByTestId('board-undo').click();
		await expect(facilitator.getByTestId('board-note').filter({ hasText: 'Buddy uit de buurt' })).toBeVisible();

		// What is on the board is stored.
		await other.reload();
		await expect(other.getByTestId('board-note').filter({ hasText: 'Buddy uit de buurt' })).toBeVisible();
	} finally {
		await world.close();
	}
});

test('@board an observer sees the board but cannot change it', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'observer');
	const { facilitator, other, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		await addNote(facilitator, 'Alleen de facilitator schrijft');
		await openProblemMap(other, sprintId);
		await expect(other.getByTestId('board-read-only')).toBeVisible();
		await expect(other.getByTestId('board-add-note')).toHaveCount(0);
		await expect(other.getByTestId('board-note').filter({ hasText: 'Alleen de facilitator schrijft' })).toBeVisible();
	} finally {
		await world.close();
	}
});

import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { addNote, openProblemMap, settledBox, sprintWithTwo, t } from './helpers';

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

test('@board a note dragged into a frame is in that group for the other person too, and out again', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId } = world;
	/** The other person's export: which group each note is in. */
	async function groupsSeenByOther(): Promise<Record<string, string>> {
		const [file] = await Promise.all([other.waitForEvent('download'), other.getByTestId('board-export-json').click()]);
		const json = JSON.parse(readFileSync(await file.path(), 'utf8')) as { notes: { text: string; group: string }[] };
		return Object.fromEntries(json.notes.map((n) => [n.text, n.group]));
	}
	async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
		await facilitator.mouse.move(from.x, from.y);
		await facilitator.mouse.down();
		// A first small step starts the drag; on a busy machine one big jump can be taken as a click.
		await facilitator.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
		await facilitator.mouse.move(to.x, to.y, { steps: 12 });
		await facilitator.mouse.up();
	}
	const centre = (box: { x: number; y: number; width: number; height: number } | null) => ({ x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
	const settledCentre = async (locator: Locator) => centre(await settledBox(locator));
	try {
		await openProblemMap(facilitator, sprintId);
		await openProblemMap(other, sprintId);
		await addNote(facilitator, 'Ouders vertellen');
		const note = facilitator.getByTestId('board-note').filter({ hasText: 'Ouders vertellen' });
		const actors = facilitator.getByTestId('board-group').filter({ hasText: 'Wie zijn erbij betrokken' });
		await facilitator.keyboard.press('Escape');

		// Aim at the part of the frame that is on screen: the view may show only its top.
		const view = (await facilitator.locator('.svelte-flow').boundingBox())!;
		const frame = await settledBox(actors);
		const left = Math.max(frame.x, view.x) + 40;
		const top = Math.max(frame.y, view.y) + 60;
		const right = Math.min(frame.x + frame.width, view.x + view.width) - 40;
		const bottom = Math.min(frame.y + frame.height, view.y + view.height) - 40;
		expect(right > left && bottom > top, 'part of the frame is on screen').toBe(true);
		await drag(await settledCentre(note), { x: (left + right) / 2, y: (top + bottom) / 2 });
		await expect.poll(async () => (await groupsSeenByOther())['Ouders vertellen']).toContain('Wie zijn erbij betrokken');

		// Out again, onto the empty board right of the map (zoomed out to make room): in no group any more.
		const canvas = (await facilitator.locator('.svelte-flow').boundingBox())!;
		const goal = facilitator.getByTestId('board-group').filter({ hasText: 'Doel op lange termijn' });
		await facilitator.mouse.move(canvas.x + canvas.width - 60, canvas.y + canvas.height - 60);
		for (let i = 0; i < 4; i++) await facilitator.mouse.wheel(0, 300);
		await expect.poll(async () => {
			const map = (await goal.boundingBox())!;
			return map.x + map.width;
		}).toBeLessThan(canvas.x + canvas.width - 250);
		await drag(await settledCentre(note), { x: canvas.x + canvas.width - 120, y: canvas.y + canvas.height / 2 });
		await expect.poll(async () => (await groupsSeenByOther())['Ouders vertellen']).toBe('');
	} finally {
		await world.close();
	}
});

test('@board the canvas gets the room: one toolbar row and one control row on a laptop, no minimap on a tablet, no attribution', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		const oneRow = async (testId: string) => {
			const bar = facilitator.getByTestId(testId);
			const top = (await bar.getByRole('button').first().boundingBox())!.y;
			for (const button of await bar.getByRole('button').all()) expect(Math.abs((await button.boundingBox())!.y - top), testId).toBeLessThan(8);
		};
		// A laptop: the facilitator's lock sits with the other board controls, nothing wraps.
		await expect(facilitator.getByTestId('board-vote-bar').getByTestId('board-lock')).toBeVisible();
		await oneRow('board-toolbar');
		await oneRow('board-vote-bar');
		await expect(facilitator.locator('.svelte-flow__attribution')).toHaveCount(0);
		await expect(facilitator.locator('.svelte-flow__minimap')).toBeVisible();
		// A tablet: the minimap would cover notes.
		await facilitator.setViewportSize({ width: 768, height: 1024 });
		await expect(facilitator.locator('.svelte-flow__minimap')).toBeHidden();
		await expect(facilitator.getByRole('button', { name: t('board_zoom_in') })).toBeVisible();
	} finally {
		await world.close();
	}
});

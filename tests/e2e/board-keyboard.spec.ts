/**
 * The board without a mouse: everything the issue asks for by keyboard (create, move, edit, delete,
 * move between items, the item menu), with the names a screen reader reads, and the item menu by
 * right click.
 */
import { expect, test, type Page } from '@playwright/test';
import { addNote, openProblemMap, seriousViolations, sprintWithTwo, t } from './helpers';

const nodeWith = (page: Page, text: string) => page.locator('.svelte-flow__node').filter({ has: page.getByTestId('board-note').filter({ hasText: text }) });

/** Where an item is on the board (its translate in board coordinates). */
async function positionOf(page: Page, text: string) {
	const transform = await nodeWith(page, text).evaluate((el) => (el as HTMLElement).style.transform);
	const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform) ?? [];
	return { x: Number(x), y: Number(y) };
}

test('@board by keyboard: N makes a note, arrows move it (live for the other), Enter/F2 edit, Tab moves between items, Shift+F10 opens the menu, Delete deletes', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner', { facilitator: 'Fatima', other: 'Daan' });
	const { facilitator: page, other, sprintId } = world;
	try {
		await openProblemMap(page, sprintId);
		await openProblemMap(other, sprintId);

		// N: a new note, ready to write in, in view, without zooming in (the person keeps their place),
		// and not half over a frame's edge.
		const zoomOf = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.svelte-flow__viewport')!).transform).a);
		const zoom = await zoomOf();
		await page.keyboard.press('n');
		const editor = page.getByTestId('board-item-editor');
		await expect(editor).toBeFocused();
		await page.waitForTimeout(400);
		expect(await zoomOf()).toBeCloseTo(zoom, 3);
		const made = (await page.locator('.svelte-flow__node.selected').boundingBox())!;
		for (const frame of await page.getByTestId('board-group').all()) {
			const f = (await frame.boundingBox())!;
			const overlaps = made.x < f.x + f.width && f.x < made.x + made.width && made.y < f.y + f.height && f.y < made.y + made.height;
			const inside = made.x >= f.x - 1 && made.y >= f.y - 1 && made.x + made.width <= f.x + f.width + 1 && made.y + made.height <= f.y + f.height + 1;
			expect(!overlaps || inside, 'the new note straddles a frame').toBe(true);
		}
		await expect(editor).toHaveAccessibleName(t('board_note_text'));
		await page.keyboard.type('Vervoer naar school');
		await page.keyboard.press('Escape');
		await expect(editor).toHaveCount(0);
		// Escape gives the focus back to the note, which a screen reader names.
		const note = nodeWith(page, 'Vervoer naar school');
		await expect(note).toBeFocused();
		await expect(note).toHaveAttribute('aria-label', t('board_note_aria', { kind: t('board_kind_note'), author: 'Fatima' }));
		await expect(note).toHaveAccessibleDescription(t('board_a11y_node'));
		await expect(nodeWith(other, 'Vervoer naar school')).toBeVisible();
		const noteId = (await note.getAttribute('data-id'))!;
		const original = page.locator(`.svelte-flow__node[data-id="${noteId}"]`);

		// Arrow keys move it; the other person sees the move; a screen reader hears it.
		const before = await positionOf(other, 'Vervoer naar school');
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('[aria-live]').filter({ hasText: t('board_a11y_moved', { x: 0, y: 0 }).split(':')[0] })).toHaveCount(1);
		await expect.poll(() => positionOf(other, 'Vervoer naar school')).toEqual({ x: before.x + 20, y: before.y + 5 });

		// Enter writes in the selected note (and F2 does too); Escape stops.
		await page.keyboard.press('Enter');
		await expect(editor).toBeFocused();
		await page.keyboard.press('End');
		await page.keyboard.type(' en terug');
		await page.keyboard.press('Escape');
		await expect(note).toBeFocused();
		await page.keyboard.press('F2');
		await expect(editor).toBeFocused();
		await page.keyboard.type('!');
		await page.keyboard.press('Escape');
		await expect(nodeWith(other, 'Vervoer naar school en terug!')).toBeVisible();

		// Shift+Tab and Tab go from item to item (the new note is the last one); each has a name.
		await page.keyboard.press('Shift+Tab');
		const previous = page.locator('.svelte-flow__node:focus');
		await expect(previous).toHaveCount(1);
		await expect(previous).not.toHaveAttribute('data-id', noteId);
		expect(await previous.getAttribute('aria-label')).toBeTruthy();
		await page.keyboard.press('Tab');
		await expect(note).toBeFocused();

		// Shift+F10: the item menu, focus in it; Escape closes it and gives the focus back.
		await page.keyboard.press('Shift+F10');
		const menu = page.getByTestId('board-item-menu');
		await expect(menu).toBeVisible();
		await expect(menu).toHaveAccessibleName(new RegExp(t('board_kind_note')));
		await expect(menu.locator(':focus')).toHaveCount(1);
		expect(await seriousViolations(page), 'axe with the item menu open').toEqual([]);
		await page.keyboard.press('Escape');
		await expect(menu).toHaveCount(0);
		await expect(note).toBeFocused();

		// The menu by keyboard all the way: the context-menu key, Tab to "duplicate", Enter.
		await page.keyboard.press('ContextMenu');
		await expect(menu).toBeVisible();
		const duplicate = menu.getByRole('button', { name: t('board_duplicate') });
		for (let i = 0; i < 12 && !(await duplicate.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		await expect(duplicate).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveCount(0);
		await expect(other.getByTestId('board-note').filter({ hasText: 'Vervoer naar school en terug!' })).toHaveCount(2);

		// An arrow by keyboard: "Arrow to …" in the menu, Shift+Tab to the item before, Enter.
		const arrows = await other.locator('.svelte-flow__edge').count();
		await page.keyboard.press('Shift+F10');
		const connectFrom = menu.getByRole('button', { name: t('board_connect_from') });
		for (let i = 0; i < 12 && !(await connectFrom.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('board-connect-hint')).toContainText(t('board_connect_pick'));
		await expect(original).toBeFocused();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('board-connect-hint')).toHaveCount(0);
		await expect(other.locator('.svelte-flow__edge')).toHaveCount(arrows + 1);
		await page.keyboard.press('Tab');

		// Back on the note, which the menu selected (alone): Delete removes it, for the other person too.
		await expect(original).toBeFocused();
		await expect(original).toHaveClass(/selected/);
		await expect(page.locator('.svelte-flow__node.selected')).toHaveCount(1);
		await page.keyboard.press('Delete');
		await expect(original).toHaveCount(0);
		await expect(other.getByTestId('board-note').filter({ hasText: 'Vervoer naar school en terug!' })).toHaveCount(1);
	} finally {
		await world.close();
	}
});

test('@board right-click on a note opens its menu; a read-only observer gets none', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'observer', { facilitator: 'Fatima', other: 'Olaf' });
	const { facilitator: page, other: observer, sprintId } = world;
	try {
		await openProblemMap(page, sprintId);
		await openProblemMap(observer, sprintId);
		await addNote(page, 'Huiswerkcafé');
		await page.keyboard.press('Escape');

		const note = page.getByTestId('board-note').filter({ hasText: 'Huiswerkcafé' });
		await note.click({ button: 'right' });
		const menu = page.getByTestId('board-item-menu');
		await expect(menu).toBeVisible();
		// Only the facilitator locks items.
		await menu.getByRole('button', { name: t('board_lock_items') }).click();
		await expect(menu).toHaveCount(0);
		await expect(observer.getByTestId('board-note').filter({ hasText: 'Huiswerkcafé' }).getByTestId('board-item-locked')).toBeVisible();
		// Locked: no edit entry, delete not possible, unlock offered.
		await note.click({ button: 'right' });
		await expect(menu.getByRole('button', { name: t('board_edit') })).toHaveCount(0);
		await expect(menu.getByRole('button', { name: t('board_connect_from') })).toHaveCount(0);
		await expect(menu.getByRole('button', { name: t('board_delete') })).toBeDisabled();
		await expect(menu.getByRole('button', { name: t('board_unlock_items') })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(menu).toHaveCount(0);

		// The observer: no menu, nothing to change.
		await observer.getByTestId('board-note').filter({ hasText: 'Huiswerkcafé' }).click({ button: 'right' });
		await expect(observer.getByTestId('board-item-menu')).toHaveCount(0);
		await observer.getByTestId('board-note').filter({ hasText: 'Huiswerkcafé' }).click();
		await observer.keyboard.press('Shift+F10');
		await expect(observer.getByTestId('board-item-menu')).toHaveCount(0);
	} finally {
		await world.close();
	}
});

/**
 * The board on a 10" tablet (768x1024, touch) next to a laptop. Playwright's touchscreen only taps,
 * so fingers are put down, moved and lifted through the DevTools protocol, as a real touch screen
 * would send them (touchstart/touchmove/touchend, which xyflow's d3-drag and d3-zoom listen to).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addNote, openProblemMap, sprintWithTwo, t } from './helpers';

const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false };

type Point = { x: number; y: number };

/** Fingers on the screen of `page`. */
async function fingers(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) =>
		cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: Math.round(p.x), y: Math.round(p.y), id })) });
	return {
		down: (...points: Point[]) => send('touchStart', points),
		up: () => send('touchEnd', []),
		/** Moves every finger from `from` to `to` in small steps, as a hand does. */
		async slide(from: Point[], to: Point[], steps = 12) {
			for (let i = 1; i <= steps; i++) {
				await send(
					'touchMove',
					from.map((f, k) => ({ x: f.x + ((to[k].x - f.x) * i) / steps, y: f.y + ((to[k].y - f.y) * i) / steps }))
				);
			}
		}
	};
}

async function zoomOf(page: Page): Promise<number> {
	const transform = await page.locator('.svelte-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
	// matrix(a, b, c, d, e, f): a is the scale.
	return Number(/matrix\(([^,]+)/.exec(transform)?.[1] ?? NaN);
}

async function centreOf(locator: Locator): Promise<Point> {
	const box = (await locator.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const noteOn = (page: Page, text: string) => page.getByTestId('board-note').filter({ hasText: text });

test('@board touch at 768x1024: one finger drags a note (the laptop sees it move), two fingers pinch-zoom', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner', undefined, { other: TABLET });
	const { facilitator: laptop, other: tablet, sprintId } = world;
	try {
		await openProblemMap(laptop, sprintId);
		await openProblemMap(tablet, sprintId);
		await addNote(tablet, 'Vervoer naar school');
		await expect(noteOn(laptop, 'Vervoer naar school')).toBeVisible();

		const hand = await fingers(tablet);
		const note = noteOn(tablet, 'Vervoer naar school');
		const seen = noteOn(laptop, 'Vervoer naar school');
		const start = await centreOf(note);
		const seenStart = await centreOf(seen);
		const tabletZoom = await zoomOf(tablet);
		const laptopZoom = await zoomOf(laptop);
		const drag = { x: -120, y: 90 };

		await hand.down(start);
		await hand.slide([start], [{ x: start.x + drag.x, y: start.y + drag.y }]);
		await hand.up();

		// On the tablet the note went with the finger (less the few pixels a finger moves before the
		// browser and xyflow take it for a drag) ...
		await expect(note.locator('xpath=..')).not.toHaveClass(/dragging/);
		const end = await centreOf(note);
		const moved = { x: end.x - start.x, y: end.y - start.y };
		expect(Math.abs(moved.x - drag.x), `moved ${JSON.stringify(moved)}`).toBeLessThan(30);
		expect(Math.abs(moved.y - drag.y), `moved ${JSON.stringify(moved)}`).toBeLessThan(30);
		// ... and the laptop sees the same move, in its own zoom: it went through the shared document.
		const expected = { x: seenStart.x + (moved.x / tabletZoom) * laptopZoom, y: seenStart.y + (moved.y / tabletZoom) * laptopZoom };
		await expect.poll(async () => Math.abs((await centreOf(seen)).x - expected.x)).toBeLessThan(2);
		expect(Math.abs((await centreOf(seen)).y - expected.y)).toBeLessThan(2);
		// A drag is not a long press: no menu.
		await expect(tablet.getByTestId('board-item-menu')).toHaveCount(0);

		// Dragged up to where the selection bar is: the bar goes to the foot of the board, out of its way.
		const bar = tablet.getByTestId('board-selection-bar');
		await expect(bar).toBeVisible();
		const pane = (await tablet.locator('.svelte-flow__pane').boundingBox())!;
		const from = await centreOf(note);
		const top = { x: pane.x + 140, y: pane.y + 90 };
		await hand.down(from);
		await hand.slide([from], [top]);
		await hand.up();
		await expect(tablet.locator('.selection-panel')).toHaveClass(/below/);
		const [b, n] = [(await bar.boundingBox())!, (await note.boundingBox())!];
		expect(b.y > n.y + n.height || b.y + b.height < n.y || b.x > n.x + n.width || b.x + b.width < n.x, 'the bar covers the note').toBe(true);

		// Two fingers spread apart: the board zooms in around them; pinched together: out again.
		const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
		const near = [{ x: mid.x - 40, y: mid.y }, { x: mid.x + 40, y: mid.y }];
		const far = [{ x: mid.x - 160, y: mid.y }, { x: mid.x + 160, y: mid.y }];
		const before = await zoomOf(tablet);
		await hand.down(...near);
		await hand.slide(near, far);
		await hand.up();
		await expect.poll(() => zoomOf(tablet)).toBeGreaterThan(before * 2);
		const zoomedIn = await zoomOf(tablet);
		await hand.down(...far);
		await hand.slide(far, near);
		await hand.up();
		await expect.poll(() => zoomOf(tablet)).toBeLessThan(zoomedIn / 2);
		// Zooming is one's own view: the laptop's zoom did not change.
		expect(await zoomOf(laptop)).toBe(laptopZoom);

		// On a full board the fingers land on notes: that pinches too (and moves no note).
		await expect(note).toBeVisible();
		const onNote = await centreOf(note);
		const noteBefore = await centreOf(seen);
		const apart = [{ x: onNote.x - 30, y: onNote.y }, { x: onNote.x + 30, y: onNote.y }];
		const wide = [{ x: onNote.x - 150, y: onNote.y }, { x: onNote.x + 150, y: onNote.y }];
		const zoomBefore = await zoomOf(tablet);
		await hand.down(apart[0]);
		await hand.down(...apart);
		await hand.slide(apart, wide);
		await hand.up();
		await expect.poll(() => zoomOf(tablet)).toBeGreaterThan(zoomBefore * 2);
		expect(await centreOf(seen)).toEqual(noteBefore);
	} finally {
		await world.close();
	}
});

test('@board long-press on a note opens its menu at the finger; delete there removes it for the laptop too', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner', undefined, { other: TABLET });
	const { facilitator: laptop, other: tablet, sprintId } = world;
	try {
		await openProblemMap(laptop, sprintId);
		await openProblemMap(tablet, sprintId);
		await addNote(tablet, 'Bijles in de bibliotheek');
		await addNote(tablet, 'Sportclub dichtbij');
		await addNote(tablet, 'Buurthuis');
		await expect(noteOn(laptop, 'Bijles in de bibliotheek')).toBeVisible();

		const hand = await fingers(tablet);
		const at = await centreOf(noteOn(tablet, 'Bijles in de bibliotheek'));
		await hand.down(at);
		// Held still: the menu opens while the finger is still down.
		const menu = tablet.getByTestId('board-item-menu');
		await expect(menu).toBeVisible();
		await hand.up();
		await expect(menu).toBeVisible();
		// At the finger, not somewhere else on the screen.
		const box = (await menu.boundingBox())!;
		expect(Math.abs(box.x - at.x)).toBeLessThan(box.width + 40);
		expect(Math.abs(box.y - at.y)).toBeLessThan(box.height + 40);
		await expect(menu).toHaveAttribute('aria-label', new RegExp(t('board_kind_note')));
		await expect(menu.getByRole('button', { name: t('board_edit') })).toBeVisible();
		await expect(menu.getByRole('radiogroup', { name: t('board_color') })).toBeVisible();
		// No browser text selection or callout came with the long press.
		expect(await tablet.evaluate(() => String(window.getSelection() ?? ''))).toBe('');

		await menu.getByRole('button', { name: t('board_delete') }).tap();
		await expect(menu).toHaveCount(0);
		await expect(noteOn(tablet, 'Bijles in de bibliotheek')).toHaveCount(0);
		await expect(noteOn(laptop, 'Bijles in de bibliotheek')).toHaveCount(0);
		await expect(noteOn(laptop, 'Sportclub dichtbij')).toBeVisible();

		// Long-press, then changing one's mind: tapping elsewhere closes the menu, nothing changed.
		const other = await centreOf(noteOn(tablet, 'Sportclub dichtbij'));
		await hand.down(other);
		await expect(menu).toBeVisible();
		await hand.up();
		// On the board beside the menu (the board's left edge, halfway down: the menu is by the note).
		const pane = (await tablet.locator('.svelte-flow__pane').boundingBox())!;
		const spot = { x: pane.x + 30, y: pane.y + pane.height / 2 };
		const open = (await menu.boundingBox())!;
		expect(spot.x < open.x || spot.x > open.x + open.width || spot.y < open.y || spot.y > open.y + open.height).toBe(true);
		await tablet.touchscreen.tap(spot.x, spot.y);
		await expect(menu).toHaveCount(0);
		await expect(noteOn(tablet, 'Sportclub dichtbij')).toHaveCount(1);
		await expect(noteOn(laptop, 'Sportclub dichtbij')).toHaveCount(1);

		// "Arrow to …" in the menu, then a tap on the other note: an arrow between them, for both.
		const arrows = await laptop.locator('.svelte-flow__edge').count();
		await hand.down(other);
		await expect(menu).toBeVisible();
		await hand.up();
		await menu.getByRole('button', { name: t('board_connect_from') }).tap();
		await expect(tablet.getByTestId('board-connect-hint')).toBeVisible();
		const target = await centreOf(noteOn(tablet, 'Buurthuis'));
		await tablet.touchscreen.tap(target.x, target.y);
		await expect(tablet.getByTestId('board-connect-hint')).toHaveCount(0);
		await expect(laptop.locator('.svelte-flow__edge')).toHaveCount(arrows + 1);
	} finally {
		await world.close();
	}
});

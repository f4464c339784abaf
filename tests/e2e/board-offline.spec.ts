import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { BASE_URL } from './playwright.config';
import { addNote, createCoalition, createSprint, logIn, openProblemMap, signUp, sprintWithTwo, t } from './helpers';

/** The names of the IndexedDB databases Meedoen keeps in this browser. */
function localCopies(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('meedoen:')));
}

/** Whether a Meedoen copy in this browser holds a board item with `text`: read out and loaded into a Y.Doc here. */
async function copyHolds(page: Page, text: string): Promise<boolean> {
	const copies = await page.evaluate(async () => {
		const found: number[][][] = [];
		for (const { name } of await indexedDB.databases()) {
			if (!name?.startsWith('meedoen:')) continue;
			const db = await new Promise<IDBDatabase>((ok, fail) => {
				const req = indexedDB.open(name);
				req.onsuccess = () => ok(req.result);
				req.onerror = () => fail(req.error);
			});
			try {
				if (!db.objectStoreNames.contains('updates')) continue;
				const all = await new Promise<Uint8Array[]>((ok, fail) => {
					const req = db.transaction('updates').objectStore('updates').getAll();
					req.onsuccess = () => ok(req.result);
					req.onerror = () => fail(req.error);
				});
				found.push(all.map((u) => [...u]));
			} finally {
				db.close();
			}
		}
		return found;
	});
	return copies.some((updates) => {
		const doc = new Y.Doc();
		for (const u of updates) Y.applyUpdate(doc, new Uint8Array(u));
		return JSON.stringify(doc.getMap('items').toJSON()).includes(text);
	});
}

test('@board go offline, edit, come back: the edit is kept, merges both ways, and the page says so', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator: a, other: b, sprintId } = world;
	try {
		await openProblemMap(a, sprintId);
		await openProblemMap(b, sprintId);
		await addNote(a, 'Voor de storing');
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_saved'));

		// A's network goes away (Chromium keeps an open socket then; the page closes it itself).
		await a.context().setOffline(true);
		await expect(a.getByTestId('collab-status')).toHaveText(t('collab_offline'));
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_kept_here'));
		await expect(a.getByTestId('collab-announcement')).toContainText(t('collab_offline'));

		await addNote(a, 'Offline bedacht');
		await addNote(b, 'Intussen online');
		await expect(a.getByTestId('board-note').filter({ hasText: 'Offline bedacht' })).toBeVisible();
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_kept_here'));
		await expect(b.getByTestId('board-note').filter({ hasText: 'Offline bedacht' })).toHaveCount(0);
		await expect(a.getByTestId('board-note').filter({ hasText: 'Intussen online' })).toHaveCount(0);
		await expect.poll(() => copyHolds(a, 'Offline bedacht')).toBe(true);

		// Logging out now would lose the edit: the page warns, and staying keeps everything.
		await a.getByRole('button', { name: t('logout') }).click();
		const warning = a.getByTestId('logout-unsaved');
		await expect(warning).toBeVisible();
		await expect(warning).toContainText(t('logout_unsaved_title'));
		await warning.getByRole('button', { name: t('logout_stay') }).click();
		await expect(warning).toBeHidden();
		expect(a.url()).toContain(`/sprints/${sprintId}/boards/`);

		// The network is back: both edits reach both sides, and A's page says all is saved.
		await a.context().setOffline(false);
		await expect(b.getByTestId('board-note').filter({ hasText: 'Offline bedacht' })).toBeVisible();
		await expect(a.getByTestId('board-note').filter({ hasText: 'Intussen online' })).toBeVisible();
		await expect(a.getByTestId('collab-status')).toHaveText(t('collab_connected'));
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_saved'));
		await expect(a.getByTestId('collab-announcement')).toHaveText(t('collab_back_saved'));
		await b.reload();
		await expect(b.getByTestId('board-note').filter({ hasText: 'Offline bedacht' })).toBeVisible();

		// All saved: logging out asks nothing and removes the copy from this browser.
		expect(await localCopies(a)).toHaveLength(1);
		await a.getByRole('button', { name: t('logout') }).click();
		await expect(a).toHaveURL(/\/login$/);
		expect(await localCopies(a)).toEqual([]);
	} finally {
		await world.close();
	}
});

test('@board an edit made offline survives a closed tab and goes to the server when the board is opened again', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator: a, other: b, sprintId } = world;
	try {
		await openProblemMap(a, sprintId);
		await openProblemMap(b, sprintId);
		const board = a.url();
		const device = a.context();
		await device.setOffline(true);
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_kept_here'));
		await addNote(a, 'Bewaard op dit apparaat');
		await expect.poll(() => copyHolds(a, 'Bewaard op dit apparaat')).toBe(true);
		await a.close();

		// Back online, but the tab is gone: nobody has sent the note yet.
		await device.setOffline(false);
		await expect(b.getByTestId('board-note').filter({ hasText: 'Bewaard op dit apparaat' })).toHaveCount(0);

		const again = await device.newPage();
		await again.goto(board);
		await expect(again.getByTestId('board-note').filter({ hasText: 'Bewaard op dit apparaat' })).toBeVisible();
		await expect(b.getByTestId('board-note').filter({ hasText: 'Bewaard op dit apparaat' })).toBeVisible();
		await expect(again.getByTestId('collab-saved')).toHaveText(t('collab_saved'));
	} finally {
		await world.close();
	}
});

test('@board a session that ended while offline stops the retrying and keeps the edits for the next login', async ({ browser }) => {
	const device = await browser.newContext();
	const elsewhere = await browser.newContext();
	try {
		const a = await device.newPage();
		const person = await signUp(a, 'Mila');
		const sprintId = await createSprint(a, 'Vrije tijd', await createCoalition(a, 'Coalitie Mila'));
		await openProblemMap(a, sprintId);
		const board = a.url();
		await device.setOffline(true);
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_kept_here'));
		await addNote(a, 'Na afloop van de sessie');
		await expect.poll(() => copyHolds(a, 'Na afloop van de sessie')).toBe(true);

		// Meanwhile the session ends on the server (as when it expires): no page of ours is told.
		const loggedOut = await device.request.post('/logout', { headers: { origin: BASE_URL, accept: 'text/html' }, form: {}, maxRedirects: 0 });
		expect(loggedOut.status()).toBe(303);
		await device.setOffline(false);
		// The network is back but the upgrade is refused: the page finds out why and stops.
		const ended = a.getByTestId('collab-ended');
		await expect(ended).toBeVisible();
		await expect(ended).toContainText(t('collab_ended_kept'));
		await expect(a.getByTestId('collab-status')).toHaveText(t('collab_stopped'));
		await expect(a.getByTestId('collab-saved')).toHaveCount(0);
		expect(await copyHolds(a, 'Na afloop van de sessie')).toBe(true);

		// Logged in again on this device, the board sends the kept edit.
		await logIn(a, person);
		expect(await copyHolds(a, 'Na afloop van de sessie')).toBe(true);
		await a.goto(board);
		await expect(a.getByTestId('board-note').filter({ hasText: 'Na afloop van de sessie' })).toBeVisible();
		await expect(a.getByTestId('collab-saved')).toHaveText(t('collab_saved'));
		// Another device (no copy of its own) gets it from the server.
		const b = await elsewhere.newPage();
		await logIn(b, person);
		await b.goto(board);
		await expect(b.getByTestId('board-note').filter({ hasText: 'Na afloop van de sessie' })).toBeVisible();
	} finally {
		await device.close();
		await elsewhere.close();
	}
});

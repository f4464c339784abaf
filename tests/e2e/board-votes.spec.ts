import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addNote, openProblemMap, seriousViolations, sprintWithTwo, t } from './helpers';

const note = (page: Page, text: string) => page.getByTestId('board-note').filter({ hasText: text });

test('@board dot voting: start over ideas, a partner votes unseen, the reveal shows the heat map and the sorted list; CSV has the counts, PNG is made locally', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		await addNote(facilitator, 'Buddy uit de buurt', 'idea');
		await addNote(facilitator, 'Huiswerkcafé', 'idea');
		await addNote(facilitator, 'Geen idee, een notitie', 'note');
		await openProblemMap(other, sprintId);
		await expect(note(other, 'Huiswerkcafé')).toBeVisible();

		// The facilitator starts a round over the idea notes, 3 votes each.
		await facilitator.getByTestId('board-vote-start').click();
		const dialog = facilitator.getByTestId('board-vote-dialog');
		await expect(dialog).toBeVisible();
		await dialog.getByLabel(t('board_vote_per_person')).fill('3');
		await dialog.getByLabel(t('board_vote_scope_kind')).check();
		await expect(dialog.getByTestId('board-vote-kind')).toHaveValue('idea');
		await dialog.getByRole('button', { name: t('board_vote_go') }).click();
		await expect(facilitator.getByTestId('board-vote-status')).toContainText(t('board_vote_open', { count: 2 }));
		await expect(facilitator.getByTestId('board-vote-reveal')).toBeVisible();

		// The partner sees the round by polling: a vote button on the two ideas only.
		await expect(other.getByTestId('board-vote-left')).toHaveText(t('board_vote_left', { count: 3, total: 3 }));
		await expect(note(other, 'Buddy uit de buurt').getByTestId('board-vote-cast')).toBeVisible();
		await expect(note(other, 'Geen idee, een notitie').getByTestId('board-vote-cast')).toHaveCount(0);

		// Two dots on one idea, one on the other; one is taken back and placed again.
		const huiswerk = note(other, 'Huiswerkcafé');
		await huiswerk.getByRole('button', { name: t('board_vote_cast_label') }).click();
		await expect(huiswerk.getByTestId('board-vote-dot')).toHaveCount(1);
		await huiswerk.getByRole('button', { name: t('board_vote_cast_label') }).click();
		await expect(huiswerk.getByTestId('board-vote-dot')).toHaveCount(2);
		await expect(other.getByTestId('board-vote-left')).toHaveText(t('board_vote_left', { count: 1, total: 3 }));
		await huiswerk.getByRole('button', { name: t('board_vote_retract_label') }).first().click();
		await expect(huiswerk.getByTestId('board-vote-dot')).toHaveCount(1);
		await huiswerk.getByRole('button', { name: t('board_vote_cast_label') }).click();
		await note(other, 'Buddy uit de buurt').getByRole('button', { name: t('board_vote_cast_label') }).click();
		await expect(other.getByTestId('board-vote-left')).toHaveText(t('board_vote_left', { count: 0, total: 3 }));
		// All votes used: no more vote buttons.
		await expect(other.getByTestId('board-vote-cast')).toHaveCount(0);

		// While open, nobody sees counts: only how many people voted.
		await expect(facilitator.getByTestId('board-vote-progress')).toHaveText(t('board_vote_progress', { voters: 1 }));
		await expect(facilitator.getByTestId('board-note-votes')).toHaveCount(0);
		await expect(other.getByTestId('board-note-votes')).toHaveCount(0);
		await expect(facilitator.getByTestId('board-vote-results')).toHaveCount(0);
		expect(await seriousViolations(other), 'axe while voting').toEqual([]);

		// The reveal: counts on the notes (heat map) and the sorted list, for both.
		await facilitator.getByTestId('board-vote-reveal').click();
		for (const page of [facilitator, other]) {
			await expect(note(page, 'Huiswerkcafé').getByTestId('board-note-votes')).toContainText('2');
			await expect(note(page, 'Buddy uit de buurt').getByTestId('board-note-votes')).toContainText('1');
			await expect(note(page, 'Geen idee, een notitie').getByTestId('board-note-votes')).toHaveCount(0);
			const rows = page.getByTestId('board-vote-results').getByRole('listitem');
			await expect(rows).toHaveCount(2);
			await expect(rows.nth(0)).toContainText('Huiswerkcafé');
			await expect(rows.nth(0)).toContainText(t('board_vote_count', { count: 2 }));
			await expect(rows.nth(1)).toContainText('Buddy uit de buurt');
			await expect(rows.nth(1)).toContainText(t('board_vote_count', { count: 1 }));
		}
		await expect(other.getByTestId('board-ballot')).toHaveCount(0);
		expect(await seriousViolations(other), 'axe after the reveal').toEqual([]);

		// The CSV download: every note with its kind and its votes.
		const [csvDownload] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('board-export-csv').click()]);
		expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
		const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, '');
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(['text', 'kind', 'group', 'organisation', 'votes', 'supervotes'].map((k) => t('board_export_col_' + k)).join(','));
		expect(lines).toContainEqual(expect.stringMatching(/^Huiswerkcafé,idea,.*,2,0$/));
		expect(lines).toContainEqual(expect.stringMatching(/^Buddy uit de buurt,idea,.*,1,0$/));
		expect(lines).toContainEqual(expect.stringMatching(/^"?Geen idee, een notitie"?,note,.*,0,0$/));

		// The PNG is drawn in the browser: a real PNG, and nothing is fetched from elsewhere.
		const foreign: string[] = [];
		facilitator.on('request', (request) => {
			if (!/^(data|blob):/.test(request.url()) && new URL(request.url()).origin !== new URL(facilitator.url()).origin) foreign.push(request.url());
		});
		const [pngDownload] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('board-export-png').click()]);
		expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
		const png = await readFile((await pngDownload.path())!);
		expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(png.length).toBeGreaterThan(5_000);
		expect(foreign).toEqual([]);
		await expect(facilitator.getByTestId('board-notice')).toHaveCount(0);
	} finally {
		await world.close();
	}
});

test('@board the start dialog defaults to the kind most on the board and will not start over no notes; an observer cannot vote, sees the progress only, and the result after the reveal (never "deleted" while the board loads)', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'observer');
	const { facilitator, other, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		// A problem map holds notes, not ideas: the dialog starts with the kind most on the board.
		await addNote(facilitator, 'Zorgen over geld', 'note');
		await addNote(facilitator, 'Zorgen over school', 'note');
		await addNote(facilitator, 'Sportmaatje', 'idea');
		await openProblemMap(other, sprintId);
		await facilitator.getByTestId('board-vote-start').click();
		const dialog = facilitator.getByTestId('board-vote-dialog');
		await expect(dialog.getByTestId('board-vote-kind')).toHaveValue('note');
		await expect(dialog.getByTestId('board-vote-count')).toHaveText(t('board_vote_scope_count', { count: 2 }));
		const go = dialog.getByRole('button', { name: t('board_vote_go') });
		await expect(go).toBeEnabled();
		// A scope without notes says so before starting, and cannot be started.
		await dialog.getByTestId('board-vote-kind').selectOption('quote');
		await expect(dialog.getByTestId('board-vote-count')).toHaveText(t('board_vote_scope_empty'));
		await expect(go).toBeDisabled();
		await dialog.getByTestId('board-vote-kind').selectOption('');
		await expect(dialog.getByTestId('board-vote-count')).toHaveText(t('board_vote_scope_count', { count: 3 }));
		await dialog.getByTestId('board-vote-kind').selectOption('idea');
		await expect(dialog.getByTestId('board-vote-count')).toHaveText(t('board_vote_scope_count', { count: 1 }));
		await go.click();
		await expect(facilitator.getByTestId('board-vote-status')).toContainText(t('board_vote_open', { count: 1 }));
		await expect(other.getByTestId('board-vote-status')).toBeVisible();
		await expect(other.getByText(t('board_vote_observer'))).toBeVisible();
		await expect(other.getByTestId('board-vote-cast')).toHaveCount(0);
		await expect(other.getByTestId('board-vote-start')).toHaveCount(0);
		// The facilitator votes; the observer sees one voter, no counts.
		await note(facilitator, 'Sportmaatje').getByTestId('board-vote-cast').click();
		await expect(other.getByTestId('board-vote-progress')).toHaveText(t('board_vote_progress', { voters: 1 }));
		await expect(other.getByTestId('board-note-votes')).toHaveCount(0);
		await facilitator.getByTestId('board-vote-reveal').click();
		await expect(note(other, 'Sportmaatje').getByTestId('board-note-votes')).toContainText('1');
		await expect(other.getByTestId('board-vote-result')).toHaveCount(1);

		// Opened again while the document is still on its way (held back here; no copy in this
		// browser): the result is there at once, its note is loading, not "deleted".
		const boardUrl = other.url();
		await other.goto('/dashboard');
		await other.evaluate(async () => {
			for (const { name } of await indexedDB.databases()) if (name) indexedDB.deleteDatabase(name);
		});
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await other.routeWebSocket(/\/collab/, (ws) => {
			const server = ws.connectToServer();
			server.onMessage((message) => void held.then(() => ws.send(message)));
		});
		await other.goto(boardUrl);
		const row = other.getByTestId('board-vote-result');
		await expect(row).toHaveCount(1);
		await expect(row).toHaveAttribute('data-missing', 'loading');
		await expect(row).not.toContainText(t('board_vote_deleted'));
		release();
		await expect(row).toContainText('Sportmaatje');
		await expect(row).not.toHaveAttribute('data-missing');
	} finally {
		await world.close();
	}
});

test('@board a round over the selected notes; the decider\'s supervote is marked apart from the dots', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'decider');
	const { facilitator, other, sprintId } = world;
	try {
		await openProblemMap(facilitator, sprintId);
		await addNote(facilitator, 'Niet in de ronde', 'idea');
		// A new note stays selected: the round is over that one note only.
		await addNote(facilitator, 'Stage bij de gemeente, met een vaste begeleider die elke week langskomt en meedenkt over school, werk en thuis', 'note');
		await openProblemMap(other, sprintId);
		await facilitator.getByTestId('board-vote-start').click();
		const dialog = facilitator.getByTestId('board-vote-dialog');
		await dialog.getByLabel(t('board_vote_scope_selection', { count: 1 })).check();
		await dialog.getByLabel(t('board_vote_per_person')).fill('2');
		await dialog.getByRole('button', { name: t('board_vote_go') }).click();
		await expect(facilitator.getByTestId('board-vote-status')).toContainText(t('board_vote_open', { count: 1 }));

		const stage = note(other, 'Stage bij de gemeente');
		await expect(other.getByTestId('board-vote-super-left')).toHaveText(t('board_vote_super_left'));
		// While voting the whole text is readable, not cut off mid-line.
		const text = stage.getByTestId('board-item-text');
		await expect(text).toContainText('werk en thuis');
		expect(await text.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
		await expect(note(other, 'Niet in de ronde').getByTestId('board-ballot')).toHaveCount(0);
		await stage.getByRole('button', { name: t('board_vote_super_label') }).click();
		await expect(stage.getByRole('button', { name: t('board_vote_super_retract_label') })).toBeVisible();
		await expect(other.getByTestId('board-vote-super-left')).toHaveText(t('board_vote_super_used'));
		await expect(stage.getByRole('button', { name: t('board_vote_super_label') })).toHaveCount(0);
		await stage.getByRole('button', { name: t('board_vote_cast_label') }).click();
		await expect(other.getByTestId('board-vote-left')).toHaveText(t('board_vote_left', { count: 1, total: 2 }));
		// A vote button only votes: the note is not selected, no item actions open over the others.
		await expect(other.getByTestId('board-selection-bar')).toHaveCount(0);
		await expect(other.locator('.svelte-flow__node.selected')).toHaveCount(0);

		await facilitator.getByTestId('board-vote-reveal').click();
		const onFacilitator = note(facilitator, 'Stage bij de gemeente');
		await expect(onFacilitator.getByTestId('board-note-votes')).toContainText('1');
		await expect(onFacilitator.getByTestId('board-note-supervote')).toBeVisible();
		const row = other.getByTestId('board-vote-result');
		await expect(row).toHaveCount(1);
		await expect(row).toHaveAttribute('data-supervotes', '1');
		await expect(row).toContainText(t('board_vote_supervote_mark'));
		await expect(row).toContainText(t('board_vote_count', { count: 1 }));
	} finally {
		await world.close();
	}
});

/**
 * The rules test bench and the signal check, as a policy advisor and a social worker use them.
 * Fixtures until the editor and publishing are there: the demo rule set (plus, for the fairness
 * check, a constructed indicator on gender) is written into the draft's realtime document, and a
 * published version is put in the database as the publication would.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { connectDoc } from '../support/app-server.js';
import { demoDraft, demoRuleSet } from '../../src/lib/rules/demo-ruleset';
import { writeDraft, type DraftIndicator } from '../../src/lib/rules/draft-doc';
import { createCoalition, createSprint, seriousViolations, shoot, signUp, t } from './helpers';
import { BASE_URL } from './playwright.config';

const DB = resolve(import.meta.dirname, '.output/db/meedoen.db');

/** A sprint with a rule set made through the list page; returns the ids. */
async function ruleSetInSprint(page: Page) {
	await signUp(page, 'Priya');
	const coalitionId = await createCoalition(page, `Coalitie ${randomBytes(4).toString('hex')}`);
	const sprintId = await createSprint(page, 'Op tijd erbij', coalitionId);
	await page.goto(`/sprints/${sprintId}/rules`);
	await page.getByLabel(t('rules_name')).fill('Samen op tijd');
	await page.getByRole('button', { name: t('rules_create') }).click();
	await expect(page).toHaveURL(new RegExp(`/sprints/${sprintId}/rules/[a-z2-7]{16}$`));
	return { sprintId, ruleSetId: page.url().split('/').pop()! };
}

/** The demo indicators and bands in the draft, plus a constructed one that singles out boys. */
async function writeDemoDraft(page: Page, sprintId: string, ruleSetId: string) {
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const conn = connectDoc(BASE_URL, cookie, `sprints/${sprintId}/rulesets/${ruleSetId}`);
	await conn.synced;
	const boys: DraftIndicator = {
		id: 'is_boy',
		kind: 'risk',
		name: 'Is een jongen (testgeval)',
		description: 'Een bewust oneerlijke regel om de eerlijkheidstoets te testen.',
		rationale: '',
		evidence: '',
		sourceIdeas: [],
		condition: { type: 'compare', field: 'gender', op: '==', value: 'jongen' },
		weight: 0.5,
		reviewBy: '2027-06-30'
	};
	writeDraft(conn.doc, { purpose: '', indicators: [...demoDraft.indicators.map((i) => ({ ...i, sourceIdeas: [] })), boys], bands: demoDraft.bands });
	// The server confirms it has the update once a round trip later; the sync reply is enough here.
	await new Promise((r) => setTimeout(r, 300));
	conn.destroy();
}

const bandCount = (page: Page, bandId: string) => page.getByTestId('bench-bands').locator(`[data-testid="bar-row"][data-key="${bandId}"] [data-testid="bar-count"]`);

test('@rules the test bench counts, explains, recounts what-if and warns about unfair groups', async ({ page }) => {
	const { sprintId, ruleSetId } = await ruleSetInSprint(page);
	await writeDemoDraft(page, sprintId, ruleSetId);
	// From the editor, as a policy advisor would go.
	await page.goto(`/sprints/${sprintId}/rules/${ruleSetId}`);
	await page.getByRole('link', { name: t('rules_bench_title'), exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('rules_bench_heading', { name: 'Samen op tijd' }));

	// Synthetic data: 5,000 young people, seed 1; the run is logged (kind and size only).
	const logged = page.waitForResponse((r) => r.url().endsWith('/bench/runs') && r.request().method() === 'POST');
	await page.getByRole('button', { name: t('rules_bench_run') }).click();
	await expect(page.getByTestId('bench-status')).toHaveText(t('rules_bench_loaded_synthetic', { n: (5000).toLocaleString('nl-NL'), seed: 1 }));
	expect((await logged).status()).toBe(201);
	expect((await logged).request().postDataJSON()).toEqual({ version: null, dataset: { kind: 'synthetic', size: 5000, seed: 1 } });
	const counts = async () => Promise.all(demoDraft.bands.map(async (b) => Number((await bandCount(page, b.id).textContent())!.replace(/\D/g, ''))));
	const before = await counts();
	expect(before.reduce((a, b) => a + b, 0)).toBe(5000);
	expect(before[2]).toBeGreaterThan(0);

	// An explanation: what to build on first, then the signals, with the values behind them.
	await page.getByTestId('bench-records').getByLabel(t('rules_bench_records_filter')).selectOption({ label: 'gesprek aanbevolen' });
	const first = page.getByTestId('record').first();
	await first.locator('summary').first().click();
	await expect(first.getByTestId('contrib-risk')).toContainText(/Vaak weg van school|Geen school, werk of opleiding|Geldzorgen thuis|Eenzaam en nergens bij/);
	await expect(first.getByTestId('contrib-protective')).toBeVisible();
	await shoot(page, 'rules-bench');

	// What-if: money worries weigh 6: more young people in "gesprek aanbevolen", at once; not saved.
	await page.getByTestId('weight-money_worries').fill('6');
	await expect(page.getByTestId('whatif-changed')).toHaveText(t('rules_bench_whatif_changed'));
	await expect.poll(async () => (await counts())[2]).toBeGreaterThan(before[2]);
	await page.getByRole('button', { name: t('rules_bench_whatif_reset') }).click();
	await expect.poll(counts).toEqual(before);

	// Fairness by gender: the constructed indicator weighs nothing, then heavily.
	const fairness = page.getByTestId('bench-fairness');
	await expect(page.getByTestId('proxy-is_boy')).toContainText('Gender');
	await expect(page.getByTestId('proxy-talent')).toHaveCount(0);
	const boysRow = fairness.locator('[data-testid="fair-row"][data-group="jongen"]');
	await page.getByTestId('weight-is_boy').fill('0');
	await expect(boysRow).toHaveAttribute('data-flag', '');
	await page.getByTestId('weight-is_boy').fill('4');
	await expect(boysRow).toHaveAttribute('data-flag', 'high');
	await expect(fairness.locator('[data-testid="fair-row"][data-group="meisje"]')).toHaveAttribute('data-flag', 'low');
	await expect(fairness.getByTestId('fair-warning')).toBeVisible();
	// And the advisor sees which indicator does it: the constructed one, for boys only.
	const boyRule = fairness.locator('[data-testid="fair-indicator"][data-indicator="is_boy"]');
	await expect(boyRule.locator('td[data-group="jongen"]')).toHaveAttribute('data-flag', 'high');
	await expect(boyRule.locator('td[data-group="meisje"]')).toHaveAttribute('data-flag', 'low');
	await expect(fairness.locator('[data-testid="fair-indicator"][data-indicator="talent"] td[data-group="jongen"]')).toHaveAttribute('data-flag', '');

	// Small numbers: no neighbourhood cell from 1 to 9 is shown.
	const cells = await page.getByTestId('bench-areas').locator('td').allTextContents();
	expect(cells.length).toBeGreaterThan(30);
	for (const text of cells) expect(/^[1-9]$/.test(text.trim())).toBe(false);

	// Close-ups for people to look at, next to the full pages.
	await fairness.screenshot({ path: resolve(import.meta.dirname, '.output/screens/rules-bench-fairness.png') });
	await page.getByTestId('whatif').screenshot({ path: resolve(import.meta.dirname, '.output/screens/rules-bench-whatif-panel.png') });
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: t('rules_bench_whatif_reset') }).click();
	await shoot(page, 'rules-bench-whatif');
});

test('@rules a bad CSV is refused whole with its rows and columns; a good one is tested in the browser', async ({ page }) => {
	const { sprintId, ruleSetId } = await ruleSetInSprint(page);
	await writeDemoDraft(page, sprintId, ruleSetId);
	await page.goto(`/sprints/${sprintId}/rules/${ruleSetId}/bench`);
	await page.getByLabel(t('rules_bench_kind_csv')).check();
	await expect(page.getByText(t('rules_bench_csv_privacy'))).toBeVisible();

	const requests: string[] = [];
	page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
	const bad = 'age,attendance_pct,sports_club,shoe_size\n15,80,true,40\n16,veel,ja,41\n';
	await page.getByLabel(t('rules_bench_file'), { exact: true }).setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: t('rules_bench_run') }).click();
	const refused = page.getByTestId('csv-refused');
	await expect(refused).toContainText(t('rules_bench_csv_refused'));
	await expect(refused).toContainText(t('rules_bench_csv_at_row_col', { row: 1, column: 'shoe_size' }));
	await expect(page.getByTestId('bench-bands')).toHaveCount(0);

	const good = 'age,attendance_pct,sports_club,talent\n15,80,true,muziek\n16,,false,geen\n17,95,,sport\n';
	await page.getByLabel(t('rules_bench_file'), { exact: true }).setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.getByRole('button', { name: t('rules_bench_run') }).click();
	await expect(page.getByTestId('bench-status')).toHaveText(t('rules_bench_loaded_csv', { n: 3, name: 'goed.csv' }));
	await expect(refused).toHaveCount(0);

	// The row errors of a file with wrong values, too.
	const wrong = 'age,attendance_pct,sports_club\n15,80,true\n16,veel,ja\n';
	await page.getByLabel(t('rules_bench_file'), { exact: true }).setInputFiles({ name: 'fout2.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
	await page.getByRole('button', { name: t('rules_bench_run') }).click();
	await expect(refused).toContainText(t('rules_bench_csv_at_row_col', { row: 3, column: 'attendance_pct' }));
	await expect(refused).toContainText(t('rules_bench_csv_at_row_col', { row: 3, column: 'sports_club' }));
	// Nothing half-loaded: the good file's three rows are still what is shown.
	await expect(page.getByTestId('bench-status')).toHaveText(t('rules_bench_loaded_csv', { n: 3, name: 'goed.csv' }));
	await shoot(page, 'rules-bench-csv-refused');

	// The files never went to the server: only the run of the good file was logged, by its size.
	const posts = requests.filter((r) => r.startsWith('POST'));
	expect(posts).toEqual([`POST ${BASE_URL}/sprints/${sprintId}/rules/${ruleSetId}/bench/runs`]);
});

test('@rules the signal check shows what to build on, the signals and "geen besluit", and sends nothing', async ({ page }) => {
	const { sprintId, ruleSetId } = await ruleSetInSprint(page);
	const db = new Database(DB);
	try {
		db.prepare('INSERT INTO rule_versions (id, rule_set_id, number, definition, author_name, published_at) VALUES (?, ?, 1, ?, ?, ?)').run(
			randomBytes(8).toString('hex'),
			ruleSetId,
			JSON.stringify({ ...demoRuleSet, id: ruleSetId }),
			'Priya',
			Date.now()
		);
	} finally {
		db.close();
	}
	await page.setViewportSize({ width: 768, height: 1024 });
	// From the rule set's published versions.
	await page.goto(`/sprints/${sprintId}/rules/${ruleSetId}/versions`);
	await page.getByTestId('version').getByRole('link', { name: t('rules_sigcheck_link') }).click();
	await expect(page).toHaveURL(new RegExp(`/rules/${ruleSetId}/versions/1/signal$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('rules_sigcheck_title'));
	await page.waitForLoadState('networkidle');

	const requests: string[] = [];
	page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));

	// By keyboard, as during a conversation.
	const attendance = page.getByRole('textbox', { name: /Aanwezigheid op school/ });
	await attendance.focus();
	await page.keyboard.type('70');
	await page.getByRole('group', { name: 'Lid van een sportclub' }).getByLabel(t('rules_bench_yes')).check();
	await page.getByRole('combobox', { name: 'Talent of hobby' }).selectOption('muziek');
	await page.getByRole('group', { name: 'Vertrouwde volwassene' }).getByLabel(t('rules_sigcheck_dont_know')).check();

	const result = page.getByTestId('signal-result');
	await expect(result.getByTestId('contrib-protective')).toContainText('Heeft een talent of hobby');
	await expect(result.getByTestId('contrib-protective')).toContainText('Doet mee: sportclub of vrijwilligerswerk');
	await expect(result.getByTestId('contrib-risk')).toContainText('Vaak weg van school');
	// The B1 description of the signal, not only its name.
	await expect(result.getByTestId('contrib-risk')).toContainText('De jongere was minder dan 85% van de lessen aanwezig');
	await expect(result.getByText(t('rules_signal_not_decision'))).toBeVisible();
	// Protective factors come first on the page.
	const order = await result.locator('[data-testid^="contrib-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
	expect(order).toEqual(['contrib-protective', 'contrib-risk']);
	await expect(result.getByTestId('signal-band')).toContainText('geen');
	expect(await seriousViolations(page)).toEqual([]);
	await shoot(page, 'rules-signal-check');
	expect(requests, 'no request while answering').toEqual([]);

	await page.getByTestId('clear-all').click();
	await expect(result).toContainText(t('rules_sigcheck_start'));
	await expect(attendance).toHaveValue('');
	expect(requests).toEqual([]);
});

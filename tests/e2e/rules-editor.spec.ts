/**
 * The rules editor through the real UI, in three browsers: the coordinator describes a field in
 * the data dictionary, builds a talent from an idea young people validated in the visual builder,
 * and requests approval; partners of two other organisations approve; the coordinator publishes
 * and downloads the export, which parses as meedoen.ruleset/1. Screenshots of the editor and the
 * versions page at laptop and tablet size.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seedAnswers } from '../support/app-server.js';
import { exportedRuleSetSchema } from '../../src/lib/rules/model';
import { acceptInvite, addNote, addOrganisation, addToSprint, createCoalition, createInviteLink, createSprint, openProblemMap, seriousViolations, shoot, signUp, t } from './helpers';

const DB = resolve(import.meta.dirname, '.output/db/meedoen.db');
const IDEA = 'Talentenkaart: laat zien waar je goed in bent';

/** An idea on the problem map, chosen, tested in a round that five young people answered (put in directly), and confirmed validated. */
async function validatedIdea(page: Page, sprintId: string) {
	await openProblemMap(page, sprintId);
	await addNote(page, IDEA, 'idea');
	await page.goto(`/sprints/${sprintId}/ideas`);
	await page.getByRole('listitem').filter({ hasText: IDEA }).getByRole('button', { name: t('ideas_select') }).click();
	await expect(page.getByRole('button', { name: t('ideas_unselect') })).toBeVisible();
	await page.goto(`/sprints/${sprintId}/tests`);
	await page.getByLabel(t('rounds_field_title')).fill('Jongerencentrum');
	await page.getByRole('button', { name: t('rounds_create') }).click();
	await expect(page.getByTestId('round-item')).toHaveCount(1);
	const roundId = page.url().split('/').pop()!;
	const view = await (await page.request.get(`/sprints/${sprintId}/tests/${roundId}/live`)).json();
	seedAnswers(DB, roundId, view.items[0].id, ['yes', 'yes', 'yes', 'yes', 'no'].map((help) => ({ reaction: 'good', help, text: 'ok' })));
	const item = page.getByTestId('round-item').filter({ hasText: IDEA });
	await expect(item.getByTestId('verdict')).toContainText(t('rounds_verdict_validated'));
	await item.getByRole('button', { name: t('rounds_decision_save') }).click();
	await expect(item.getByTestId('verdict')).toContainText(t('rounds_decided_validated'));
}

test('@rules a talent built from a validated idea, approved by two other organisations, published and exported', async ({ browser }) => {
	test.setTimeout(180_000);
	const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
	const [anna, gijs, gerrit] = await Promise.all(contexts.map((c) => c.newPage()));
	try {
		await signUp(anna, 'Anna');
		const coalitionName = `Coalitie regels ${Date.now().toString(36)}`;
		const coalitionId = await createCoalition(anna, coalitionName);
		for (const org of ['GGD', 'Gemeente']) await addOrganisation(anna, org, org === 'GGD' ? 'health' : 'municipality');
		for (const [page, name, org] of [[gijs, 'Gijs', 'GGD'], [gerrit, 'Gerrit', 'Gemeente']] as const) {
			await anna.goto(`/coalitions/${coalitionId}`);
			const link = await createInviteLink(anna, org);
			await signUp(page, name);
			await acceptInvite(page, link, coalitionName);
		}

		// The data dictionary: a field, and a special category that is never offered in a condition.
		await anna.goto(`/coalitions/${coalitionId}`);
		await anna.getByRole('link', { name: t('rules_fields_link') }).click();
		const add = anna.getByRole('region', { name: t('rules_field_new') });
		await add.getByLabel(t('rules_field_label')).fill('Lid van een sportclub');
		await add.getByLabel(t('rules_field_key')).fill('sports_club');
		await add.getByLabel(t('rules_field_type')).selectOption('boolean');
		await add.getByLabel(t('rules_field_source')).fill('GGD jeugdmonitor');
		await add.getByRole('button', { name: t('add') }).click();
		await expect(anna.getByTestId('field').filter({ hasText: 'Lid van een sportclub' })).toBeVisible();
		await add.getByLabel(t('rules_field_label')).fill('Geloof');
		await add.getByLabel(t('rules_field_key')).fill('religion');
		await add.getByLabel(t('rules_field_type')).selectOption('category');
		await add.getByLabel(t('rules_field_values')).fill('geen\nwel');
		await add.getByLabel(new RegExp(t('rules_sensitivity_special'))).check();
		await add.getByRole('button', { name: t('add') }).click();
		await expect(anna.getByTestId('field').filter({ hasText: 'Geloof' })).toContainText(t('rules_never_in_condition'));
		expect(await seriousViolations(anna), 'axe on the fields page').toEqual([]);

		const sprintId = await createSprint(anna, 'Sprint regels', coalitionId);
		await addToSprint(anna, 'Gijs', 'partner');
		await addToSprint(anna, 'Gerrit', 'decider');
		await validatedIdea(anna, sprintId);

		// A rule set, from the sprint page.
		await anna.goto(`/sprints/${sprintId}`);
		await anna.getByRole('link', { name: t('rules_sprint_link'), exact: true }).click();
		await anna.getByLabel(t('rules_name')).fill('Samen op tijd');
		await anna.getByRole('button', { name: t('rules_create') }).click();
		await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Samen op tijd');
		await expect(anna.getByTestId('collab-status')).toHaveAttribute('data-synced', 'true');
		const editorUrl = anna.url();

		// Start from talents: a talent made from the validated idea, with its evidence.
		await anna.getByLabel(t('rules_idea')).selectOption({ label: `${IDEA} (${t('rules_idea_evidence', { n: 5, share: 80 })})` });
		await anna.getByLabel(t('rules_kind'), { exact: true }).selectOption('protective');
		await anna.getByRole('button', { name: t('rules_make_indicator') }).click();
		const talent = anna.getByTestId('talents').getByTestId('indicator');
		await expect(talent).toHaveCount(1);
		await expect(talent.getByTestId('linked-ideas')).toContainText(t('rules_idea_evidence', { n: 5, share: 80 }));
		await talent.getByLabel(t('rules_indicator_name')).fill('Sport in een club');
		await talent.getByLabel(t('rules_description')).fill('De jongere is lid van een sportclub.');
		await talent.getByLabel(t('rules_rationale')).fill('Een club geeft ritme, vrienden en mensen om op terug te vallen.');
		await expect(talent.getByText(t('rules_issue_group_empty'))).toBeVisible();
		// The visual builder: "all of these hold" with one comparison; the special field is not offered.
		await talent.getByRole('button', { name: `+ ${t('rules_condition_add_compare')}` }).click();
		const field = talent.getByLabel(t('rules_condition_field'));
		await expect(field.locator('option')).toHaveText(['Lid van een sportclub']);
		await expect(talent.getByLabel(t('rules_condition_op'))).toHaveValue('==');
		await expect(talent.getByLabel(t('rules_condition_value'), { exact: true })).toHaveValue('true');
		await expect(anna.getByTestId('check')).toContainText(t('rules_check_ok'));
		await expect(anna.getByTestId('collab-saved')).toHaveAttribute('data-saved', 'saved');
		expect(await seriousViolations(anna), 'axe on the editor').toEqual([]);
		await shoot(anna, 'rules-editor');

		await anna.getByRole('button', { name: t('rules_request') }).click();
		await expect(anna.getByRole('heading', { level: 1 })).toHaveText(t('rules_versions_link'));
		await expect(anna.getByTestId('ruleset-status')).toHaveText(t('rules_status_in_review'));
		const versionsUrl = anna.url();

		// Two other organisations approve, each from its own browser.
		for (const [page, org] of [[gijs, 'GGD'], [gerrit, 'Gemeente']] as const) {
			await page.goto(versionsUrl);
			await expect(page.getByTestId('review')).toContainText('Sport in een club');
			await page.getByRole('button', { name: t('rules_approve') }).click();
			await expect(page.getByTestId('review').getByRole('listitem').filter({ hasText: org })).toContainText(t('rules_approved'));
		}
		// The draft stays read-only while it waits.
		await gijs.goto(editorUrl);
		await expect(gijs.getByText(t('rules_frozen_review'))).toBeVisible();
		await expect(gijs.getByTestId('indicator').getByLabel(t('rules_indicator_name'))).toHaveAttribute('readonly', '');

		await anna.reload();
		await expect(anna.getByTestId('approval-progress')).toHaveText(t('rules_approvals_count', { count: 2, min: 2 }));
		// The log says who made the talent while the draft was live, and who approved.
		const log = anna.getByRole('region', { name: t('rules_audit_title') });
		await expect(log.getByRole('row').filter({ hasText: 'Anna' }).filter({ hasText: t('rules_audit_draft_added', { name: 'Sport in een club' }) })).toHaveCount(1);
		await expect(log.getByRole('row').filter({ hasText: 'Gijs' }).filter({ hasText: t('rules_audit_approved', { organisation: 'GGD' }) })).toHaveCount(1);
		expect(await seriousViolations(anna), 'axe on the versions page').toEqual([]);
		await shoot(anna, 'rules-review');
		await anna.setViewportSize({ width: 1280, height: 800 });
		await anna.getByRole('button', { name: t('rules_publish') }).click();
		await expect(anna.getByText(t('rules_published_n', { n: 1 }))).toBeVisible();
		await expect(anna.getByTestId('version')).toHaveCount(1);
		await shoot(anna, 'rules-versions');

		const [download] = await Promise.all([anna.waitForEvent('download'), anna.getByTestId('export-json').click()]);
		expect(download.suggestedFilename()).toBe('samen-op-tijd-v1.json');
		const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(exportedRuleSetSchema.safeParse(exported).success).toBe(true);
		expect(exported).toMatchObject({ format: 'meedoen.ruleset/1', version: 1, name: 'Samen op tijd' });
		expect(exported.approvals.map((a: { organisation: string }) => a.organisation)).toEqual(['GGD', 'Gemeente']);
		expect(exported.indicators).toEqual([
			expect.objectContaining({ name: 'Sport in een club', kind: 'protective', weight: 1, jsonlogic: { '==': [{ var: 'sports_club' }, true] }, sourceIdeas: [IDEA] })
		]);
		expect(exported.fields.map((f: { key: string }) => f.key)).toEqual(['sports_club']);
	} finally {
		await Promise.all(contexts.map((c) => c.close()));
	}
});

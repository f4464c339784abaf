/**
 * Steps shared by the end-to-end specs. Everything goes through the real UI (forms, links,
 * the live brief), the way a person would use it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';

const MESSAGES_DIR = resolve(import.meta.dirname, '../../src/lib/i18n/messages');
const load = (lang: string) => JSON.parse(readFileSync(resolve(MESSAGES_DIR, `${lang}.json`), 'utf8')) as Record<string, string>;
const MESSAGES = { nl: load('nl'), en: load('en') };

/** The text of a message as the app shows it, so the specs follow the message files. */
export function t(key: string, params: Record<string, string | number> = {}, lang: 'nl' | 'en' = 'nl'): string {
	const text = MESSAGES[lang][key];
	if (typeof text !== 'string') throw new Error(`no message ${key} in ${lang}`);
	return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const PASSWORD = 'paars fietsje op het dak';

let counter = 0;
/** A unique e-mail address per call (the database lives for the whole run). */
export function uniqueEmail(who: string): string {
	return `${who}.${Date.now().toString(36)}${(counter++).toString(36)}@example.org`;
}

export type Person = { name: string; email: string };

export async function signUp(page: Page, name: string): Promise<Person> {
	const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, ''));
	await page.goto('/signup');
	await page.getByLabel(t('field_name')).fill(name);
	await page.getByLabel(t('field_email')).fill(email);
	await page.getByLabel(t('field_password')).fill(PASSWORD);
	await page.getByRole('button', { name: t('signup_submit') }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	return { name, email };
}

export async function logIn(page: Page, person: Person) {
	await page.goto('/login');
	await page.getByLabel(t('field_email')).fill(person.email);
	await page.getByLabel(t('field_password')).fill(PASSWORD);
	await page.getByRole('button', { name: t('login_submit') }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
}

/** Creates a coalition from the dashboard; returns its id. */
export async function createCoalition(page: Page, name: string): Promise<string> {
	await page.goto('/dashboard');
	await page.getByRole('link', { name: t('coalition_new') }).click();
	await expect(page).toHaveURL(/\/coalitions\/new$/);
	await page.getByLabel(t('coalition_name')).fill(name);
	await page.getByRole('button', { name: t('coalition_create') }).click();
	await expect(page).toHaveURL(/\/coalitions\/[\w-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return page.url().split('/').pop()!;
}

/** On the coalition page: adds an organisation of a kind (message key suffix, e.g. 'youth_care'). */
export async function addOrganisation(page: Page, name: string, kind: string) {
	const section = page.getByRole('region', { name: t('organisations_title') });
	await section.getByLabel(t('organisation_name')).fill(name);
	await section.getByLabel(t('organisation_kind')).selectOption({ label: t('kind_' + kind) });
	await section.getByRole('button', { name: t('add') }).click();
	await expect(section.getByRole('listitem').filter({ hasText: name })).toContainText(t('kind_' + kind));
}

/** On the coalition page (as coordinator): makes an invite link and returns it. */
export async function createInviteLink(page: Page, organisation?: string): Promise<string> {
	const section = page.getByRole('region', { name: t('members_title') });
	if (organisation) await section.getByLabel(t('organisation_label')).selectOption({ label: organisation });
	await section.getByRole('button', { name: t('invite_create') }).click();
	const link = page.getByTestId('invite-link');
	await expect(link).toHaveText(/\/invite\/[a-z0-9]+$/);
	return (await link.textContent())!.trim();
}

export async function acceptInvite(page: Page, link: string, coalitionName: string) {
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('invite_accept_title'));
	await page.getByRole('button', { name: t('invite_accept') }).click();
	await expect(page).toHaveURL(/\/coalitions\/[\w-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(coalitionName);
}

/** Creates a sprint in a coalition; returns its id. */
export async function createSprint(page: Page, title: string, coalitionId: string): Promise<string> {
	await page.goto(`/coalitions/${coalitionId}`);
	await page.getByRole('link', { name: t('sprint_new') }).click();
	await expect(page).toHaveURL(/\/sprints\/new/);
	await page.getByLabel(t('sprint_title_field')).fill(title);
	await expect(page.getByLabel(t('coalition_label'))).toHaveValue(coalitionId);
	await page.getByLabel(t('sprint_start_date')).fill('2026-11-02');
	await page.getByLabel(t('sprint_days')).selectOption('4');
	await page.getByRole('button', { name: t('sprint_create') }).click();
	await expect(page).toHaveURL(/\/sprints\/[\w-]+$/);
	expect(page.url()).not.toMatch(/\/sprints\/new$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	return page.url().split('/').pop()!;
}

/** On the sprint page (as facilitator): puts a coalition member into the sprint with a role. */
export async function addToSprint(page: Page, name: string, role: 'facilitator' | 'decider' | 'partner' | 'observer') {
	const team = page.getByRole('region', { name: t('sprint_team') });
	const person = team.getByLabel(t('sprint_member_person'));
	const option = person.locator('option', { hasText: name });
	await person.selectOption((await option.getAttribute('value'))!);
	await team.locator('#new-role').selectOption(role);
	await team.getByRole('button', { name: t('add'), exact: true }).click();
	const row = team.getByRole('listitem').filter({ hasText: name });
	await expect(row.getByRole('combobox')).toHaveValue(role);
}

/** Waits until the live brief is connected and synced with the server. */
export async function waitForBrief(page: Page) {
	const status = page.getByTestId('collab-status');
	await expect(status).toHaveAttribute('data-status', 'connected');
	await expect(status).toHaveAttribute('data-synced', 'true');
	await expect(status).toHaveText(t('collab_connected'));
}

/** Axe on the current page; returns the serious and critical violations, readable. */
export async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	// Guard against a scan that silently checked nothing.
	expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(10);
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * A coalition with a sprint: the facilitator (who made both) and one more person who joined the
 * coalition through an invite link and was added to the sprint with `role`. Each in their own
 * browser context (separate cookies), as two laptops would be (or a tablet: `devices` sets up a context).
 */
export async function sprintWithTwo(
	browser: Browser,
	role: 'partner' | 'observer' | 'decider',
	names = { facilitator: 'Fatima', other: 'Daan' },
	devices: { facilitator?: BrowserContextOptions; other?: BrowserContextOptions } = {}
) {
	const facilitatorContext = await browser.newContext(devices.facilitator);
	const otherContext = await browser.newContext(devices.other);
	const facilitator = await facilitatorContext.newPage();
	const other = await otherContext.newPage();

	await signUp(facilitator, names.facilitator);
	const coalitionName = `Coalitie ${uniqueEmail('c').split('@')[0]}`;
	const coalitionId = await createCoalition(facilitator, coalitionName);
	await addOrganisation(facilitator, 'Jongerenwerk Noord', 'youth_care');
	const link = await createInviteLink(facilitator, 'Jongerenwerk Noord');
	const sprintId = await createSprint(facilitator, 'Samen naar school', coalitionId);

	await signUp(other, names.other);
	await acceptInvite(other, link, coalitionName);

	await facilitator.goto(`/sprints/${sprintId}`);
	await addToSprint(facilitator, names.other, role);

	return {
		facilitator,
		other,
		sprintId,
		coalitionId,
		names,
		close: async () => {
			await facilitatorContext.close();
			await otherContext.close();
		}
	};
}

/** Opens the sprint's problem map (every new sprint gets one) and waits until it is live. */
export async function openProblemMap(page: Page, sprintId: string) {
	await page.goto(`/sprints/${sprintId}/boards`);
	await page.getByRole('link', { name: t('board_problem_map_title') }).click();
	await expect(page.getByTestId('board')).toBeVisible();
	await expect(page.getByTestId('collab-status')).toHaveAttribute('data-synced', 'true');
	await expect(page.getByTestId('board-group').first()).toBeVisible();
	// The first view shows the map's whole width, so it is zoomed out (the map is 1600 wide).
	await expect.poll(() => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.svelte-flow__viewport')!).transform).a)).toBeLessThan(0.9);
}

/** Adds a note with a text through the toolbar; with `kind`, picks that kind first. */
export async function addNote(page: Page, text: string, kind?: 'idea' | 'note') {
	if (kind) await page.getByTestId('board-new-kind').selectOption(kind);
	await page.getByTestId('board-add-note').click();
	const editor = page.getByTestId('board-item-editor');
	await expect(editor).toBeFocused();
	await page.keyboard.type(text);
	await page.keyboard.press('Escape');
	await expect(editor).toHaveCount(0);
}

const SCREENS_DIR = resolve(import.meta.dirname, '.output/screens');
const SCREEN_SIZES = [
	{ width: 1280, height: 800 },
	{ width: 768, height: 1024 }
];

/**
 * Full-page screenshots at a laptop and a tablet size, for people to look at
 * (tests/e2e/.output/screens/), checking that nothing makes the page scroll sideways.
 */
export async function shoot(page: Page, name: string) {
	for (const size of SCREEN_SIZES) {
		await page.setViewportSize(size);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `${name} scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `${SCREENS_DIR}/${name}-${size.width}.png`, fullPage: true });
	}
	await page.setViewportSize(SCREEN_SIZES[0]);
}

/** On the sprint's prototype list: creates a prototype from a template and opens its studio. */
export async function createPrototype(page: Page, sprintId: string, name: string, template: 'blank' | 'signal_app' | 'youth_checkin', device: 'phone' | 'tablet' = 'phone') {
	await page.goto(`/sprints/${sprintId}`);
	await page.getByRole('link', { name: t('proto_sprint_link') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('proto_title'));
	await page.getByLabel(t('proto_name')).fill(name);
	await page.getByLabel(device === 'phone' ? t('proto_device_phone') : t('proto_device_tablet')).check();
	await page.getByRole('radio', { name: t(`proto_template_${template}`) }).check();
	await page.getByRole('button', { name: t('proto_create') }).click();
	await expect(page).toHaveURL(/\/prototypes\/[a-z2-7]{16}$/);
	await waitForStudio(page);
	return page.url();
}

export async function waitForStudio(page: Page) {
	await expect(page.getByTestId('collab-status')).toHaveAttribute('data-synced', 'true');
	await expect(page.getByTestId('screen-item').first()).toBeVisible();
}

/**
 * An element's box once it stopped moving (a board or flow view fitting itself, a new note being
 * placed): two reads in a row alike. Drags aimed at a box read mid-move miss on a busy machine.
 */
export async function settledBox(locator: Locator) {
	let last = '';
	await expect
		.poll(async () => {
			const box = JSON.stringify(await locator.boundingBox());
			const settled = box === last && box !== 'null';
			last = box;
			return settled;
		})
		.toBe(true);
	return JSON.parse(last) as { x: number; y: number; width: number; height: number };
}

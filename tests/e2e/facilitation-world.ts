/**
 * The room for the @facilitation specs: a facilitator and two participants (a partner and a
 * decider), each in a browser context of their own, in a 5-day sprint that starts today (so the
 * agenda's "now" and "next" are about today). An observer can be added to it.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { acceptInvite, addOrganisation, addToSprint, createCoalition, createInviteLink, signUp, t, uniqueEmail } from './helpers';

/** Today's date and the minute of the day in Dutch time (the sprint's clock). */
export function amsterdamNow(): { date: string; minute: number } {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
			.formatToParts(new Date())
			.map((p) => [p.type, p.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export type Room = { facilitator: Page; partner: Page; decider: Page; sprintId: string; coalitionId: string; close(): Promise<void>; join(name: string, role: 'observer' | 'partner'): Promise<Page> };

export async function facilitationRoom(browser: Browser, title = 'Samen sterker'): Promise<Room> {
	const contexts = [await browser.newContext(), await browser.newContext(), await browser.newContext()];
	const [facilitator, partner, decider] = await Promise.all(contexts.map((c) => c.newPage()));
	await signUp(facilitator, 'Fatima');
	const coalitionName = `Coalitie ${uniqueEmail('c').split('@')[0]}`;
	const coalitionId = await createCoalition(facilitator, coalitionName);
	await addOrganisation(facilitator, 'Jongerenwerk Noord', 'youth_care');
	// An invite link is used once: one per person.
	const invite = async () => {
		await facilitator.goto(`/coalitions/${coalitionId}`);
		return createInviteLink(facilitator, 'Jongerenwerk Noord');
	};

	await facilitator.goto(`/coalitions/${coalitionId}`);
	await facilitator.getByRole('link', { name: t('sprint_new') }).click();
	await facilitator.getByLabel(t('sprint_title_field')).fill(title);
	await facilitator.getByLabel(t('sprint_start_date')).fill(amsterdamNow().date);
	await facilitator.getByLabel(t('sprint_days')).selectOption('5');
	await facilitator.getByRole('button', { name: t('sprint_create') }).click();
	await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText(title);
	const sprintId = facilitator.url().split('/').pop()!;

	for (const [page, name] of [[partner, 'Daan'], [decider, 'Yara']] as const) {
		await signUp(page, name);
		await acceptInvite(page, await invite(), coalitionName);
	}
	await facilitator.goto(`/sprints/${sprintId}`);
	await addToSprint(facilitator, 'Daan', 'partner');
	await addToSprint(facilitator, 'Yara', 'decider');

	return {
		facilitator,
		partner,
		decider,
		sprintId,
		coalitionId,
		async join(name, role) {
			const context = await browser.newContext();
			contexts.push(context);
			const page = await context.newPage();
			await signUp(page, name);
			await acceptInvite(page, await invite(), coalitionName);
			await facilitator.goto(`/sprints/${sprintId}`);
			await addToSprint(facilitator, name, role);
			return page;
		},
		async close() {
			for (const context of contexts) await context.close();
		}
	};
}

import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { sprintWithTwo, t, waitForBrief } from './helpers';

test('@foundation two people co-edit the brief live and see each other', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId, names } = world;
	try {
		await other.goto(`/sprints/${sprintId}`);
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Samen naar school');
		await facilitator.reload();
		await waitForBrief(facilitator);
		await waitForBrief(other);

		// Presence: each sees the other (and themselves, marked).
		await expect(facilitator.getByTestId('presence')).toContainText(names.other);
		await expect(other.getByTestId('presence')).toContainText(names.facilitator);
		await expect(facilitator.getByTestId('presence').getByRole('listitem')).toHaveCount(2);
		await expect(other.getByTestId('presence')).toContainText(`${names.other} (${t('collab_you')})`);

		// The goal, typed in one, appears in the other, and back.
		const goalA = facilitator.getByTestId('brief-goal');
		const goalB = other.getByTestId('brief-goal');
		await expect(goalA).toBeEditable();
		await expect(goalB).toBeEditable();
		await goalA.click();
		await facilitator.keyboard.type('Over twee jaar voelt elke jongere in Oost zich welkom.');
		await expect(goalB).toHaveValue('Over twee jaar voelt elke jongere in Oost zich welkom.');
		await goalB.press('End');
		await other.keyboard.type(' Ook op school.');
		await expect(goalA).toHaveValue('Over twee jaar voelt elke jongere in Oost zich welkom. Ook op school.');

		// A sprint question added in one appears in the other.
		await expect(other.getByText(t('brief_no_questions'))).toBeVisible();
		await facilitator.getByRole('button', { name: t('brief_question_add') }).click();
		const questionA = facilitator.getByTestId('brief-question');
		await expect(questionA).toHaveCount(1);
		await expect(questionA).toBeFocused();
		await expect(questionA).toHaveAttribute('placeholder', t('brief_question_placeholder'));
		await facilitator.keyboard.type('Kunnen we jongeren zelf laten kiezen waar ze hulp vinden?');
		const questionB = other.getByTestId('brief-question');
		await expect(questionB).toHaveCount(1);
		await expect(questionB).toHaveValue(`Kunnen we jongeren zelf laten kiezen waar ze hulp vinden?`);
		await expect(other.getByText(t('brief_no_questions'))).toHaveCount(0);

		// The second person adds one too; both see two, in the same order.
		await other.getByRole('button', { name: t('brief_question_add') }).click();
		await other.keyboard.type('Kunnen we ouders vroeg betrekken?');
		await expect(questionA).toHaveCount(2);
		await expect(questionA.nth(1)).toHaveValue(`Kunnen we ouders vroeg betrekken?`);

		// What was written is stored: a fresh load shows it.
		await other.reload();
		await waitForBrief(other);
		await expect(goalB).toHaveValue('Over twee jaar voelt elke jongere in Oost zich welkom. Ook op school.');
		await expect(questionB).toHaveCount(2);

		// When one leaves, the other no longer sees them.
		await other.close();
		await expect(facilitator.getByTestId('presence')).not.toContainText(names.other, { timeout: 45_000 });
	} finally {
		await world.close();
	}
});

test('@foundation an observer sees the brief read-only and cannot change it', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'observer', { facilitator: 'Femke', other: 'Otto' });
	const { facilitator, other: observer, sprintId } = world;
	try {
		await waitForBrief(facilitator);
		await facilitator.getByTestId('brief-goal').fill('Alle jongeren hebben een plek.');
		await facilitator.getByRole('button', { name: t('brief_question_add') }).click();
		await facilitator.keyboard.type('Kunnen we een plek vinden na school?');

		await observer.goto(`/sprints/${sprintId}`);
		await waitForBrief(observer);
		await expect(observer.getByText(t('brief_read_only'))).toBeVisible();
		const goal = observer.getByTestId('brief-goal');
		await expect(goal).toHaveValue('Alle jongeren hebben een plek.');
		await expect(goal).toHaveAttribute('readonly', '');
		await expect(goal).not.toBeEditable();
		await expect(observer.getByTestId('brief-question')).toHaveValue(`Kunnen we een plek vinden na school?`);
		await expect(observer.getByTestId('brief-question')).not.toBeEditable();
		await expect(observer.getByRole('button', { name: t('brief_question_add') })).toHaveCount(0);
		await expect(observer.getByRole('button', { name: t('brief_question_remove', { n: 1 }) })).toHaveCount(0);
		// No team management for an observer either.
		await expect(observer.getByRole('button', { name: t('add'), exact: true })).toHaveCount(0);
		await observer.screenshot({ path: resolve(import.meta.dirname, '.output/screens/sprint-observer-1280.png'), fullPage: true });

		// Typing does nothing.
		await goal.click();
		await observer.keyboard.type('Niet waar');
		await expect(goal).toHaveValue('Alle jongeren hebben een plek.');

		// Even with the readonly attribute removed in the browser, the server keeps the brief as it was.
		await goal.evaluate((el) => el.removeAttribute('readonly'));
		await goal.click();
		await goal.press('End');
		await observer.keyboard.type(' GEHACKT');
		await expect(goal).toHaveValue('Alle jongeren hebben een plek. GEHACKT');
		// Give the change time to travel, then check the facilitator and a fresh load.
		await facilitator.getByTestId('brief-goal').press('End');
		await facilitator.keyboard.type('!');
		await expect(observer.getByTestId('brief-goal')).toHaveValue(/!/);
		await expect(facilitator.getByTestId('brief-goal')).toHaveValue('Alle jongeren hebben een plek.!');
		await observer.reload();
		await waitForBrief(observer);
		await expect(observer.getByTestId('brief-goal')).toHaveValue('Alle jongeren hebben een plek.!');
		await facilitator.reload();
		await waitForBrief(facilitator);
		await expect(facilitator.getByTestId('brief-goal')).toHaveValue('Alle jongeren hebben een plek.!');
	} finally {
		await world.close();
	}
});

test('@foundation a role change reaches an open page at once, and logging out elsewhere stops editing', async ({ browser }) => {
	const world = await sprintWithTwo(browser, 'partner');
	const { facilitator, other, sprintId, names } = world;
	try {
		await other.goto(`/sprints/${sprintId}`);
		await waitForBrief(other);
		await expect(other.getByTestId('brief-goal')).toBeEditable();

		// The facilitator makes Daan an observer: his open page turns read-only without a reload.
		await facilitator.goto(`/sprints/${sprintId}`);
		await facilitator.getByLabel(t('sprint_member_role_label', { name: names.other }), { exact: true }).selectOption('observer');
		await facilitator.getByRole('button', { name: t('sprint_member_save_label', { name: names.other }) }).click();
		await expect(other.getByTestId('brief-goal')).not.toBeEditable();
		await expect(other.getByText(t('brief_read_only'))).toBeVisible();
		await expect(other.getByTestId('collab-status')).toHaveAttribute('data-status', 'connected');

		// Daan logs out in a second tab: the first tab says so and stops editing.
		const second = await other.context().newPage();
		await second.goto('/dashboard');
		await second.getByRole('button', { name: t('logout') }).click();
		await expect(second).toHaveURL(/\/login$/);
		await expect(other.getByTestId('collab-ended')).toBeVisible();
		await expect(other.getByTestId('collab-ended')).toContainText(t('collab_session_ended'));
	} finally {
		await world.close();
	}
});

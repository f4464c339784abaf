import { expect, test } from '@playwright/test';
import { PASSWORD, signUp, t, uniqueEmail } from './helpers';

test.describe('bad input', () => {
	test('@foundation signup with a short password says so on the form', async ({ page }) => {
		await page.goto('/signup');
		const password = page.getByLabel(t('field_password'));
		await page.getByLabel(t('field_name')).fill('Kim');
		await page.getByLabel(t('field_email')).fill(uniqueEmail('kim'));
		await password.fill('kort');
		await expect(password).toHaveAttribute('aria-describedby', /password-hint/);
		// The browser stops it first ...
		expect(await password.evaluate((el: HTMLInputElement) => el.validity.tooShort)).toBe(true);
		// ... and the server says it too when that check is skipped.
		await page.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
		await page.getByRole('button', { name: t('signup_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('error_password_too_short'));
		await expect(password).toHaveAttribute('aria-invalid', 'true');
		// The field points at the message, so a screen reader reads it with the field.
		const errorId = await page.getByRole('alert').getAttribute('id');
		await expect(password).toHaveAttribute('aria-describedby', new RegExp(`\\b${errorId}\\b`));
		await expect(page).toHaveURL(/\/signup$/);
		// What was typed (but not the password) is kept.
		await expect(page.getByLabel(t('field_name'))).toHaveValue('Kim');
	});

	test('@foundation signup with an e-mail address that already has an account says so', async ({ page, browser }) => {
		const first = await browser.newContext();
		const person = await signUp(await first.newPage(), 'Bram');
		await first.close();

		await page.goto('/signup');
		await page.getByLabel(t('field_name')).fill('Bram twee');
		await page.getByLabel(t('field_email')).fill(person.email.toUpperCase());
		await page.getByLabel(t('field_password')).fill(PASSWORD);
		await page.getByRole('button', { name: t('signup_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('error_email_taken'));
		await expect(page.getByLabel(t('field_email'))).toHaveAttribute('aria-invalid', 'true');
		await expect(page).toHaveURL(/\/signup$/);
	});

	test('@foundation login with a wrong password says so and keeps the e-mail address', async ({ page, browser }) => {
		const first = await browser.newContext();
		const person = await signUp(await first.newPage(), 'Lotte');
		await first.close();

		await page.goto('/login');
		await page.getByLabel(t('field_email')).fill(person.email);
		await page.getByLabel(t('field_password')).fill('dit is niet het wachtwoord');
		await page.getByRole('button', { name: t('login_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('error_login_failed'));
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.getByLabel(t('field_email'))).toHaveValue(person.email);

		// The right password still works afterwards.
		await page.getByLabel(t('field_password')).fill(PASSWORD);
		await page.getByRole('button', { name: t('login_submit') }).click();
		await expect(page).toHaveURL(/\/dashboard$/);
	});
});

test('@foundation switching the language to English changes texts and <html lang>, and it sticks', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('landing_title'));

	await page.getByRole('link', { name: t('lang_switch_label') }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('landing_title', {}, 'en'));
	await expect(page.getByRole('link', { name: t('signup', {}, 'en') }).first()).toBeVisible();

	// The next page is in English too, and so is a fresh visit.
	await page.getByRole('link', { name: t('login', {}, 'en') }).first().click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('login_title', {}, 'en'));
	await page.goto('/signup');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByLabel(t('field_password', {}, 'en'))).toBeVisible();

	// And back to Dutch, staying on the same page.
	await page.getByRole('link', { name: t('lang_switch_label', {}, 'en') }).click();
	await expect(page).toHaveURL(/\/signup$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('signup_title'));
});

test('@foundation the forms work without JavaScript: sign up, log out, log in, bad input', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		const email = uniqueEmail('nojs');
		await page.goto('/signup');
		await page.getByLabel(t('field_name')).fill('Zonder Script');
		await page.getByLabel(t('field_email')).fill(email);
		await page.getByLabel(t('field_password')).fill(PASSWORD);
		await page.getByRole('button', { name: t('signup_submit') }).click();
		await expect(page).toHaveURL(/\/dashboard$/);
		await expect(page.getByRole('banner')).toContainText('Zonder Script');

		await page.getByRole('button', { name: t('logout') }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/dashboard');
		await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);

		await page.getByLabel(t('field_email')).fill(email);
		await page.getByLabel(t('field_password')).fill('verkeerd wachtwoord');
		await page.getByRole('button', { name: t('login_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('error_login_failed'));

		await page.getByLabel(t('field_password')).fill(PASSWORD);
		await page.getByRole('button', { name: t('login_submit') }).click();
		await expect(page).toHaveURL(/\/dashboard$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('dashboard_title'));

		// A coalition too, and the language switch is a plain link.
		await page.goto('/coalitions/new');
		await page.getByLabel(t('coalition_name')).fill('Coalitie zonder script');
		await page.getByRole('button', { name: t('coalition_create') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coalitie zonder script');
		await page.getByRole('link', { name: t('lang_switch_label') }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coalitie zonder script');
	} finally {
		await context.close();
	}
});

test('@foundation what someone types before the page has loaded its JavaScript is kept (a slow school tablet)', async ({ page }) => {
	// Hold the app's scripts back until the fields are filled, as on a slow connection; hydration
	// must not wipe them.
	let release = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	const email = uniqueEmail('vroeg');
	await page.goto('/signup', { waitUntil: 'domcontentloaded' });
	await page.getByLabel(t('field_name')).fill('Vroege Vogel');
	await page.getByLabel(t('field_email')).fill(email);
	await page.getByLabel(t('field_password')).fill(PASSWORD);
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel(t('field_name'))).toHaveValue('Vroege Vogel');
	await expect(page.getByLabel(t('field_email'))).toHaveValue(email);
	await page.getByRole('button', { name: t('signup_submit') }).click();
	await expect(page).toHaveURL(/\/dashboard$/);

	// The join code of a young person, likewise.
	await page.unrouteAll();
	let releaseYouth = () => {};
	const youthGate = new Promise<void>((resolve) => (releaseYouth = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await youthGate;
		await route.continue();
	});
	await page.goto('/j', { waitUntil: 'domcontentloaded' });
	await page.getByLabel(t('youth_join_code_label')).fill('ABCD-EFGH');
	releaseYouth();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel(t('youth_join_code_label'))).toHaveValue('ABCD-EFGH');
});

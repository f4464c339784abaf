/**
 * Accounts, sessions and authorisation over HTTP against the built server, as a browser without
 * JavaScript would use them (plain form posts, cookies, redirects).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToSprint, createCoalition, createSprint, joinCoalition, postForm, signup, startServer } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

async function get(path: string, cookie = '') {
	const res = await fetch(server.url + path, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });
	return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

function count(table: string) {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	} finally {
		db.close();
	}
}

describe('accounts', () => {
	it('signs up with a session cookie that is HttpOnly, SameSite=Lax and not Secure on http', async () => {
		const res = await fetch(server.url + '/signup', {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name: 'Nora', email: 'nora@example.org', password: 'een lange zin' }).toString()
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/dashboard');
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('meedoen_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i);
		expect(cookie).toMatch(/Expires=/i);
	});

	it('shows a clear message for a duplicate e-mail, a short password and a bad address, creating nothing', async () => {
		const users = count('users');
		const dup = await postForm(server.url, '/signup', { name: 'Nora 2', email: 'NORA@example.org', password: 'een lange zin' });
		expect(dup.status).toBe(400);
		expect(dup.body).toContain('Er is al een account met dit e-mailadres');
		const short = await postForm(server.url, '/signup', { name: 'Kort', email: 'kort@example.org', password: 'kort' });
		expect(short.body).toContain('minstens 8 tekens');
		const bad = await postForm(server.url, '/signup', { name: 'X', email: 'geen-adres', password: 'een lange zin' });
		expect(bad.body).toContain('geen geldig e-mailadres');
		expect(count('users')).toBe(users);
	});

	it('gives a fresh token at every login and refuses a wrong password with a message', async () => {
		const one = await postForm(server.url, '/login', { email: 'nora@example.org', password: 'een lange zin' });
		const two = await postForm(server.url, '/login', { email: 'nora@example.org', password: 'een lange zin' });
		expect(one.status).toBe(303);
		expect(two.status).toBe(303);
		expect(one.cookie).not.toBe(two.cookie);
		const wrong = await postForm(server.url, '/login', { email: 'nora@example.org', password: 'verkeerd wachtwoord' });
		expect(wrong.status).toBe(400);
		expect(wrong.body).toContain('E-mailadres of wachtwoord klopt niet');
	});

	it('blocks an account after 5 failed logins in 15 minutes, even with the right password', async () => {
		await signup(server.url, 'Ruben').then(async ({ email }) => {
			for (let i = 0; i < 5; i++) {
				expect((await postForm(server.url, '/login', { email, password: 'fout fout fout' })).status).toBe(400);
			}
			const blocked = await postForm(server.url, '/login', { email, password: 'correct horse battery' });
			expect(blocked.status).toBe(429);
			expect(blocked.body).toMatch(/Probeer het over 1[45] minuten opnieuw/);
			// Another account from the same address is not blocked.
			const other = await signup(server.url, 'Sara');
			expect((await postForm(server.url, '/login', { email: other.email, password: 'correct horse battery' })).status).toBe(303);
		});
	});

	it('logs out: the old cookie no longer opens pages', async () => {
		const { cookie } = await signup(server.url, 'Tim');
		expect((await get('/dashboard', cookie)).status).toBe(200);
		expect((await postForm(server.url, '/logout', {}, cookie)).status).toBe(303);
		expect((await get('/dashboard', cookie)).status).toBe(303);
	});

	it('sets the language cookie and deletes the session cookie without Secure on plain http (else browsers ignore them)', async () => {
		const lang = await fetch(server.url + '/lang/en?next=/', { redirect: 'manual' });
		expect(lang.status).toBe(303);
		const langCookie = lang.headers.getSetCookie().find((c) => c.startsWith('PARAGLIDE_LOCALE=en'))!;
		expect(langCookie).not.toMatch(/Secure/i);
		const { cookie } = await signup(server.url, 'Uma');
		const out = await fetch(server.url + '/logout', { method: 'POST', redirect: 'manual', headers: { origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
		const deletion = out.headers.getSetCookie().find((c) => c.startsWith('meedoen_session='))!;
		expect(deletion).toMatch(/Max-Age=0/i);
		expect(deletion).not.toMatch(/Secure/i);
	});

	it('never redirects to another site after a language switch or login', async () => {
		for (const next of ['//evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', '/\\evil.example']) {
			const res = await fetch(server.url + '/lang/en?next=' + encodeURIComponent(next), { redirect: 'manual' });
			expect(new URL(res.headers.get('location')!, server.url).origin).toBe(server.url);
		}
	});

	it('refuses a cross-site form post', async () => {
		const res = await fetch(server.url + '/coalitions/new', {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'name=Evil'
		});
		expect(res.status).toBe(403);
	});
});

describe('sign-up limit per address', () => {
	it('refuses sign-ups above the hourly limit with a clear message and creates no account', async () => {
		const limited = await startServer({ env: { MEEDOEN_SIGNUPS_PER_HOUR: '2' } });
		try {
			await signup(limited.url, 'Een');
			await signup(limited.url, 'Twee');
			const third = await postForm(limited.url, '/signup', { name: 'Drie', email: 'drie@example.org', password: 'een lange zin' });
			expect(third.status).toBe(429);
			expect(third.body).toContain('Vanaf dit netwerk zijn heel veel accounts gemaakt');
			const login = await postForm(limited.url, '/login', { email: 'drie@example.org', password: 'een lange zin' });
			expect(login.status).toBe(400);
		} finally {
			await limited.stop();
		}
	});
});

describe('authorisation matrix over pages and form actions', () => {
	let facilitator: { cookie: string; email: string };
	let partner: { cookie: string; email: string };
	let observer: { cookie: string; email: string };
	let outsider: { cookie: string; email: string };
	let coalitionId: string;
	let sprintId: string;
	let foreignSprintId: string;
	let foreignCoalitionId: string;

	beforeAll(async () => {
		facilitator = await signup(server.url, 'Facilitator');
		partner = await signup(server.url, 'Partner');
		observer = await signup(server.url, 'Observer');
		outsider = await signup(server.url, 'Outsider');
		coalitionId = await createCoalition(server.url, facilitator.cookie);
		sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
		for (const p of [partner, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
		await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
		await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
		foreignCoalitionId = await createCoalition(server.url, outsider.cookie, 'Elders');
		foreignSprintId = await createSprint(server.url, outsider.cookie, foreignCoalitionId);
	});

	it('sends visitors without a session to the login page, keeping where they wanted to go', async () => {
		for (const path of ['/dashboard', `/sprints/${sprintId}`, `/coalitions/${coalitionId}`, '/sprints/new', '/coalitions/new']) {
			const res = await get(path);
			expect(res.status, path).toBe(303);
			expect(res.location).toBe(`/login?next=${encodeURIComponent(path)}`);
		}
	});

	it('shows a sprint to its members only; swapped ids answer 404', async () => {
		for (const p of [facilitator, partner, observer]) expect((await get(`/sprints/${sprintId}`, p.cookie)).status).toBe(200);
		expect((await get(`/sprints/${sprintId}`, outsider.cookie)).status).toBe(404);
		expect((await get(`/sprints/${foreignSprintId}`, facilitator.cookie)).status).toBe(404);
		expect((await get(`/coalitions/${foreignCoalitionId}`, partner.cookie)).status).toBe(404);
		expect((await get(`/sprints/doesnotexist1234`, facilitator.cookie)).status).toBe(404);
	});

	it('lets only the facilitator change the sprint team', async () => {
		const before = count('sprint_members');
		for (const p of [partner, observer]) {
			const res = await postForm(server.url, `/sprints/${sprintId}?/member`, { userId: 'x', role: 'facilitator' }, p.cookie);
			expect(res.status).toBe(403);
		}
		const foreign = await postForm(server.url, `/sprints/${foreignSprintId}?/member`, { userId: 'x', role: 'partner' }, facilitator.cookie);
		expect(foreign.status).toBe(404);
		expect(count('sprint_members')).toBe(before);
	});

	it('lets only coordinators add organisations and invites', async () => {
		const orgs = count('organisations');
		expect((await postForm(server.url, `/coalitions/${coalitionId}?/organisation`, { name: 'Sneaky', kind: 'other' }, partner.cookie)).status).toBe(403);
		expect((await postForm(server.url, `/coalitions/${coalitionId}?/invite`, { role: 'coordinator' }, partner.cookie)).status).toBe(403);
		expect((await postForm(server.url, `/coalitions/${foreignCoalitionId}?/organisation`, { name: 'Sneaky', kind: 'other' }, facilitator.cookie)).status).toBe(404);
		expect(count('organisations')).toBe(orgs);
		const ok = await postForm(server.url, `/coalitions/${coalitionId}?/organisation`, { name: 'GGzE', kind: 'health' }, facilitator.cookie);
		expect(ok.status).toBe(200);
		expect(count('organisations')).toBe(orgs + 1);
	});

	it('refuses a sprint in a coalition the user does not coordinate', async () => {
		const res = await postForm(server.url, '/sprints/new', { title: 'Kaping', coalitionId: foreignCoalitionId, startDate: '2026-12-01', days: '3' }, facilitator.cookie);
		expect(res.status).toBe(400);
		expect(res.body).toContain('Kies een coalitie waarvan je coördinator bent');
	});
});

describe('start-up', () => {
	it('seeds the demo once on an empty database and prints the password once', async () => {
		const demo = await startServer({ env: { MEEDOEN_DEMO: '1' } });
		try {
			expect(demo.logs).toMatch(/demo@meedoen\.local with password: [a-z0-9]{16}/);
			const password = /password: ([a-z0-9]{16})/.exec(demo.logs)![1];
			const login = await postForm(demo.url, '/login', { email: 'demo@meedoen.local', password });
			expect(login.status).toBe(303);
			const dashboard = await fetch(demo.url + '/dashboard', { headers: { cookie: login.cookie } }).then((r) => r.text());
			expect(dashboard).toContain('Sociale uitsluiting jongeren voorkomen');
			expect(dashboard).toContain('Coalitie Human Driven Data');
			// The demo sprint has its five-day programme and its sprint questions (in the report).
			const sprintId = /\/sprints\/([a-z2-7]{16})/.exec(dashboard)![1];
			const agenda = await fetch(`${demo.url}/sprints/${sprintId}/agenda`, { headers: { cookie: login.cookie } }).then((r) => r.text());
			expect(agenda).toContain('Lightning demos');
			const report = await fetch(`${demo.url}/sprints/${sprintId}/report`, { headers: { cookie: login.cookie } }).then((r) => r.text());
			expect(report).toContain('Kunnen we beginnen bij wat een jongere goed kan');
			// Two prototypes from the templates, the check-in frozen for a first test.
			const prototypes = await fetch(`${demo.url}/sprints/${sprintId}/prototypes`, { headers: { cookie: login.cookie } }).then((r) => r.text());
			expect(prototypes).toContain('Check-in voor jongeren');
			expect(prototypes).toContain('Signaal-app voor jongerenwerkers');
			expect(report).toContain('Voor de eerste test');
			// The demo test round is open: young people can try it with the printed code.
			const code = /round's code ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(demo.logs)![1];
			const join = await postForm(demo.url, '/j', { code });
			expect(join.status).toBe(303);
			const intro = await fetch(demo.url + join.location!).then((r) => r.text());
			expect(intro).toContain('data-testid="youth-intro"');
			await demo.stop();
			const again = await startServer({ dir: demo.dir, env: { MEEDOEN_DEMO: '1' } });
			expect(again.logs).not.toContain('password:');
			await again.stop();
		} finally {
			await demo.stop();
			demo.cleanup();
		}
	});

	it('skips the demo with MEEDOEN_DEMO=0', async () => {
		expect(server.logs).not.toContain('password');
		expect(count('coalitions')).toBeGreaterThan(0); // only what the tests made
		const db = new Database(server.dbPath, { readonly: true });
		expect(db.prepare("SELECT count(*) AS n FROM users WHERE email = 'demo@meedoen.local'").get()).toEqual({ n: 0 });
		db.close();
	});
});

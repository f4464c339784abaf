/**
 * Test rounds, the facilitator's side, against the built server: creating a round from the chosen
 * ideas through the form, who may see and change what, the live JSON, moderation, verdicts, the
 * CSV and closing. Young people's answers are put straight into the database here: this file tests
 * what the facilitator sees of them, not how they are given (that is the youth side's test).
 */
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBoardNote, addToSprint, connectDoc, createCoalition, createSprint, joinCoalition, postForm, seedAlert, seedAnswers, signup, startServer } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
type Person = { cookie: string; email: string };
let server: Server;
let facilitator: Person;
let partner: Person;
let observer: Person;
let sprintId: string;
let otherSprintId: string;
let roundId: string;

const get = (path: string, cookie = '') => fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
const live = async (cookie: string) => (await get(`/sprints/${sprintId}/tests/${roundId}/live`, cookie)).json();
const idFrom = (location: string | null) => location!.split('/').pop()!;

beforeAll(async () => {
	server = await startServer();
	facilitator = await signup(server.url, 'Fenna');
	partner = await signup(server.url, 'Pim');
	observer = await signup(server.url, 'Otto');
	const coalitionId = await createCoalition(server.url, facilitator.cookie);
	sprintId = await createSprint(server.url, facilitator.cookie, coalitionId);
	otherSprintId = await createSprint(server.url, facilitator.cookie, coalitionId, 'Andere sprint');
	for (const p of [partner, observer]) await joinCoalition(server.url, facilitator.cookie, coalitionId, p.cookie);
	await addToSprint(server, facilitator.cookie, sprintId, partner.email, 'partner');
	await addToSprint(server, facilitator.cookie, sprintId, observer.email, 'observer');
	const board = await postForm(server.url, `/sprints/${sprintId}/boards?/create`, { title: 'Ideeën' }, facilitator.cookie);
	const boardId = idFrom(board.location);
	const doc = connectDoc(server.url, facilitator.cookie, `sprints/${sprintId}/boards/${boardId}`);
	await doc.synced;
	addBoardNote(doc.doc, 'n1', 'idea', 'Buddy uit de buurt');
	addBoardNote(doc.doc, 'n2', 'idea', '=Talentenkaart');
	addBoardNote(doc.doc, 'n3', 'idea', 'Gratis sportpas');
	// Stored before anyone hears of it: once the ideas page lists them, they are in the database.
	for (let i = 0; i < 100 && !(await get(`/sprints/${sprintId}/ideas`, facilitator.cookie).then((r) => r.text())).includes('Gratis sportpas'); i++) await new Promise((r) => setTimeout(r, 50));
	doc.destroy();
	for (const itemId of ['n1', 'n2']) expect((await postForm(server.url, `/sprints/${sprintId}/ideas?/select`, { boardId, itemId, selected: 'true' }, facilitator.cookie)).status).toBe(200);
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

/** The ids of the chosen ideas, as the create form offers them. */
async function ideaChoices(): Promise<string[]> {
	const page = await get(`/sprints/${sprintId}/tests`, facilitator.cookie).then((r) => r.text());
	return [...page.matchAll(/name="ideas" value="([a-z2-7]{16})"/g)].map((match) => match[1]);
}

describe('test rounds, facilitator side (integration)', () => {
	it('creates a round from the chosen ideas through the form, refusing bad input whole', async () => {
		const ideas = await ideaChoices();
		expect(ideas).toHaveLength(2);
		const form = (fields: Record<string, string>, extraIdeas = ideas) => {
			const body = new URLSearchParams(fields);
			for (const id of extraIdeas) body.append('ideas', id);
			return fetch(`${server.url}/sprints/${sprintId}/tests?/create`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html', cookie: facilitator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: body.toString()
			});
		};
		const none = await form({ title: 'Ronde', hours: '4' }, []);
		expect(none.status).toBe(400);
		expect(await none.text()).toContain('Kies minstens één idee om te testen.');
		const long = await form({ title: 'Ronde', hours: '13' });
		expect(long.status).toBe(400);
		expect(await long.text()).toContain('hoogstens 12 uur');
		const badQuestion = await form({ title: 'Ronde', hours: '4', q1_type: 'choice', q1_nl: 'Waar?', q1_options: 'Alleen dit' });
		expect(badQuestion.status).toBe(400);
		const kept = await badQuestion.text();
		expect(kept).toContain('2 tot 6 antwoorden');
		// What was typed comes back, so nothing is lost.
		expect(kept).toContain('value="Waar?"');
		const lowRule = await form({ title: 'Ronde', hours: '4', rule_min_answers: '3', rule_min_share: '60' });
		expect(lowRule.status).toBe(400);
		expect(await lowRule.text()).toContain('minstens 5 antwoorden');
		expect(await get(`/sprints/${sprintId}/tests`, facilitator.cookie).then((r) => r.text())).toContain('Nog geen testrondes.');

		const made = await form({ title: 'De Plek, dinsdag', hours: '4,5', q1_type: 'scale', q1_nl: 'Hoe makkelijk is het?', q1_en: 'How easy is it?', rule_min_answers: '5', rule_min_share: '59' });
		expect(made.status).toBe(303);
		roundId = idFrom(made.headers.get('location'));
		const page = await get(`/sprints/${sprintId}/tests/${roundId}`, facilitator.cookie).then((r) => r.text());
		const code = /data-testid="join-code">([A-Z0-9]{4})-([A-Z0-9]{4})</.exec(page);
		expect(code).not.toBeNull();
		expect(page).toContain(`${server.url}/j/${code![1]}${code![2]}`);
		expect(page).toMatch(/data-testid="join-qr"[^>]*>(<!---->)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		const view = await live(facilitator.cookie);
		expect(view.closesAt - view.opensAt).toBe(4.5 * 60 * 60 * 1000);
		// The round's own validation rule, as typed.
		const stored = new Database(server.dbPath, { readonly: true });
		expect(JSON.parse((stored.prepare('SELECT rule FROM test_rounds WHERE id = ?').get(roundId) as { rule: string }).rule)).toEqual({ minAnswers: 5, minPositiveShare: 0.59 });
		stored.close();
		expect(view.items.map((i: { text: string }) => i.text)).toEqual(['Buddy uit de buurt', '=Talentenkaart']);
		expect(view.items[0].own).toMatchObject([{ type: 'scale', prompt: { nl: 'Hoe makkelijk is het?', en: 'How easy is it?' }, result: null }]);
		expect(await get(`/sprints/${sprintId}/tests`, partner.cookie).then((r) => r.text())).toContain('De Plek, dinsdag');
	});

	it('lets sprint members look and only the facilitator change; other sprints and strangers see nothing', async () => {
		const base = `/sprints/${sprintId}/tests/${roundId}`;
		const page = await get(base);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toMatch(/^\/login\?next=/);
		expect((await get(`${base}/live`)).status).toBe(401);
		expect((await get(`${base}/results.csv`)).status).toBe(401);
		for (const who of [partner, observer]) {
			expect((await get(base, who.cookie)).status).toBe(200);
			expect((await get(`${base}/live`, who.cookie)).status).toBe(200);
			expect((await get(`${base}/print`, who.cookie)).status).toBe(200);
			for (const action of ['extend', 'close', 'moderate', 'seen', 'validate']) {
				expect((await postForm(server.url, `${base}?/${action}`, { minutes: '30' }, who.cookie)).status, `${action}`).toBe(403);
			}
			expect((await postForm(server.url, `/sprints/${sprintId}/tests?/create`, { title: 'x' }, who.cookie)).status).toBe(403);
		}
		// The round's id under another sprint (where the facilitator is a member too), or an unknown id.
		expect((await get(`/sprints/${otherSprintId}/tests/${roundId}`, facilitator.cookie)).status).toBe(404);
		expect((await get(`/sprints/${otherSprintId}/tests/${roundId}/live`, facilitator.cookie)).status).toBe(404);
		expect((await postForm(server.url, `/sprints/${otherSprintId}/tests/${roundId}?/close`, {}, facilitator.cookie)).status).toBe(404);
		expect((await get(`/sprints/${sprintId}/tests/aaaaaaaaaaaaaaaa`, facilitator.cookie)).status).toBe(404);
		const stranger = await signup(server.url, 'Sam');
		expect((await get(base, stranger.cookie)).status).toBe(404);
		expect((await get(`${base}/results.csv`, stranger.cookie)).status).toBe(404);
		expect((await live(facilitator.cookie)).status).toBe('open');
	});

	it('shows live results, held back under 5, with texts to moderate and an alert that says nothing of who', async () => {
		const before = await live(facilitator.cookie);
		expect(before).toMatchObject({ status: 'open', started: 0, finished: 0, texts: [], alerts: [] });
		const [first, second] = before.items;
		seedAnswers(server.dbPath, roundId, first.id, [
			{ reaction: 'great', help: 'yes', text: 'Leuk' },
			{ reaction: 'great', help: 'yes', text: '=1+1' },
			{ reaction: 'good', help: 'yes', text: 'Meer uitleg' },
			{ reaction: 'unsure', help: 'maybe', text: 'Weet niet' },
			{ reaction: 'bad', help: 'no', text: 'Bel me 06 12345678', flags: ['phone'] }
		]);
		seedAlert(server.dbPath, roundId, ['self_harm']);
		seedAlert(server.dbPath, roundId, ['suicide']);
		seedAnswers(server.dbPath, roundId, second.id, [{ reaction: 'good', help: 'yes', text: 'Tof', finished: false }]);
		const view = await live(facilitator.cookie);
		expect(view).toMatchObject({ started: 6, finished: 5, textsWaiting: 1 });
		expect(view.items[0]).toMatchObject({
			respondents: 5,
			reactions: { n: 5, counts: { great: 2, good: 1, unsure: 1, bad: 1 } },
			wouldHelp: { n: 5, counts: { yes: 3, maybe: 1, no: 1 } },
			verdict: { status: 'validated', n: 5, positiveShare: 0.6, measure: 'would_help' }
		});
		expect(view.items[1]).toMatchObject({ respondents: null, reactions: null, wouldHelp: null, verdict: { status: 'insufficient' } });
		expect(view.texts.map((t: { text: string }) => t.text).sort()).toEqual(['=1+1', 'Bel me 06 12345678', 'Leuk', 'Meer uitleg', 'Weet niet']);
		expect(view.texts.find((t: { text: string }) => t.text.startsWith('Bel'))).toMatchObject({ flags: ['phone'], moderation: 'hidden' });
		expect(view.alerts).toHaveLength(2);
		expect(Object.keys(view.alerts[0]).sort()).toEqual(['categories', 'createdAt', 'id']);
		// Young people's texts reach the rest of the sprint only once the facilitator showed them, and
		// crisis alerts reach the facilitator only (never a partner's screen or a projector).
		const partnerView = await live(partner.cookie);
		expect(partnerView.texts).toEqual([]);
		expect(partnerView.alerts).toEqual([]);
		const leuk = view.texts.find((t: { text: string }) => t.text === 'Leuk');
		expect((await postForm(server.url, `/sprints/${sprintId}/tests/${roundId}?/moderate`, { responseId: leuk.id, do: 'show' }, facilitator.cookie)).status).toBe(200);
		expect((await live(partner.cookie)).texts.map((t: { text: string }) => t.text)).toEqual(['Leuk']);

		const page = await get(`/sprints/${sprintId}/tests/${roundId}`, observer.cookie).then((r) => r.text());
		expect(page).not.toContain('Een jongere heeft misschien iemand nodig');
		expect(page).toContain('Nog te weinig antwoorden (minder dan 5).');
		const own = await get(`/sprints/${sprintId}/tests/${roundId}`, facilitator.cookie).then((r) => r.text());
		expect(own).toContain('Een jongere heeft misschien iemand nodig');
		expect(own).toContain('0800-0432');
	});

	it('takes moderation, acknowledgements and verdicts from the facilitator; validated ideas reach the Ideas page', async () => {
		const base = `/sprints/${sprintId}/tests/${roundId}`;
		const view = await live(facilitator.cookie);
		const quote = view.texts.find((t: { text: string }) => t.text === 'Meer uitleg');
		expect((await postForm(server.url, `${base}?/moderate`, { responseId: quote.id, do: 'quote' }, facilitator.cookie)).status).toBe(200);
		expect((await postForm(server.url, `${base}?/moderate`, { responseId: quote.id, do: 'erase' }, facilitator.cookie)).status).toBe(400);
		for (const alert of view.alerts) expect((await postForm(server.url, `${base}?/seen`, { alertId: alert.id }, facilitator.cookie)).status).toBe(200);
		const [first, second] = view.items;
		const tooFew = await postForm(server.url, `${base}?/validate`, { itemId: second.id, validated: 'true', reason: 'toch' }, facilitator.cookie);
		expect(tooFew.status).toBe(400);
		expect(tooFew.body).toContain('Minder dan 5 jongeren');
		const noReason = await postForm(server.url, `${base}?/validate`, { itemId: first.id, validated: 'false' }, facilitator.cookie);
		expect(noReason.status).toBe(400);
		expect(noReason.body).toContain('schrijf erbij waarom');
		expect((await postForm(server.url, `${base}?/validate`, { itemId: first.id, validated: 'true' }, facilitator.cookie)).status).toBe(200);
		const after = await live(facilitator.cookie);
		expect(after.alerts).toEqual([]);
		expect(after.items[0].validation).toEqual({ validated: true, ruleVerdict: 'validated', reason: null });
		expect(after.texts.find((t: { id: string }) => t.id === quote.id)).toMatchObject({ moderation: 'shown', quote: true });
		const ideas = await get(`/sprints/${sprintId}/ideas`, observer.cookie).then((r) => r.text());
		expect(ideas).toContain('Gevalideerd door jongeren');
		expect(ideas).toContain('5 jongeren gaven antwoord, 60% zegt dat het zou helpen.');
		expect(ideas).toContain('“Meer uitleg”');
	});

	it('exports the answers as a formula-safe CSV for the facilitator, with the small-number rules', async () => {
		expect((await get(`/sprints/${sprintId}/tests/${roundId}/results.csv`, observer.cookie)).status).toBe(403);
		expect((await get(`/sprints/${sprintId}/tests/${roundId}/results.csv`, partner.cookie)).status).toBe(403);
		// One more shown text, one that a spreadsheet would run as a formula.
		const formula = (await live(facilitator.cookie)).texts.find((t: { text: string }) => t.text === '=1+1');
		await postForm(server.url, `/sprints/${sprintId}/tests/${roundId}?/moderate`, { responseId: formula.id, do: 'show' }, facilitator.cookie);
		const res = await get(`/sprints/${sprintId}/tests/${roundId}/results.csv`, facilitator.cookie);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="de-plek-dinsdag.csv"');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)).trim(), { newline: '\r\n' }).data;
		expect(rows[0]).toEqual(['Deelnemer', 'Idee', 'Vraag', 'Antwoord']);
		// The first idea only (the second had one young person); its reactions and "would help"
		// (5 + 5) and the shown texts; no age band, no text nobody showed.
		expect(new Set(rows.slice(1).map((row) => row[1]))).toEqual(new Set(['Buddy uit de buurt']));
		expect(rows).toContainEqual([expect.stringMatching(/^J[1-5]$/), 'Buddy uit de buurt', 'Hoe vind je het?', 'Super']);
		expect(rows.map((row) => row[3])).toContain("'=1+1");
		expect(rows.flat().join(' ')).not.toContain('12345678');
		expect(rows.flat().join(' ')).not.toContain('Weet niet');
		for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	});

	it('extends within 12 hours and closes; a closed round has its summary', async () => {
		const base = `/sprints/${sprintId}/tests/${roundId}`;
		const before = await live(facilitator.cookie);
		expect((await postForm(server.url, `${base}?/extend`, { minutes: '60' }, facilitator.cookie)).status).toBe(200);
		expect((await live(facilitator.cookie)).closesAt).toBe(before.closesAt + 60 * 60 * 1000);
		const tooLong = await postForm(server.url, `${base}?/extend`, { minutes: '720' }, facilitator.cookie);
		expect(tooLong.status).toBe(200);
		expect((await live(facilitator.cookie)).closesAt).toBe(before.opensAt + 12 * 60 * 60 * 1000);
		expect((await postForm(server.url, `${base}?/extend`, { minutes: 'lang' }, facilitator.cookie)).status).toBe(400);
		expect((await postForm(server.url, `${base}?/close`, {}, facilitator.cookie)).status).toBe(200);
		const closed = await live(facilitator.cookie);
		expect(closed.status).toBe('closed');
		expect(closed.summary).toEqual({ bestReceived: 'Buddy uit de buurt', mostDivided: 'Buddy uit de buurt', quotes: [{ text: 'Meer uitleg', itemText: 'Buddy uit de buurt' }] });
		const refused = await postForm(server.url, `${base}?/extend`, { minutes: '30' }, facilitator.cookie);
		expect(refused.status).toBe(400);
		expect(refused.body).toContain('Deze testronde is gesloten.');
		const print = await get(`${base}/print`, partner.cookie).then((r) => r.text());
		expect(print).toContain('Samenvatting');
		expect(print).toContain('Meer uitleg');
	});
});

/**
 * The tested prototype version's screens in the sprint report, against the built server: the page,
 * the HTML file, the PDF and the read-only link all draw them (start screen first, the version's own
 * image embedded), and none of them carries the notes for testers.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '$lib/server/db';
import { prototypeImages, prototypes, prototypeVersions } from '$lib/server/db/schema';
import { createReportLink } from '$lib/server/facilitation/report-links';
import { createCoalition, createSprint, postForm, signup, startServer, userIdByEmail } from '../support/app-server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: DB;
let sprintId: string;
let userId: string;
let cookie: string;

const START = 'aaaaaaaaaaaaaaaa';
const SECOND = 'bbbbbbbbbbbbbbbb';
const IMG = 'kkkkkkkkkkkkkkkk';
const NOTE = 'Kijk of ze de knop vinden';
const blank = { items: '', target: null, overlay: false, multiple: false, emoji: '', imageId: null };

/** The SVG pictures a report file or page carries, decoded. */
const pictures = (html: string) => [...html.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));

beforeAll(async () => {
	server = await startServer();
	const facilitator = await signup(server.url, 'Fenna');
	cookie = facilitator.cookie;
	sprintId = await createSprint(server.url, cookie, await createCoalition(server.url, cookie));
	userId = userIdByEmail(server.dbPath, facilitator.email);
	db = openDatabase(server.dbPath);
	db.insert(prototypes).values({ id: 'proto1', sprintId, name: 'Check-in', device: 'phone', audience: 'youth', createdBy: userId }).run();
	const png = await sharp({ create: { width: 600, height: 300, channels: 4, background: { r: 46, g: 144, b: 250, alpha: 0.5 } } }).png().toBuffer();
	db.insert(prototypeImages).values({ id: IMG, prototypeId: 'proto1', mime: 'image/png', width: 600, height: 300, bytes: png }).run();
	const snapshot = {
		v: 1,
		start: START,
		screens: [
			{ id: SECOND, name: 'Hoe gaat het', blocks: [{ ...blank, id: 'cccccccccccccccc', type: 'heading', text: 'Hoe gaat het met je?' }] },
			{
				id: START,
				name: 'Welkom & <hallo>',
				blocks: [
					{ ...blank, id: 'dddddddddddddddd', type: 'image', text: 'Ons logo', imageId: IMG },
					{ ...blank, id: 'eeeeeeeeeeeeeeee', type: 'note', text: NOTE }
				]
			}
		]
	};
	db.insert(prototypeVersions).values({ id: 'version1', prototypeId: 'proto1', number: 1, name: 'Voor de test', snapshot, authorName: 'Fenna', createdBy: userId }).run();
	const made = await postForm(server.url, `/sprints/${sprintId}/tests?/create`, { title: 'Schermen', hours: '4', version: 'version1' }, cookie);
	expect(made.status).toBe(303);
});

afterAll(async () => {
	db?.$client.close();
	await server?.stop();
	server?.cleanup();
});

describe('the tested version in the report (integration)', () => {
	it('shows on the report page and behind the read-only link, start screen first, without the note', async () => {
		const link = createReportLink(db, sprintId, userId, '7');
		if (!link.ok) throw new Error(link.error);
		for (const [path, withCookie] of [[`/sprints/${sprintId}/report`, cookie], [`/r/${link.value.token}`, '']] as const) {
			const res = await fetch(server.url + path, { headers: { cookie: withCookie } });
			expect(res.status).toBe(200);
			const html = await res.text();
			const screens = [...html.matchAll(/data-testid="report-screen"[\s\S]*?<strong>([^<]*)<\/strong>/g)].map((m) => m[1]);
			expect(screens).toEqual(['1. Welkom &amp; &lt;hallo>', '2. Hoe gaat het']);
			expect(html).not.toContain('<hallo>');
			for (const text of [html, ...pictures(html)]) expect(text).not.toContain(NOTE);
		}
	});

	it('is drawn in the HTML file with the image embedded, and in the PDF', async () => {
		const file = await fetch(`${server.url}/sprints/${sprintId}/report/report.html`, { headers: { cookie } });
		const html = await file.text();
		const drawn = pictures(html).filter((svg) => svg.includes('Hoe gaat het met je?') || svg.includes('<image '));
		expect(drawn).toHaveLength(2);
		// The image has see-through parts: it stays a PNG (re-encoded small), inside the screen's picture.
		expect(drawn.find((svg) => svg.includes('<image '))).toMatch(/href="data:image\/png;base64,/);
		for (const text of [html, ...pictures(html)]) expect(text).not.toContain(NOTE);
		const pdf = Buffer.from(await (await fetch(`${server.url}/sprints/${sprintId}/report/report.pdf`, { headers: { cookie } })).arrayBuffer());
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// One picture: the image and its transparency mask (a PDF keeps those as two image objects).
		expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(2);
		expect(pdf.toString('latin1').match(/\/SMask \d+ 0 R/g)).toHaveLength(1);
	});
});

import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import type { Block } from '$lib/prototype/model';
import type { PrototypeSnapshot } from '$lib/prototype/snapshot';
import { connect, createGroup, createNote } from '$lib/board/model';
import { createBoard } from '../boards/service';
import { createCoalition } from '../coalitions/service';
import { prototypeImages, prototypes, prototypeVersions, reportLinks, sprints } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { boardLayout, wrap } from './board-layout';
import { boardSvg } from './board-svg';
import { buildReport, type Report } from './report';
import { reportHtml } from './report-file';
import { cutAt, reportPdf } from './report-pdf';
import { screenLayout, type ScreenLayout } from './screen-layout';
import { createLinkLimiter, createReportLink, listReportLinks, resolveReportLink, revokeReportLink } from './report-links';
import { createPrototype, freezeVersion } from '../prototypes/service';
import { createRuleSet } from '../rules/service';

const author = { userId: 'u', name: 'F', organisation: '' };

describe('board snapshot', () => {
	it('lays out frames, notes and arrows on absolute positions and draws them as an SVG with the text escaped', () => {
		const doc = new Y.Doc();
		const group = createGroup(doc, { x: 100, y: 100, title: 'Stappen <naar> het doel', author });
		if (!group.ok) throw new Error();
		const a = createNote(doc, { x: 20, y: 60, parentId: group.id, text: 'Jongeren & "ouders"', author });
		const b = createNote(doc, { x: 700, y: 100, text: 'Werk </svg><script>alert(1)</script>', author });
		if (!a.ok || !b.ok) throw new Error();
		connect(doc, a.id, b.id);
		const layout = boardLayout(doc);
		const note = layout.shapes.find((s) => s.text.startsWith('Jongeren'))!;
		// Inside its frame: the frame's position is added.
		expect([note.x, note.y]).toEqual([120, 160]);
		expect(layout.arrows).toHaveLength(1);
		const svg = boardSvg(layout);
		expect(svg).toContain('Stappen &lt;naar&gt; het doel');
		expect(svg).toContain('Jongeren &amp; &quot;ouders&quot;');
		expect(svg).not.toContain('<script');
		expect(svg).toContain('marker-end="url(#arrow)"');
		expect(svg.match(/<svg/g)).toHaveLength(1);
	});

	it('wraps long text to the width and cuts it off with an ellipsis', () => {
		expect(wrap('een twee drie vier vijf zes', 60, 10, 5)).toEqual(['een twee', 'drie vier', 'vijf zes']);
		expect(wrap('een twee drie vier vijf zes', 60, 10, 2)).toEqual(['een twee', 'drie vier…']);
	});
});

function setup() {
	const db = testDb();
	const user = insertUser(db, 'Fenna');
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'Samen sterker', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	return { db, user, sprintId: sprint.value.id };
}

describe('report links', () => {
	it('stores only the hash of the token, opens the sprint until it expires or is revoked', () => {
		const { db, user, sprintId } = setup();
		const T = Date.parse('2026-12-01T10:00:00Z');
		const made = createReportLink(db, sprintId, user.id, '14', T);
		if (!made.ok) throw new Error();
		expect(made.value.token).toMatch(/^[a-z2-7]{32}$/);
		const stored = JSON.stringify(db.select().from(reportLinks).all());
		expect(stored).not.toContain(made.value.token);
		expect(resolveReportLink(db, made.value.token, T + 1000)).toBe(sprintId);
		expect(resolveReportLink(db, made.value.token, T + 14 * 24 * 3600_000)).toBeNull();
		expect(resolveReportLink(db, made.value.token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), T)).toBeNull();
		expect(revokeReportLink(db, 'another-sprint', made.value.id)).toMatchObject({ ok: false });
		expect(revokeReportLink(db, sprintId, made.value.id, T + 2000)).toMatchObject({ ok: true });
		expect(resolveReportLink(db, made.value.token, T + 3000)).toBeNull();
		expect(listReportLinks(db, sprintId, T + 3000)).toEqual([expect.objectContaining({ id: made.value.id, active: false })]);
	});

	it.each(['0', '91', 'veertien', '1.5'])('refuses a validity of %j days', (days) => {
		const { db, user, sprintId } = setup();
		expect(createReportLink(db, sprintId, user.id, days)).toMatchObject({ ok: false, error: 'error_report_link_days' });
		expect(db.select().from(reportLinks).all()).toHaveLength(0);
	});

	it('slows an address down after too many wrong tokens', async () => {
		const limiter = createLinkLimiter(3, 60);
		for (let i = 0; i < 3; i++) {
			expect(await limiter.blocked('1.2.3.4')).toBe(false);
			await limiter.failed('1.2.3.4');
		}
		expect(await limiter.blocked('1.2.3.4')).toBe(true);
		expect(await limiter.blocked('5.6.7.8')).toBe(false);
	});
});

describe('the report', () => {
	it('has the sprint and its board even when nothing else happened yet', async () => {
		const { db, user, sprintId } = setup();
		createBoard(db, sprintId, user.id, 'Probleemkaart');
		const report = (await buildReport(db, sprintId))!;
		expect(report.sprint.title).toBe('Samen sterker');
		expect(report.boards.length).toBeGreaterThan(0);
		expect(report.boards[0].image).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(report.resources.map((r) => [r.kind, r.items.length])).toEqual([
			['prototype', 0],
			['ruleset', 0]
		]);
		expect(await buildReport(db, 'no-such-sprint')).toBeNull();
	});

	it('lists the sprint\'s prototypes with their frozen versions and its rule sets', async () => {
		const { db, user, sprintId } = setup();
		const prototype = createPrototype(db, sprintId, user.id, { name: 'Check-in', device: 'tablet', audience: 'youth', template: 'youth_checkin' });
		if (!prototype.ok) throw new Error();
		expect(freezeVersion(db, sprintId, prototype.value.id, { id: user.id, name: 'Fenna' }, 'Voor de test')).toMatchObject({ ok: true });
		expect(createRuleSet(db, sprintId, { id: user.id, name: 'Fenna' }, 'Signalen school')).toMatchObject({ ok: true });
		const resources = (await buildReport(db, sprintId))!.resources;
		expect(resources.find((r) => r.kind === 'prototype')!.items).toMatchObject([
			{ title: 'Check-in', href: `/sprints/${sprintId}/prototypes/${prototype.value.id}`, versions: [{ label: 'v1 · Voor de test', note: 'Fenna' }], tested: [] }
		]);
		expect(resources.find((r) => r.kind === 'ruleset')!.items).toMatchObject([{ title: 'Signalen school', versions: [] }]);
		// Another sprint's report does not list them.
		const other = createSprint(db, user.id, { title: 'Ander', coalitionId: db.select().from(sprints).get()!.coalitionId, startDate: '2026-12-01', days: 1 });
		if (!other.ok) throw new Error();
		expect((await buildReport(db, other.value.id))!.resources.every((r) => r.items.length === 0)).toBe(true);
	});
});

describe('the report and young people\'s answers', () => {
	it('shows results only for ideas 5 or more answered, and only the texts the facilitator made a quote', async () => {
		const fixtures = await import('../feedback/test-fixtures');
		const { moderate, roundResults } = await import('../feedback/round-results');
		const { roundItems } = await import('../feedback/rounds');
		const ctx = fixtures.setup();
		const r = fixtures.round(ctx);
		const [a, b] = roundItems(ctx.db, r.id);
		fixtures.crowd(ctx, r, a.id, 5, 4);
		fixtures.crowd(ctx, r, b.id, 3, 3);
		const texts = roundResults(ctx.db, r, fixtures.T0).freeTexts;
		const quoted = texts.find((t) => t.itemId === a.id)!;
		const shown = texts.find((t) => t.itemId === a.id && t.id !== quoted.id)!;
		moderate(ctx.db, r, quoted.id, 'quote');
		moderate(ctx.db, r, shown.id, 'show');
		const report = (await buildReport(ctx.db, ctx.sprintId, fixtures.T0 + 60_000))!;
		const [round] = report.rounds;
		expect(round.items.find((i) => i.text === 'Buddy uit de buurt')).toMatchObject({ respondents: 5, wouldHelpYes: 80 });
		expect(round.items.find((i) => i.text === 'Talentenkaart')).toMatchObject({ respondents: null, wouldHelpYes: null, positive: null });
		expect(round.quotes).toEqual([{ text: quoted.text, itemText: 'Buddy uit de buurt' }]);
		const everything = JSON.stringify(report);
		// (crowd() writes "tekst 0", "tekst 1", …: the quoted one aside, none of them may be in the report.)
		const others = texts.filter((t) => t.text !== quoted.text);
		expect(others.length).toBeGreaterThan(2);
		for (const text of others) expect(everything).not.toContain(`"${text.text}"`);
	});
});

const originalText = PDFDocument.prototype.text;

/** The report's PDF, and every text drawn into it (as pdfkit was asked to, before its fonts encode it). */
async function pdfAndText(report: Report) {
	const drawn: string[] = [];
	const text = vi.spyOn(PDFDocument.prototype, 'text').mockImplementation(function (this: PDFKit.PDFDocument, ...args: unknown[]) {
		if (typeof args[0] === 'string') drawn.push(args[0]);
		return originalText.apply(this, args as Parameters<typeof originalText>);
	});
	try {
		return { pdf: await reportPdf(report), drawn };
	} finally {
		text.mockRestore();
	}
}

describe('the tested prototype version in the report', () => {
	const S1 = 'aaaaaaaaaaaaaaaa';
	const S2 = 'bbbbbbbbbbbbbbbb';
	const IMG = 'rrrrrrrrrrrrrrrr';
	const NOTE = 'Geheime notitie voor testers: let op de knop';
	const block = (id: string, type: Block['type'], text: string, extra: Partial<Block> = {}): Block => ({ id, type, text, items: '', target: null, overlay: false, multiple: false, emoji: '', imageId: null, ...extra });

	/** A sprint whose round tested v1 of "Check-in": its start screen is S2 (with a real image and a note for testers). */
	async function tested() {
		const fixtures = await import('../feedback/test-fixtures');
		const { createRound, getRound, roundItems } = await import('../feedback/rounds');
		const ctx = fixtures.setup();
		ctx.db.insert(prototypes).values({ id: 'p-check-in', sprintId: ctx.sprintId, name: 'Check-in', device: 'phone', audience: 'youth', createdBy: ctx.user.id }).run();
		const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#2e90fa' } }).png().toBuffer();
		ctx.db.insert(prototypeImages).values({ id: IMG, prototypeId: 'p-check-in', mime: 'image/png', width: 800, height: 400, bytes: png }).run();
		const snapshot: PrototypeSnapshot = {
			v: 1,
			start: S2,
			screens: [
				{ id: S1, name: 'Vragen <b>over</b> jou', blocks: [block('cccccccccccccccc', 'heading', 'Hoe gaat het? 👋'), block('dddddddddddddddd', 'choice', 'Kies er één', { items: 'Goed\nSlecht' })] },
				{ id: S2, name: 'Welkom', blocks: [block('eeeeeeeeeeeeeeee', 'image', 'Het buurthuis', { imageId: IMG }), block('ffffffffffffffff', 'note', NOTE), block('gggggggggggggggg', 'button', 'Beginnen', { target: S1 })] }
			]
		};
		ctx.db.insert(prototypeVersions).values({ id: 'v-check-in-1', prototypeId: 'p-check-in', number: 1, name: 'Voor de test', snapshot, authorName: 'Fenna', createdBy: ctx.user.id }).run();
		const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'Schermen testen', ideaSelectionIds: [], prototypeVersionId: 'v-check-in-1' }, fixtures.T0);
		if (!made.ok) throw new Error(made.error);
		const round = getRound(ctx.db, ctx.sprintId, made.value.id)!;
		const [welcome, questions] = roundItems(ctx.db, round.id);
		fixtures.crowd(ctx, round, welcome.id, 6, 3);
		fixtures.crowd(ctx, round, questions.id, 2, 2);
		return { ...ctx, report: (await buildReport(ctx.db, ctx.sprintId, fixtures.T0 + 60_000))! };
	}

	it('draws each screen, start screen first, with its own results and the small-number rule', async () => {
		const { report } = await tested();
		const [prototype] = report.resources.find((r) => r.kind === 'prototype')!.items;
		expect(prototype.versions.map((v) => v.label)).toEqual(['v1 · Voor de test']);
		const [version] = prototype.tested;
		expect(version.label).toBe('v1 · Voor de test');
		expect(version.screens.map((s) => s.name)).toEqual(['Welkom', 'Vragen <b>over</b> jou']);
		expect(version.screens[0].results).toEqual([{ roundTitle: 'Schermen testen', respondents: 6, wouldHelpYes: 50, positive: null, verdict: expect.any(String), validated: null }]);
		expect(version.screens[1].results).toEqual([{ roundTitle: 'Schermen testen', respondents: null, wouldHelpYes: null, positive: null, verdict: 'insufficient', validated: null }]);
		// The picture embeds the version's own image, re-encoded small, and never the note for testers.
		const svg = Buffer.from(version.screens[0].image.split(',')[1], 'base64').toString('utf8');
		expect(svg).toMatch(/<image [^>]*href="data:image\/jpeg;base64,/);
		expect(svg).toContain('Beginnen');
		expect(JSON.stringify(report)).not.toContain(NOTE.slice(0, 20));
		expect(svg).not.toContain(NOTE.slice(0, 20));
	});

	it('puts the screens in the HTML download, the markup in their names as text, and no note for testers', async () => {
		const { report } = await tested();
		const html = reportHtml(report);
		expect(html.match(/data-testid="report-screen"/g)).toHaveLength(2);
		expect(html).toContain('Vragen &lt;b>over&lt;/b> jou');
		expect(html).not.toContain('<b>over</b>');
		expect(html).toContain(m.facil_report_screen_alt({ name: 'Welkom' }));
		expect(html).toContain(m.facil_report_round_too_few({ round: 'Schermen testen' }));
		const images = [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((x) => Buffer.from(x[1], 'base64').toString('utf8'));
		expect(images.filter((svg) => svg.includes('<image '))).toHaveLength(1);
		for (const text of [html, ...images]) expect(text).not.toContain(NOTE.slice(0, 20));
		expect(html).not.toMatch(/<script/i);
	});

	it('draws the screens in the PDF: their names beside them, the image once, no note for testers', async () => {
		const { report } = await tested();
		const { pdf, drawn } = await pdfAndText(report);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// The one image of the version, embedded once as a JPEG; the boards and screens are vector shapes.
		expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
		expect(pdf.toString('latin1')).toContain('/Filter /DCTDecode');
		expect(drawn).toContain('1. Welkom');
		expect(drawn).toContain('2. Vragen <b>over</b> jou');
		expect(drawn).toContain('Beginnen');
		expect(drawn).toContain(m.facil_report_round_too_few({ round: 'Schermen testen' }));
		expect(drawn.join('\n')).not.toContain(NOTE.slice(0, 20));
		// DejaVu has no emoji: left out of the PDF rather than printed as an empty box; the SVG keeps it.
		expect(drawn).toContain('Hoe gaat het? ');
		expect(drawn.join('\n')).not.toContain('👋');
		expect(Buffer.from(report.resources[0].items[0].tested[0].screens[1].image.split(',')[1], 'base64').toString('utf8')).toContain('Hoe gaat het? 👋');
	});
});

describe('a screen longer than a PDF page', () => {
	it('goes on over the next pages, each block drawn once, none lost', async () => {
		const fixtures = await import('../feedback/test-fixtures');
		const { db, sprintId } = fixtures.setup();
		const blocks = Array.from({ length: 60 }, (_, i) => ({ id: `b${i}`, type: 'text' as const, text: `Blok nummer ${i + 1} met uitleg die zo lang is dat hij over drie regels loopt op een telefoon`, items: '', target: null, overlay: false, multiple: false, emoji: '', imageId: null }));
		const screen = { id: 's', name: 'Lang', blocks };
		const layout = screenLayout(screen, [screen], new Map(), { image: '', button: '' });
		const report = (await buildReport(db, sprintId))!;
		report.resources[0].items = [{ id: 'p', title: 'P', href: '', versions: [], tested: [{ id: 'v', prototypeId: 'p', number: 1, label: 'v1', screens: [{ id: 's', name: 'Lang', image: '', layout, results: [] }] }] }];
		const { pdf, drawn } = await pdfAndText(report);
		expect(layout.height).toBeGreaterThan(2 * 842 * (360 / 170));
		blocks.forEach((_, i) => expect(drawn.filter((line) => line.startsWith(`Blok nummer ${i + 1} `))).toHaveLength(1));
		// Pages: the report's own, then the screen over at least two more.
		const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length;
		const without = await reportPdf({ ...report, resources: [] });
		expect(pages - without.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(2);
	});

	const rect = (y: number, height: number) => ({ kind: 'rect' as const, x: 16, y, width: 328, height, radius: 8, fill: '#fff', stroke: null });
	const layout: ScreenLayout = { width: 360, height: 3000, parts: [rect(16, 400), rect(430, 400), rect(850, 1800)] };

	it('is cut between blocks, never through one, unless one block alone is longer than the slice', () => {
		expect(cutAt(layout, 0, 600)).toBe(426);
		expect(cutAt(layout, 0, 425)).toBe(425);
		expect(cutAt(layout, 426, 1200)).toBe(846);
		expect(cutAt(layout, 846, 1800)).toBe(1800);
		expect(cutAt(layout, 2000, 3200)).toBe(3000);
	});
});

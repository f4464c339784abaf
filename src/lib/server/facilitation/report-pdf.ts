/**
 * The sprint report as a PDF, drawn with pdfkit: the same sections as the page, text in DejaVu Sans
 * (embedded, so every Dutch letter, quote mark and dash shows), the boards redrawn from their layout
 * as vector shapes.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages.js';
import { groupTitleSize, wrap, type BoardLayout } from './board-layout';
import type { Report } from './report';
import type { ReportResult } from './report-screens';
import type { ScreenLayout } from './screen-layout';
import { evidenceText } from '$lib/facilitation/report/evidence';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const GREEN = '#05603a';
const MUTED = '#475467';

export function reportPdf(report: Report): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: report.sprint.title, Author: 'Meedoen' }, bufferPages: true });
	doc.registerFont('body', FONT);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const width = doc.page.width - 100;
	const text = (value: string, options: { bold?: boolean; size?: number; color?: string; indent?: number } = {}) => {
		doc.font(options.bold ? 'bold' : 'body').fontSize(options.size ?? 10.5).fillColor(options.color ?? '#101828');
		doc.text(printable(doc, value), 50 + (options.indent ?? 0), doc.y, { width: width - (options.indent ?? 0) });
	};
	const heading = (value: string) => {
		if (doc.y > doc.page.height - 140) doc.addPage();
		doc.moveDown(0.8);
		text(value, { bold: true, size: 15, color: GREEN });
		doc.moveTo(50, doc.y + 2).lineTo(50 + width, doc.y + 2).strokeColor('#d0d5dd').lineWidth(0.5).stroke();
		doc.moveDown(0.4);
	};
	const sub = (value: string) => {
		// A subheading never stays alone at the foot of a page.
		if (doc.y > doc.page.height - 110) doc.addPage();
		doc.moveDown(0.4);
		text(value, { bold: true, size: 12 });
	};
	const muted = (value: string) => text(value, { color: MUTED });

	text(m.facil_report_kicker().toUpperCase() + ' · ' + report.sprint.coalitionName, { bold: true, size: 9, color: GREEN });
	text(report.sprint.title, { bold: true, size: 22 });
	muted(`${formatDate(report.sprint.startDate)} · ${report.sprint.days === 1 ? m.sprint_day_one() : m.sprint_days_count({ count: report.sprint.days })} · ${m.facil_report_generated({ when: formatDateTime(report.generatedAt) })}`);

	heading(m.facil_report_brief());
	sub(m.facil_report_goal());
	text(report.goal || m.facil_report_empty());
	sub(m.facil_report_questions());
	if (!report.questions.length) muted(m.facil_report_empty());
	const answerLabel = { yes: m.facil_answer_yes, no: m.facil_answer_no, not_yet: m.facil_answer_not_yet } as const;
	report.questions.forEach((q, i) => {
		text(`${i + 1}. ${q.text}`);
		text(q.answer ? `${answerLabel[q.answer]()}${q.note ? ` · ${q.note}` : ''}` : m.facil_question_open(), { indent: 14, color: q.answer ? GREEN : MUTED });
	});

	heading(m.facil_decisions_title());
	if (!report.decisions.length) muted(m.facil_decisions_none());
	const voteById = new Map(report.votes.map((v) => [v.id, v]));
	report.decisions.forEach((d, i) => {
		text(`${i + 1}. ${d.text}`, { bold: true });
		if (d.rationale) text(d.rationale, { indent: 14 });
		for (const id of d.voteRoundIds) {
			const vote = voteById.get(id);
			if (vote) text(`${m.facil_decision_based_on()} ${m.facil_vote_on({ board: vote.boardTitle })}`, { indent: 14, color: MUTED });
		}
	});

	heading(m.facil_report_votes());
	if (!report.votes.length) muted(m.facil_decision_no_votes());
	for (const vote of report.votes) {
		sub(`${m.facil_vote_on({ board: vote.boardTitle })} (${m.facil_vote_dots({ count: vote.total })})`);
		for (const row of vote.top) text(`${row.votes}${row.supervotes ? ` + ${row.supervotes} ${m.facil_report_supervotes().toLowerCase()}` : ''} · ${row.text}`, { indent: 14 });
	}

	heading(m.facil_report_boards());
	for (const board of report.boards) {
		sub(`${board.title}${board.archived ? ` · ${m.facil_report_archived()}` : ''}`);
		drawBoard(doc, board.layout, width);
	}

	heading(m.facil_report_tests());
	muted(m.facil_report_small_numbers());
	if (!report.rounds.length) muted(m.facil_report_no_tests());
	for (const round of report.rounds) {
		sub(round.title);
		muted(`${formatDateTime(round.opensAt)} – ${formatDateTime(round.closesAt)} · ${m.facil_projector_counts({ started: round.started, finished: round.finished })}`);
		for (const item of round.items) {
			text(item.text, { bold: true, indent: 14 });
			text(
				item.respondents === null
					? m.facil_report_too_few()
					: `n=${item.respondents} · ${m.facil_report_would_help()}: ${item.wouldHelpYes ?? '–'}% · ${m.facil_report_positive()}: ${item.positive ?? '–'}% · ${outcomeOf(item)}`,
				{ indent: 28, color: MUTED }
			);
		}
		if (round.quotes.length) {
			text(m.facil_report_quotes(), { bold: true, indent: 14 });
			for (const quote of round.quotes) text(`“${quote.text}”${quote.itemText ? ` (${quote.itemText})` : ''}`, { indent: 28 });
		}
	}

	heading(m.facil_report_validated());
	if (!report.validated.length) muted(m.facil_report_none_validated());
	for (const idea of report.validated) {
		text(idea.text, { bold: true });
		text(evidenceText(idea), { indent: 14, color: MUTED });
		for (const quote of idea.quotes) text(`“${quote}”`, { indent: 14 });
	}

	const kindLabel = { prototype: m.facil_report_prototypes, ruleset: m.facil_report_rulesets } as const;
	for (const group of report.resources) {
		heading(kindLabel[group.kind]());
		if (!group.items.length) muted(m.facil_report_none_yet());
		for (const item of group.items) {
			text(item.title, { bold: true });
			if (item.versions.length) text(item.versions.map((v) => `${v.label} (${formatDateTime(v.createdAt)})`).join(' · '), { indent: 14, color: MUTED });
			for (const version of item.tested) {
				// The version's title, its intro and its first screen stay on one page.
				if (version.screens.length && doc.y + 70 + Math.min(screenHeight(version.screens[0].layout), 300) > doc.page.height - 50) doc.addPage();
				sub(m.facil_report_tested_version({ version: version.label }));
				muted(m.facil_report_screens_intro());
				version.screens.forEach((screen, i) => {
					const lines = [
						...(i === 0 ? [{ value: m.proto_start_screen(), color: MUTED }] : []),
						...screen.results.flatMap((r) =>
							r.respondents === null
								? [{ value: m.facil_report_round_too_few({ round: r.roundTitle }), color: MUTED }]
								: [
										{ value: `${r.roundTitle}: n=${r.respondents} · ${m.facil_report_would_help()}: ${r.wouldHelpYes ?? '–'}% · ${m.facil_report_positive()}: ${r.positive ?? '–'}%`, color: '#101828' },
										{ value: outcomeOf(r), color: MUTED }
									]
						)
					];
					drawScreenRow(doc, `${i + 1}. ${screen.name}`, screen.layout, lines, width);
				});
			}
		}
	}
	doc.end();
	return done;
}

const outcomeOf = (r: ReportResult) => {
	const verdict = { validated: m.facil_report_verdict_validated, not_validated: m.facil_report_verdict_not_validated, insufficient: m.facil_report_verdict_insufficient } as const;
	return r.validated === true ? m.facil_report_confirmed_validated() : r.validated === false ? m.facil_report_confirmed_not() : verdict[r.verdict]();
};

/** Screens are drawn this wide (points): two to a page, their text still readable in print. */
const SCREEN_PT = 170;
const screenHeight = (layout: ScreenLayout) => layout.height * (SCREEN_PT / layout.width);

/**
 * A tested screen: its picture on the left, its name and results beside it. A screen that fits a
 * page is never split; a longer one goes on over the next pages in slices at the same size, so its
 * text stays readable instead of shrinking to fit.
 */
function drawScreenRow(doc: PDFKit.PDFDocument, name: string, layout: ScreenLayout, lines: { value: string; color: string }[], width: number) {
	const scale = SCREEN_PT / layout.width;
	const height = layout.height * scale;
	const bottom = doc.page.height - doc.page.margins.bottom;
	const page = bottom - doc.page.margins.top - 8;
	// One that fits a page starts where it fits whole; a longer one starts here when a good part of a page is left.
	if (doc.y + 8 + (height <= page ? height : page / 3) > bottom) doc.addPage();
	let top = doc.y + 8;
	const x = 50 + SCREEN_PT + 16;
	const column = width - (x - 50);
	doc.font('bold').fontSize(11).fillColor('#101828').text(printable(doc, name), x, top, { width: column });
	for (const line of lines) doc.font('body').fontSize(9.5).fillColor(line.color).text(printable(doc, line.value), x, doc.y + 2, { width: column });
	let textBottom = doc.y;
	for (let drawn = 0; ; ) {
		const slice = cutAt(layout, drawn / scale, Math.min(height, drawn + bottom - top) / scale) * scale - drawn;
		doc.save();
		doc.rect(49, top, SCREEN_PT + 2, slice).clip();
		drawScreen(doc, layout, 50, top - drawn, scale, { from: drawn / scale, to: (drawn + slice) / scale });
		doc.restore();
		drawn += slice;
		if (drawn >= height - 0.5) {
			doc.x = 50;
			doc.y = Math.max(textBottom, top + slice) + 8;
			return;
		}
		doc.addPage();
		top = doc.page.margins.top;
		textBottom = top;
	}
}

const bottomOf = (p: ScreenLayout['parts'][number]) => p.y + (p.kind === 'text' ? p.lines.length * p.lineHeight : p.height);

/** Where to cut a screen between `from` and `to` (layout pixels): above any block the cut would split, unless that block alone is longer than a page. */
export function cutAt(layout: ScreenLayout, from: number, to: number): number {
	if (to >= layout.height) return layout.height;
	let cut = to;
	for (;;) {
		const split = layout.parts.filter((p) => p.y < cut && bottomOf(p) > cut);
		if (!split.length) return cut;
		const above = Math.min(...split.map((p) => p.y)) - 4;
		if (above <= from + 1) return to;
		cut = above;
	}
}

/** A screen's layout drawn as shapes at (left, top), `scale` points per layout pixel. */
function drawScreen(doc: PDFKit.PDFDocument, layout: ScreenLayout, left: number, top: number, scale: number, slice = { from: 0, to: layout.height }) {
	const X = (x: number) => left + x * scale;
	const Y = (y: number) => top + y * scale;
	doc.save();
	doc.roundedRect(left, top, layout.width * scale, layout.height * scale, 14 * scale).lineWidth(0.6).fillAndStroke('#ffffff', '#d0d5dd');
	for (const p of layout.parts) {
		// Only what shows in this slice: text searched or copied from the PDF then appears once.
		if (bottomOf(p) <= slice.from || p.y >= slice.to) continue;
		if (p.kind === 'rect') {
			doc.roundedRect(X(p.x), Y(p.y), p.width * scale, p.height * scale, p.radius * scale);
			if (p.dashed) doc.dash(4 * scale, { space: 3 * scale });
			if (p.stroke) doc.lineWidth(1.2 * scale).fillAndStroke(p.fill, p.stroke);
			else doc.fill(p.fill);
			doc.undash();
		} else if (p.kind === 'image') {
			doc.image(p.href, X(p.x), Y(p.y), { width: p.width * scale, height: p.height * scale });
		} else {
			const size = p.size * scale;
			doc.font(p.bold ? 'bold' : 'body').fontSize(size).fillColor(p.color);
			if (p.emoji && !printable(doc, p.lines.join('')).trim()) {
				drawPictogram(doc, X(p.x + p.width / 2), Y(p.y + p.lineHeight / 2), (p.size / 2) * scale);
				continue;
			}
			p.lines.map((line) => printable(doc, line)).forEach((line, i) => {
				const y = Y(p.y + i * p.lineHeight + (p.lineHeight - p.size * 1.15) / 2);
				const lineWidth = doc.widthOfString(line);
				const x = p.align === 'middle' ? X(p.x + p.width / 2) - lineWidth / 2 : X(p.x);
				doc.text(line, x, y, { lineBreak: false });
			});
		}
	}
	doc.restore();
}

type Glyphs = { _font?: { font?: { hasGlyphForCodePoint?(codePoint: number): boolean } } };

/**
 * The text without the letters the current font cannot draw (emoji, mostly): left in, they would
 * print as empty boxes. Joiners and variation selectors go with them.
 */
function printable(doc: PDFKit.PDFDocument, value: string): string {
	const font = (doc as unknown as Glyphs)._font?.font;
	if (!font?.hasGlyphForCodePoint) return value;
	let out = '';
	let dropped = false;
	for (const char of value) {
		const code = char.codePointAt(0)!;
		if (/\s/.test(char) || font.hasGlyphForCodePoint(code)) out += char;
		else dropped = true;
	}
	// "Signalen 🚦 en" would keep two spaces where the emoji was.
	return dropped ? out.replace(/ {2,}/g, ' ') : out;
}

/** An emoji the font lacks, drawn as a plain smiling face (the picture's meaning stays in the screen's text). */
function drawPictogram(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number) {
	doc.save();
	doc.circle(cx, cy, r).lineWidth(Math.max(0.5, r / 10)).fillAndStroke('#fef3c7', '#f59e0b');
	doc.circle(cx - r * 0.35, cy - r * 0.2, r * 0.1).fill('#92400e');
	doc.circle(cx + r * 0.35, cy - r * 0.2, r * 0.1).fill('#92400e');
	doc.moveTo(cx - r * 0.45, cy + r * 0.2).quadraticCurveTo(cx, cy + r * 0.65, cx + r * 0.45, cy + r * 0.2).lineWidth(Math.max(0.5, r / 10)).stroke('#92400e');
	doc.restore();
}

/** A board scaled to the page width (and at most half a page high), drawn as shapes. */
function drawBoard(doc: PDFKit.PDFDocument, layout: BoardLayout, width: number) {
	const maxHeight = (doc.page.height - 100) / 2;
	const scale = Math.min(width / layout.width, maxHeight / layout.height);
	const height = layout.height * scale;
	if (doc.y + height > doc.page.height - 50) doc.addPage();
	const top = doc.y + 4;
	const X = (x: number) => 50 + (x - layout.x) * scale;
	const Y = (y: number) => top + (y - layout.y) * scale;
	doc.save();
	doc.rect(50, top, layout.width * scale, height).lineWidth(0.5).strokeColor('#d0d5dd').stroke();
	const title = groupTitleSize(layout);
	for (const s of layout.shapes) {
		const x = X(s.x);
		const y = Y(s.y);
		const w = s.width * scale;
		const h = s.height * scale;
		if (s.kind === 'group') doc.roundedRect(x, y, w, h, 4).lineWidth(0.7).fillAndStroke(s.fill, '#98a2b3');
		else if (s.kind === 'note') doc.roundedRect(x, y, w, h, 2).lineWidth(0.3).fillAndStroke(s.fill, '#d0d5dd');
		const size = Math.max(3, (s.kind === 'group' ? title : s.kind === 'label' ? 22 : 15) * scale);
		if (!s.text || size < 3) continue;
		const lines = s.kind === 'group' ? wrap(s.text, s.width - 28, title, 1) : wrap(s.text, s.width - 20, s.kind === 'label' ? 22 : 15, Math.max(1, Math.floor((s.height - 16) / ((s.kind === 'label' ? 22 : 15) * 1.3))));
		doc.font(s.kind === 'note' ? 'body' : 'bold').fontSize(size).fillColor('#1f2937');
		lines.forEach((line, i) => doc.text(line, x + (s.kind === 'group' ? 14 : 10) * scale, y + 10 * scale + i * size * 1.3, { lineBreak: false, width: Math.max(1, w - 12 * scale), ellipsis: true }));
	}
	doc.strokeColor('#475467').lineWidth(Math.max(0.4, 2 * scale));
	for (const a of layout.arrows) {
		const [x1, y1, x2, y2] = [X(a.x1), Y(a.y1), X(a.x2), Y(a.y2)];
		doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
		const angle = Math.atan2(y2 - y1, x2 - x1);
		const head = Math.max(2.5, 9 * scale);
		doc.polygon([x2, y2], [x2 - head * Math.cos(angle - 0.45), y2 - head * Math.sin(angle - 0.45)], [x2 - head * Math.cos(angle + 0.45), y2 - head * Math.sin(angle + 0.45)]).fill('#475467');
	}
	doc.restore();
	doc.x = 50;
	doc.y = top + height + 8;
}

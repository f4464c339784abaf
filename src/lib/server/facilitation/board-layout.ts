/**
 * A board as shapes to draw, for the sprint report: frames (groups) with their titles, notes with
 * their colour and text, labels, and arrows between item centres. Read from the board's Y.Doc; the
 * SVG (board-svg.ts) and the PDF (report-pdf.ts) draw the same layout.
 */
import type * as Y from 'yjs';
import { absolutePosition, NOTE_COLORS, readEdges, readItems } from '$lib/board/model';

export type Shape = { kind: 'group' | 'note' | 'label'; x: number; y: number; width: number; height: number; fill: string; text: string };
export type Arrow = { x1: number; y1: number; x2: number; y2: number; label: string };
export type BoardLayout = { x: number; y: number; width: number; height: number; shapes: Shape[]; arrows: Arrow[] };

const MARGIN = 40;
/** Boards bigger than this (flow pixels) are cut off: a report image must stay a reasonable size. */
const MAX_SHAPES = 2000;

export function boardLayout(doc: Y.Doc): BoardLayout {
	const shapes: Shape[] = [];
	const centre = new Map<string, { x: number; y: number; width: number; height: number }>();
	for (const item of readItems(doc).slice(0, MAX_SHAPES)) {
		const { x, y } = absolutePosition(doc, item.id);
		const box = { x, y, width: item.width, height: item.height };
		centre.set(item.id, box);
		if (item.type === 'group') shapes.push({ kind: 'group', ...box, fill: '#f8fafc', text: item.title });
		else if (item.type === 'note') shapes.push({ kind: 'note', ...box, fill: NOTE_COLORS[item.color] ?? NOTE_COLORS.yellow, text: item.text });
		else shapes.push({ kind: 'label', ...box, fill: 'none', text: item.text });
	}
	const arrows = readEdges(doc).flatMap((edge) => {
		const a = centre.get(edge.source);
		const b = centre.get(edge.target);
		if (!a || !b) return [];
		return [{ ...clip(a, b), label: edge.label }];
	});
	if (!shapes.length) return { x: 0, y: 0, width: 400, height: 200, shapes, arrows };
	const left = Math.min(...shapes.map((s) => s.x)) - MARGIN;
	const top = Math.min(...shapes.map((s) => s.y)) - MARGIN;
	const right = Math.max(...shapes.map((s) => s.x + s.width)) + MARGIN;
	const bottom = Math.max(...shapes.map((s) => s.y + s.height)) + MARGIN;
	return { x: left, y: top, width: right - left, height: bottom - top, shapes, arrows };
}

type Box = { x: number; y: number; width: number; height: number };

/** The line between two boxes' centres, from edge to edge (so the arrow head is not hidden). */
function clip(a: Box, b: Box) {
	const from = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
	const to = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
	const exit = (box: Box, p: { x: number; y: number }, q: { x: number; y: number }) => {
		const dx = q.x - p.x;
		const dy = q.y - p.y;
		const tx = dx ? box.width / 2 / Math.abs(dx) : Infinity;
		const ty = dy ? box.height / 2 / Math.abs(dy) : Infinity;
		const t = Math.min(tx, ty, 1);
		return { x: p.x + dx * t, y: p.y + dy * t };
	};
	const start = exit(a, from, to);
	const end = exit(b, to, from);
	return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

/** Text broken into lines that fit `width` at `size` (an estimate: no font metrics on the server). */
/**
 * The font size of frame titles: 20 board units, larger on a large board. Drawn to fit a report's
 * width, a problem map thousands of units wide made its titles a few points high.
 */
export function groupTitleSize(layout: Pick<BoardLayout, 'width'>): number {
	return Math.round(Math.min(40, Math.max(20, layout.width / 60)));
}

export function wrap(text: string, width: number, size: number, maxLines: number): string[] {
	const perLine = Math.max(4, Math.floor(width / (size * 0.56)));
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const parts = word.length > perLine ? (word.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? [word]) : [word];
			for (const part of parts) {
				if (!line) line = part;
				else if (line.length + 1 + part.length <= perLine) line += ' ' + part;
				else {
					lines.push(line);
					line = part;
				}
			}
		}
		lines.push(line);
	}
	if (lines.length > maxLines) return [...lines.slice(0, maxLines - 1), (lines[maxLines - 1] ?? '').slice(0, perLine - 1) + '…'];
	return lines;
}

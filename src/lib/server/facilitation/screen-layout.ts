/**
 * A frozen prototype screen as shapes to draw, for the sprint report: the blocks stacked as the
 * player stacks them (ScreenView.svelte), drawn as rectangles and text, on a phone-sized canvas. The
 * SVG (screen-svg.ts) and the PDF (report-pdf.ts) draw the same layout. Pure: images come in as
 * already-checked data URIs; without one an image block is a labelled placeholder. Notes for testers
 * are never drawn (young people never see them either).
 */
import { lines, tabTarget, type Block, type Screen } from '$lib/prototype/model';
import { wrap } from './board-layout';

export type ScreenPart =
	| { kind: 'rect'; x: number; y: number; width: number; height: number; radius: number; fill: string; stroke: string | null; dashed?: boolean }
	/** `y` is the top of the first line; lines are `lineHeight` apart. */
	| { kind: 'text'; x: number; y: number; width: number; lines: string[]; size: number; lineHeight: number; bold: boolean; color: string; align: 'start' | 'middle'; emoji?: boolean }
	| { kind: 'image'; x: number; y: number; width: number; height: number; href: string };
export type ScreenLayout = { width: number; height: number; parts: ScreenPart[] };
export type ScreenImage = { href: string; width: number; height: number };
export type ScreenLabels = { image: string; button: string };

export const SCREEN_WIDTH = 360;
const MIN_HEIGHT = 640;
const MIN_CONTENT = 200;
const PAD = 16;
const GAP = 12;
const INNER = SCREEN_WIDTH - 2 * PAD;
const BLUE = '#1d4ed8';
const INK = '#1f2937';
const LINE = '#e5e7eb';
const IMAGE_MAX_HEIGHT = 260;

type Cursor = { parts: ScreenPart[]; y: number };

/** Wrapped text at the cursor; bold letters are wider, so they get less room in the estimate. */
function text(c: Cursor, value: string, o: { size: number; bold?: boolean; color?: string; x?: number; width?: number; maxLines?: number; align?: 'start' | 'middle'; lineHeight?: number; emoji?: boolean }) {
	const x = o.x ?? PAD;
	const width = o.width ?? INNER;
	const lineHeight = o.lineHeight ?? Math.round(o.size * 1.4);
	const wrapped = wrap(value, width * (o.bold ? 0.88 : 0.95), o.size, o.maxLines ?? 12);
	c.parts.push({ kind: 'text', x, y: c.y, width, lines: wrapped, size: o.size, lineHeight, bold: !!o.bold, color: o.color ?? INK, align: o.align ?? 'start', ...(o.emoji ? { emoji: true } : {}) });
	c.y += wrapped.length * lineHeight;
}

function rect(c: Cursor, height: number, o: { x?: number; width?: number; radius?: number; fill?: string; stroke?: string | null; dashed?: boolean } = {}) {
	c.parts.push({ kind: 'rect', x: o.x ?? PAD, y: c.y, width: o.width ?? INNER, height, radius: o.radius ?? 8, fill: o.fill ?? '#ffffff', stroke: o.stroke === undefined ? LINE : o.stroke, dashed: o.dashed });
}

/** One line of text centred vertically in a box of `height` starting at the cursor. */
function boxLine(c: Cursor, value: string, height: number, o: { size: number; bold?: boolean; color?: string; x?: number; width?: number; align?: 'start' | 'middle' }) {
	const top = c.y;
	c.y = top + (height - Math.round(o.size * 1.4)) / 2;
	text(c, value, { ...o, maxLines: 1 });
	c.y = top;
}

function drawBlock(c: Cursor, block: Block, screen: Screen, screens: Screen[], images: ReadonlyMap<string, ScreenImage>, labels: ScreenLabels) {
	switch (block.type) {
		case 'heading':
			text(c, block.text, { size: 22, bold: true, maxLines: 4, lineHeight: 28 });
			return;
		case 'text':
			text(c, block.text, { size: 16, maxLines: 16, lineHeight: 23 });
			return;
		case 'image': {
			const image = block.imageId ? images.get(block.imageId) : undefined;
			if (image && image.width > 0 && image.height > 0) {
				const scale = Math.min(INNER / image.width, IMAGE_MAX_HEIGHT / image.height);
				const width = image.width * scale;
				const height = image.height * scale;
				c.parts.push({ kind: 'image', x: PAD + (INNER - width) / 2, y: c.y, width, height, href: image.href });
				c.y += height;
			} else {
				rect(c, 96, { fill: '#f3f4f6', stroke: '#d1d5db', dashed: true });
				boxLine(c, block.text || labels.image, 96, { size: 14, color: '#4b5563', align: 'middle' });
				c.y += 96;
			}
			return;
		}
		case 'emoji':
			text(c, block.emoji || '🙂', { size: 48, lineHeight: 60, align: 'middle', maxLines: 1, emoji: true });
			return;
		case 'button': {
			const back = block.target === '@back';
			rect(c, 48, { radius: 12, fill: back ? '#ffffff' : BLUE, stroke: back ? BLUE : null });
			boxLine(c, block.text || labels.button, 48, { size: 17, bold: true, color: back ? BLUE : '#ffffff', align: 'middle' });
			c.y += 48;
			return;
		}
		case 'field':
			if (block.text) text(c, block.text, { size: 16, bold: true, maxLines: 3 });
			c.y += 4;
			rect(c, 44, { stroke: '#9ca3af' });
			c.y += 44;
			return;
		case 'choice':
		case 'checklist': {
			if (block.text) text(c, block.text, { size: 16, bold: true, maxLines: 4 });
			c.y += 6;
			const round = block.type === 'choice' && !block.multiple;
			for (const option of lines(block.items).slice(0, 12)) {
				rect(c, 44, { radius: 10 });
				const marker = { ...c, y: c.y + 12 };
				rect(marker, 20, { x: PAD + 12, width: 20, radius: round ? 10 : 4, stroke: '#6b7280' });
				boxLine(c, option, 44, { size: 16, x: PAD + 44, width: INNER - 56 });
				c.y += 44 + 6;
			}
			return;
		}
		case 'scale': {
			if (block.text) text(c, block.text, { size: 16, bold: true, maxLines: 4 });
			c.y += 6;
			const width = (INNER - 4 * 6) / 5;
			for (let n = 0; n < 5; n++) {
				const x = PAD + n * (width + 6);
				rect(c, 44, { x, width, radius: 10, stroke: BLUE });
				boxLine(c, String(n + 1), 44, { size: 17, bold: true, color: BLUE, x, width, align: 'middle' });
			}
			c.y += 44;
			return;
		}
		case 'card': {
			const top = c.y;
			const inner: Cursor = { parts: [], y: top + 12 };
			if (block.text) text(inner, block.text, { size: 17, bold: true, x: PAD + 12, width: INNER - 24, maxLines: 3 });
			if (block.items.trim()) text(inner, block.items, { size: 16, x: PAD + 12, width: INNER - 24, maxLines: 12, lineHeight: 22 });
			rect(c, inner.y + 12 - top, { radius: 12 });
			c.parts.push(...inner.parts);
			c.y = inner.y + 12;
			return;
		}
		case 'list':
			if (block.text) text(c, block.text, { size: 17, bold: true, maxLines: 3 });
			for (const line of lines(block.items).slice(0, 16)) {
				c.y += 10;
				text(c, line, { size: 16, maxLines: 3, lineHeight: 22 });
				c.y += 10;
				rect(c, 1, { radius: 0, fill: LINE, stroke: null });
				c.y += 1;
			}
			return;
		case 'tabs': {
			const tabs = lines(block.items).slice(0, 6);
			rect(c, 1, { radius: 0, fill: LINE, stroke: null });
			const width = INNER / Math.max(1, tabs.length);
			tabs.forEach((tab, i) => {
				const x = PAD + i * width;
				const current = tabTarget(screens, tab) === screen.id;
				if (current) rect(c, 3, { x, width, radius: 0, fill: BLUE, stroke: null });
				boxLine(c, tab, 48, { size: 15, bold: current, color: current ? BLUE : '#4b5563', x: x + 2, width: width - 4, align: 'middle' });
			});
			c.y += 48;
			return;
		}
		case 'note':
			// Notes for testers stay with the team: never in a picture of the screen.
			return;
	}
}

/**
 * The screen as shapes, `SCREEN_WIDTH` wide and at least a phone's height; the tabs (and what comes
 * after them) sit at the bottom, as in the player. `screens` are the version's screens (tabs name them).
 */
export function screenLayout(screen: Screen, screens: Screen[], images: ReadonlyMap<string, ScreenImage>, labels: ScreenLabels): ScreenLayout {
	const c: Cursor = { parts: [], y: PAD };
	let tabsFrom = -1;
	for (const block of screen.blocks) {
		if (block.type === 'note') continue;
		if (block.type === 'tabs' && tabsFrom < 0) tabsFrom = c.parts.length;
		drawBlock(c, block, screen, screens, images, labels);
		c.y += GAP;
	}
	const content = c.y - GAP + PAD;
	if (tabsFrom >= 0 && content < MIN_HEIGHT) {
		const shift = MIN_HEIGHT - content;
		for (const part of c.parts.slice(tabsFrom)) part.y += shift;
	}
	// A phone's height only when tabs sit at its foot; otherwise as tall as the content, so the report stays compact.
	return { width: SCREEN_WIDTH, height: Math.max(tabsFrom >= 0 ? MIN_HEIGHT : MIN_CONTENT, Math.ceil(content)), parts: c.parts };
}

/** A board drawn as a standalone SVG (for the sprint report, as an image; no scripts, no links). */
import type { BoardLayout } from './board-layout';
import { groupTitleSize, wrap } from './board-layout';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number) => String(Math.round(value * 10) / 10);

const FONT = "font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\"";

export function boardSvg(layout: BoardLayout): string {
	const parts: string[] = [];
	const title = groupTitleSize(layout);
	for (const s of layout.shapes) {
		if (s.kind === 'group') {
			parts.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" rx="12" fill="${s.fill}" stroke="#98a2b3" stroke-width="2"/>`);
			if (s.text) parts.push(`<text x="${n(s.x + 14)}" y="${n(s.y + 10 + title)}" font-size="${title}" font-weight="bold" fill="#344054">${esc(wrap(s.text, s.width - 28, title, 1)[0])}</text>`);
		} else {
			const size = s.kind === 'label' ? 22 : 15;
			if (s.kind === 'note') parts.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" rx="6" fill="${s.fill}" stroke="#00000022"/>`);
			const lines = wrap(s.text, s.width - 20, size, Math.max(1, Math.floor((s.height - 16) / (size * 1.3))));
			const tspans = lines.map((line, i) => `<tspan x="${n(s.x + 10)}" dy="${i ? n(size * 1.3) : 0}">${esc(line)}</tspan>`).join('');
			parts.push(`<text y="${n(s.y + 10 + size)}" font-size="${size}"${s.kind === 'label' ? ' font-weight="bold"' : ''} fill="#1f2937">${tspans}</text>`);
		}
	}
	for (const a of layout.arrows) {
		parts.push(`<line x1="${n(a.x1)}" y1="${n(a.y1)}" x2="${n(a.x2)}" y2="${n(a.y2)}" stroke="#475467" stroke-width="2.5" marker-end="url(#arrow)"/>`);
		if (a.label) parts.push(`<text x="${n((a.x1 + a.x2) / 2)}" y="${n((a.y1 + a.y2) / 2 - 6)}" font-size="14" text-anchor="middle" fill="#344054">${esc(wrap(a.label, 240, 14, 1)[0])}</text>`);
	}
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(layout.x)} ${n(layout.y)} ${n(layout.width)} ${n(layout.height)}" width="${n(layout.width)}" height="${n(layout.height)}" ${FONT}>` +
		`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#475467"/></marker></defs>` +
		`<rect x="${n(layout.x)}" y="${n(layout.y)}" width="${n(layout.width)}" height="${n(layout.height)}" fill="#ffffff"/>` +
		parts.join('') +
		`</svg>`
	);
}

/** The SVG as a data URI, for an <img> in a page or a self-contained file. */
export function svgDataUri(svg: string): string {
	return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/**
 * A frozen prototype screen drawn as a standalone SVG (for the sprint report, shown as an image: no
 * scripts, no links; every text escaped, images only as the data URIs the layout carries).
 */
import type { ScreenLayout } from './screen-layout';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number) => String(Math.round(value * 10) / 10);

/** Only our own image encodings may be embedded; anything else would be a way out of the picture. */
const SAFE_HREF = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/;

export function screenSvg(layout: ScreenLayout): string {
	const parts = layout.parts.map((p) => {
		if (p.kind === 'rect') {
			const stroke = p.stroke ? ` stroke="${p.stroke}" stroke-width="${p.dashed ? 2 : 1.5}"${p.dashed ? ' stroke-dasharray="6 4"' : ''}` : '';
			return `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" rx="${n(p.radius)}" fill="${p.fill}"${stroke}/>`;
		}
		if (p.kind === 'image') {
			if (!SAFE_HREF.test(p.href)) return '';
			return `<image x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" href="${esc(p.href)}" preserveAspectRatio="xMidYMid meet"/>`;
		}
		const x = p.align === 'middle' ? p.x + p.width / 2 : p.x;
		// The baseline sits about 0.8 of the font size below the top of a line's box.
		const top = p.y + (p.lineHeight - p.size) / 2 + p.size * 0.8;
		const tspans = p.lines.map((line, i) => `<tspan x="${n(x)}" y="${n(top + i * p.lineHeight)}">${esc(line)}</tspan>`).join('');
		return `<text font-size="${p.size}"${p.bold ? ' font-weight="bold"' : ''}${p.align === 'middle' ? ' text-anchor="middle"' : ''} fill="${p.color}">${tspans}</text>`;
	});
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" font-family="'DejaVu Sans', Verdana, Arial, sans-serif">` +
		`<rect x="0.5" y="0.5" width="${layout.width - 1}" height="${layout.height - 1}" rx="14" fill="#ffffff" stroke="#d0d5dd"/>` +
		parts.join('') +
		`</svg>`
	);
}

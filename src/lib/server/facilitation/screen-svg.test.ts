import { describe, expect, it } from 'vitest';
import type { Block, Screen } from '$lib/prototype/model';
import { screenLayout, SCREEN_WIDTH, type ScreenImage } from './screen-layout';
import { screenSvg } from './screen-svg';

let next = 0;
const block = (type: Block['type'], text: string, extra: Partial<Block> = {}): Block => ({
	id: `b${String(next++).padStart(15, 'a')}`,
	type,
	text,
	items: '',
	target: null,
	overlay: false,
	multiple: false,
	emoji: '',
	imageId: null,
	...extra
});
const labels = { image: 'Nog geen afbeelding', button: 'Knop' };
const none = new Map<string, ScreenImage>();
const texts = (svg: string) => [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);

describe('a frozen screen as a picture', () => {
	it('draws the blocks top to bottom with their texts, on a phone-sized canvas', () => {
		const screen: Screen = {
			id: 's',
			name: 'Welkom',
			blocks: [
				block('heading', 'Hoi! Fijn dat je er bent'),
				block('text', 'Dit duurt vijf minuten.'),
				block('choice', 'Hoe voel je je?', { items: 'Goed\nGaat wel\n\nNiet zo' }),
				block('scale', 'Hoe blij ben je?'),
				block('button', 'Verder', { target: 'x' }),
				block('button', '', { target: '@back' })
			]
		};
		const layout = screenLayout(screen, [screen], none, labels);
		expect(layout.width).toBe(SCREEN_WIDTH);
		// As tall as its content (no tabs to push to a phone's foot), and everything inside it.
		const bottom = Math.max(...layout.parts.map((p) => (p.kind === 'text' ? p.y + p.lines.length * p.lineHeight : p.y + p.height)));
		expect(layout.height).toBe(Math.ceil(bottom + 16));
		for (const part of layout.parts) expect(part.x + part.width).toBeLessThanOrEqual(SCREEN_WIDTH - 16);
		const svg = screenSvg(layout);
		expect(texts(svg)).toEqual(['Hoi! Fijn dat je er', 'bent', 'Dit duurt vijf minuten.', 'Hoe voel je je?', 'Goed', 'Gaat wel', 'Niet zo', 'Hoe blij ben je?', '1', '2', '3', '4', '5', 'Verder', 'Knop']);
		// Stacked: each text starts below the one before.
		const tops = layout.parts.filter((p) => p.kind === 'text').map((p) => p.y);
		expect(tops.slice(0, 3)).toEqual([...tops.slice(0, 3)].sort((a, b) => a - b));
		expect(svg.match(/<svg/g)).toHaveLength(1);
	});

	it('keeps hostile text as text: markup, quotes and entities are escaped, nothing runs or links out', () => {
		const evil = '</text></svg><script>alert(1)</script><a href="https://x.example">&amp;';
		const screen: Screen = {
			id: 's',
			name: evil,
			blocks: [block('heading', evil), block('list', 'Lijst "1"', { items: `<img src=x onerror=alert(1)>\n${evil}` }), block('tabs', '', { items: `<b>Home</b>\nMeer` })]
		};
		const svg = screenSvg(screenLayout(screen, [screen], none, labels));
		expect(svg).not.toMatch(/<script|<a |<img|<b>|<[^>]*onerror|<\/svg><|href="https/);
		expect(svg).toContain('&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;');
		expect(svg).toContain('Lijst &quot;1&quot;');
		expect(svg).toContain('&amp;amp;');
		expect(svg.match(/<svg/g)).toHaveLength(1);
		expect(svg.match(/<\/svg>/g)).toHaveLength(1);
	});

	it('never draws the notes for testers', () => {
		const screen: Screen = { id: 's', name: 'Start', blocks: [block('heading', 'Hallo'), block('note', 'Let op of ze de knop zien')] };
		const svg = screenSvg(screenLayout(screen, [screen], none, labels));
		expect(svg).toContain('Hallo');
		expect(svg).not.toContain('Let op');
	});

	it('embeds a given image scaled into the screen, and labels a missing one', () => {
		const png = 'data:image/png;base64,iVBORw0KGgo=';
		const screen: Screen = { id: 's', name: 'Foto', blocks: [block('image', 'Het buurthuis', { imageId: 'iiiiiiiiiiiiiiii' }), block('image', 'Kaart van de wijk', { imageId: 'jjjjjjjjjjjjjjjj' })] };
		const layout = screenLayout(screen, [screen], new Map([['iiiiiiiiiiiiiiii', { href: png, width: 1600, height: 800 }]]), labels);
		const image = layout.parts.find((p) => p.kind === 'image')!;
		expect(image).toMatchObject({ width: 328, height: 164 });
		const svg = screenSvg(layout);
		expect(svg).toContain(`href="${png}"`);
		expect(texts(svg)).toEqual(['Kaart van de wijk']);
		expect(svg).toContain('stroke-dasharray');
	});

	it('refuses to embed anything but a PNG or JPEG data URI', () => {
		const screen: Screen = { id: 's', name: 'Foto', blocks: [block('image', 'x', { imageId: 'iiiiiiiiiiiiiiii' })] };
		for (const href of ['https://tracker.example/p.png', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/png;base64,AAA" onload="alert(1)']) {
			const svg = screenSvg(screenLayout(screen, [screen], new Map([['iiiiiiiiiiiiiiii', { href, width: 10, height: 10 }]]), labels));
			expect(svg).not.toContain('<image');
		}
	});

	it('puts the tabs at the bottom of the screen and marks the current one', () => {
		const home: Screen = { id: 'h', name: 'Home', blocks: [block('heading', 'Home'), block('tabs', '', { items: 'Home\nProfiel' })] };
		const profile: Screen = { id: 'p', name: 'Profiel', blocks: [] };
		const layout = screenLayout(home, [home, profile], none, labels);
		const tabTexts = layout.parts.filter((p) => p.kind === 'text' && (p.lines[0] === 'Home' || p.lines[0] === 'Profiel'));
		const [heading, homeTab, profileTab] = tabTexts;
		expect(heading.y).toBeLessThan(100);
		expect(homeTab.y).toBeGreaterThan(layout.height - 60);
		expect(homeTab).toMatchObject({ bold: true, color: '#1d4ed8' });
		expect(profileTab).toMatchObject({ bold: false });
	});

	it('grows with a long screen, and wraps long words so nothing runs off the side', () => {
		const screen: Screen = { id: 's', name: 'Lang', blocks: Array.from({ length: 20 }, () => block('text', 'Woord '.repeat(60) + 'Gemeentelijkeschuldhulpverleningsorganisatie')) };
		const layout = screenLayout(screen, [screen], none, labels);
		expect(layout.height).toBeGreaterThan(2000);
		for (const part of layout.parts) if (part.kind === 'text') for (const line of part.lines) expect(line.length * part.size * 0.56).toBeLessThanOrEqual(part.width);
	});
});

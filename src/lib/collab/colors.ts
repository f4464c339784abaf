/** Presence colours with enough contrast on white (WCAG AA for text), picked per organisation. */
const PALETTE = ['#0b6e4f', '#1d4ed8', '#b42318', '#7e22ce', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#57534e', '#9a3412'];

export function colorFor(key: string): string {
	let hash = 0;
	for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
	return PALETTE[hash % PALETTE.length];
}

/**
 * A local path to redirect to after sign-in or a language switch; anything else becomes `fallback`.
 * Parsed as a URL against a dummy origin, because browsers drop tabs and newlines and read `\` as
 * `/`: `/\t/evil.example` is a protocol-relative URL to them.
 */
export function safePath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	const base = 'http://local.invalid';
	let url: URL;
	try {
		url = new URL(value, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	return url.pathname + url.search + url.hash;
}

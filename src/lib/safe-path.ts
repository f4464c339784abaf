/** A local path to redirect to after sign-in or a language switch; anything else becomes `fallback`. */
export function safePath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}

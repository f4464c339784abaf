/** A safe file name for a download: the rule set's name in ASCII, its version and an extension. */
export function downloadName(name: string, version: number, extension: string): string {
	const slug =
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'regelset';
	return `${slug}-v${version}.${extension}`;
}

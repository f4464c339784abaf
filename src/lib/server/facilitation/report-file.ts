/**
 * The report as a file: self-contained HTML (styles inline, board images as data URIs, no script)
 * and a PDF. Names are ASCII, from the sprint's title.
 */
import { render } from 'svelte/server';
import ReportBody from '$lib/facilitation/report/ReportBody.svelte';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Report } from './report';

export function reportFileName(report: Report, extension: 'html' | 'pdf'): string {
	const slug = report.sprint.title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60)
		.toLowerCase();
	return `sprintverslag-${slug || 'sprint'}.${extension}`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportHtml(report: Report): string {
	const { head, body } = render(ReportBody, { props: { report } });
	// Svelte's hydration markers are comments: harmless, but a file to keep needs none.
	const clean = body.replace(/<!--[^>]*-->/g, '');
	return `<!doctype html>
<html lang="${getLocale()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(report.sprint.title)}</title>
${head}
<style>body { margin: 0; padding: 2rem 1.25rem; background: #fff; }</style>
</head>
<body>
${clean}
</body>
</html>
`;
}

/** Headers for a download: the file, never cached, never sniffed. */
export function downloadHeaders(type: string, name: string): HeadersInit {
	return { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
}

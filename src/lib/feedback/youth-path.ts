/**
 * Where the young person is after the step page moved on in the page (replaceState does not change
 * page.url): kept in page.state, read by the youth layout for its language link.
 */
export function youthState(path: string): App.PageState {
	return { youthPath: path } as App.PageState;
}

export function youthPath(state: App.PageState): string | null {
	const path = (state as { youthPath?: unknown }).youthPath;
	// Only a path inside the youth side: the language switch redirects there.
	return typeof path === 'string' && path.startsWith('/j/') ? path : null;
}

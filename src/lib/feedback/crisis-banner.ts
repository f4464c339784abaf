/** The sprint layout's load depends on this, so the layout can ask again for open crisis alerts. */
export const CRISIS_DEPENDENCY = 'app:crisis-alerts';

/** How often a facilitator's sprint page asks: soon enough to act on, light for the server. */
export const CRISIS_POLL_MS = 15_000;

/**
 * Pages where the banner stays away: the round's own page shows the full alert; the projector is
 * seen by the whole room (young people too) and a print-out leaves the room.
 */
export function bannerHidden(path: string, sprintId: string, roundId: string): boolean {
	const base = `/sprints/${sprintId}`;
	if (path === `${base}/projector` || path.startsWith(`${base}/projector/`)) return true;
	if (/\/print(\/|$)/.test(path)) return true;
	return path === `${base}/tests/${roundId}`;
}

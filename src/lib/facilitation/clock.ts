/**
 * The sprint's wall clock. Agenda times are times of day where the sprint happens (Dutch time by
 * default), not on the server (often UTC) or a laptop set to another zone.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The date (YYYY-MM-DD) and minute of the day at `now` in `timeZone`. */
export function wallClock(now: number, timeZone = DEFAULT_TIME_ZONE): { date: string; minute: number } {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
			.formatToParts(new Date(now))
			.map((p) => [p.type, p.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Which day of the sprint (1-based) a date is, or null outside it. */
export function sprintDayOf(startDate: string, days: number, date: string): number | null {
	const day = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
	return Number.isFinite(day) && day >= 1 && day <= days ? day : null;
}

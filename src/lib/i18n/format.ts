import { getLocale } from '$lib/paraglide/runtime.js';

/** A YYYY-MM-DD date as the reader's language writes it (noon UTC so no timezone shifts the day). */
export function formatDate(isoDate: string): string {
	const date = new Date(isoDate + 'T12:00:00Z');
	if (Number.isNaN(date.getTime())) return isoDate;
	return new Intl.DateTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * Clock times are shown in the Netherlands' time zone, on the server as in the browser: the server
 * often runs in UTC, and a page drawn on the server must show the time the room's clock shows.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

export function formatDateTime(date: Date | string | number): string {
	return new Intl.DateTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(date));
}

/** Hours and minutes, as the reader's language writes them. */
export function formatTime(date: Date | string | number): string {
	return new Intl.DateTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(date));
}

/**
 * A number as the reader's language writes it ("100.000" and "1,5" in Dutch), never the browser's
 * own language: a Dutch page in an English browser must not say "100,000".
 */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
	const locale = getLocale() === 'nl' ? 'nl-NL' : 'en-GB';
	// Tables call this for every cell: the plain formatter is made once per language.
	if (!options) return (plainFormats[locale] ??= new Intl.NumberFormat(locale)).format(n);
	return new Intl.NumberFormat(locale, options).format(n);
}
const plainFormats: Record<string, Intl.NumberFormat> = {};

/** The outcome of a service call: a value, or the key of a user-facing message (see messages/*.json). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string, field?: string): { ok: false; error: string; field?: string } => ({
	ok: false,
	error,
	field
});

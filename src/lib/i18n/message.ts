import { m } from '$lib/paraglide/messages.js';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/** Translates a message key that a service returned (see $lib/server/result.ts). */
export function message(key: string, inputs?: Record<string, unknown>): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(inputs) : m.error_unknown();
}

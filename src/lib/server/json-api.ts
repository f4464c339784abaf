/** Helpers for the JSON endpoints: refusals as `{ error, message }`, and a body read against a schema. */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { message } from '$lib/i18n/message';

/** A refusal: the message key (for code) and its text in the person's language. */
export function refuse(status: number, key: string): Response {
	return json({ error: key, message: message(key) }, { status });
}

/** The request's JSON body if it is valid JSON matching the schema, else a 400 to return. */
export async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return { ok: false, response: refuse(400, 'error_bad_request') };
	}
	const parsed = schema.safeParse(body);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: refuse(400, 'error_bad_request') };
}

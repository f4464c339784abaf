/**
 * Answers from the young person's page, as JSON: `{ token, answers: [{ itemId, questionId, value }],
 * finish? }`. All or nothing; every refusal is a 4xx with a message to show. Nothing about the
 * request itself (address, browser) is stored or logged.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { refuse } from '$lib/server/json-api';
import { getDb } from '$lib/server/db';
import { saveBatch } from '$lib/server/feedback/youth';
import { roundOfCode } from '$lib/server/feedback/youth-round';
import { clearRunCookie } from '$lib/server/feedback/run-cookie';

/** 60 answers of at most 500 characters fit easily; anything bigger is not from our page. */
const BODY_MAX = 64 * 1024;

const STATUS: Record<string, number> = { error_run_unknown: 403, error_round_closed: 409, error_round_not_open: 409, error_run_finished: 409 };

/**
 * No guessing limit here: a request counts only with a run's secret, and a limit could drop the
 * answers 30 tablets behind one address had waiting. An unknown code answers as a wrong secret
 * does, so this endpoint tells nothing about which codes exist.
 */
export const POST: RequestHandler = async ({ params, request, cookies, url }) => {
	const round = roundOfCode(params.code ?? '');
	if (!round) return refuse(403, 'error_run_unknown');
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > BODY_MAX) return refuse(413, 'error_answer_too_big');
	let body: unknown;
	try {
		const text = await request.text();
		if (text.length > BODY_MAX) return refuse(413, 'error_answer_too_big');
		body = JSON.parse(text);
	} catch {
		return refuse(400, 'error_answer_batch');
	}
	if (!body || typeof body !== 'object') return refuse(400, 'error_answer_batch');
	const { token, answers, finish } = body as { token?: unknown; answers?: unknown; finish?: unknown };
	const result = saveBatch(getDb(), round, token, answers, finish === true);
	if (!result.ok) return refuse(STATUS[result.error] ?? 400, result.error);
	// Finished: the tablet forgets the run, so the next person cannot open it.
	if (finish === true) clearRunCookie(cookies, round.code, url.protocol === 'https:');
	return json({ saved: result.value.saved });
};

/**
 * The round's answers as a CSV download (UTF-8 with a BOM, so Excel reads the accents). Facilitators
 * only: it holds answer-level rows, which the results page never shows to the rest of the sprint.
 */
import { answerLabel, questionLabel } from '$lib/feedback/labels';
import { fileName } from '$lib/board/export';
import { m } from '$lib/paraglide/messages.js';
import { roundAccess, ROUND_MANAGERS } from '$lib/server/feedback/access';
import { resultsCsv } from '$lib/server/feedback/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { db, round } = roundAccess(event, { endpoint: true, allowed: ROUND_MANAGERS });
	const csv = resultsCsv(db, round, {
		header: { participant: m.rounds_csv_participant(), idea: m.rounds_csv_idea(), question: m.rounds_csv_question(), answer: m.rounds_csv_answer() },
		final: m.rounds_csv_final(),
		question: questionLabel,
		answer: answerLabel
	});
	return new Response('\uFEFF' + csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName(round.title, 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};

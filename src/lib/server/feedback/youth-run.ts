import { redirect, type Cookies } from '@sveltejs/kit';
import { getDb } from '../db';
import { findRun } from './participation';
import { runToken } from './run-cookie';
import { roundOfCode } from './youth-round';

/** The round and this tablet's run, for the pages of a run; without a run that is still going, back to the start. */
export function currentRun(code: string, cookies: Cookies) {
	const round = roundOfCode(code);
	// An unknown code goes to the intro, which answers it (with the guessing limit).
	if (!round) redirect(303, `/j/${encodeURIComponent(code)}`);
	const db = getDb();
	const token = runToken(cookies);
	const run = findRun(db, round, token);
	// No run on this tablet (a new person, "next person" was pressed, or the run was finished).
	if (!run || !token || run.finishedAt) redirect(303, `/j/${round.code}`);
	return { db, round, run, token };
}

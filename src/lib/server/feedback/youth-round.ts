/**
 * Finding the round behind a young person's link. Where someone arrives with a code (the form, the
 * short link, the intro) the guessing limit applies: a short link is a code too. Where a run is
 * already going (the steps, the answers, "next person") it does not: those requests carry the run's
 * secret, and a limit there could stop 30 tablets behind one school address mid-run.
 */
import { getDb } from '../db';
import { joinLimiter } from './join-limit';
import { normaliseJoinCode } from './join-code';
import { roundByCode, type Round } from './rounds';

export type Lookup = { round: Round; canonical: string } | { round: null; reason: 'unknown' | 'wait' };

export async function lookupRound(rawCode: string, address: string): Promise<Lookup> {
	const code = normaliseJoinCode(rawCode);
	if (!code) return { round: null, reason: 'unknown' };
	if (await joinLimiter.blocked(address, code)) return { round: null, reason: 'wait' };
	const round = roundByCode(getDb(), code);
	if (!round) {
		await joinLimiter.failed(address, code);
		return { round: null, reason: 'unknown' };
	}
	return { round, canonical: code };
}

/** The round of a code without the guessing limit: only for requests that must also show a run's secret. */
export function roundOfCode(rawCode: string): Round | null {
	const code = normaliseJoinCode(rawCode);
	return code ? roundByCode(getDb(), code) : null;
}

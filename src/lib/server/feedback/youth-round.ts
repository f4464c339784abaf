/**
 * Finding the round behind a young person's link, with the same guessing limit as the code form:
 * a short link is a code too.
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

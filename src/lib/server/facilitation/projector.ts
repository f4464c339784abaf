/**
 * What the projector shows of the sprint's test round: the round open now (the newest if several),
 * its join code and counts. Only counts, through roundView with the role that sees least (so the
 * small-number rule holds: nothing about an idea fewer than 5 young people answered), and never a
 * young person's text or a crisis alert: a projector is seen by the whole room.
 */
import type { DB } from '../db';
import { formatJoinCode } from '../feedback/join-code';
import { roundView, type Counts } from '../feedback/round-view';
import { listRounds, roundStatus } from '../feedback/rounds';

export type ProjectorRound = {
	id: string;
	title: string;
	code: string;
	codeFormatted: string;
	closesAt: number;
	started: number;
	finished: number;
	/** Runs a young person ended with "Stoppen": closed, but not counted as finished. */
	stopped: number;
	items: { id: string; text: string; respondents: number | null; wouldHelp: Counts; reactions: Counts }[];
};

export function projectorRound(db: DB, sprintId: string, now = Date.now()): ProjectorRound | null {
	const open = listRounds(db, sprintId)
		.filter((round) => roundStatus(round, now) === 'open')
		.sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())[0];
	if (!open) return null;
	const view = roundView(db, open, 'observer', now);
	return {
		id: view.id,
		title: view.title,
		code: view.code,
		codeFormatted: formatJoinCode(view.code),
		closesAt: view.closesAt,
		started: view.started,
		finished: view.finished,
		stopped: view.stopped,
		// Listed by hand: a field added to the round view later reaches the projector only when added here.
		items: view.items.map((item) => ({ id: item.id, text: item.text, respondents: item.respondents, wouldHelp: item.wouldHelp, reactions: item.reactions }))
	};
}

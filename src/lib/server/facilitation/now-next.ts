/** What is on now and next in the sprint's agenda, in the sprint's own (Dutch) time. */
import { end, nowAndNext, type AgendaMoment, type AgendaSlot } from '$lib/facilitation/agenda';
import { sprintDayOf, wallClock } from '$lib/facilitation/clock';
import type { DB } from '../db';
import { getSprint } from '../sprints/service';
import { listAgenda, type AgendaBlock } from './agenda';


const slot = (block: AgendaBlock | null): AgendaSlot | null => (block ? { id: block.id, title: block.title, start: block.start, end: end(block) } : null);

export function agendaMoment(db: DB, sprintId: string, at = Date.now(), blocks?: AgendaBlock[]): AgendaMoment {
	const sprint = getSprint(db, sprintId);
	if (!sprint) return { today: null, now: null, next: null };
	const clock = wallClock(at);
	const today = sprintDayOf(sprint.startDate, sprint.days, clock.date);
	if (!today) return { today: null, now: null, next: null };
	const { now, next } = nowAndNext((blocks ?? listAgenda(db, sprintId)).filter((b) => b.day === today), clock.minute);
	return { today, now: slot(now), next: slot(next) };
}

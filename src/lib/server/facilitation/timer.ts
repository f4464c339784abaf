/** The sprint's shared timer, kept on the server: every screen counts down to the same end. */
import { eq } from 'drizzle-orm';
import { extendTimer, pauseTimer, resumeTimer, settle, startTimer, type TimerState } from '$lib/facilitation/timer';
import type { DB } from '../db';
import { sprintTimers } from '../db/schema';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';

export const TIMER_LABEL_MAX = 80;

export type SharedTimer = { state: TimerState; label: string };

export function getTimer(db: DB, sprintId: string, now = Date.now()): SharedTimer {
	const row = db.select().from(sprintTimers).where(eq(sprintTimers.sprintId, sprintId)).get();
	return row ? { state: settle(row.state as TimerState, now), label: row.label } : { state: { status: 'idle' }, label: '' };
}

export type TimerAction = { action: unknown; seconds?: unknown; label?: unknown };

export function changeTimer(db: DB, sprintId: string, userId: string, input: TimerAction, now = Date.now()): Result<SharedTimer> {
	const current = getTimer(db, sprintId, now);
	const ms = typeof input.seconds === 'number' ? input.seconds * 1000 : typeof input.seconds === 'string' && input.seconds.trim() ? Number(input.seconds) * 1000 : NaN;
	const label = typeof input.label === 'string' ? oneLine(input.label) : current.label;
	if (label.length > TIMER_LABEL_MAX) return fail('error_timer_label');
	const next =
		input.action === 'start'
			? startTimer(ms, now)
			: input.action === 'pause'
				? pauseTimer(current.state, now)
				: input.action === 'resume'
					? resumeTimer(current.state, now)
					: input.action === 'extend'
						? extendTimer(current.state, ms, now)
						: input.action === 'reset'
							? ({ ok: true, value: { status: 'idle' } } as const)
							: ({ ok: false, error: 'error_bad_request' } as const);
	if (!next.ok) return fail(next.error);
	const row = { state: next.value, label: input.action === 'reset' ? '' : label, updatedBy: userId, updatedAt: new Date(now) };
	db.insert(sprintTimers)
		.values({ sprintId, ...row })
		.onConflictDoUpdate({ target: sprintTimers.sprintId, set: row })
		.run();
	return ok({ state: next.value, label: row.label });
}

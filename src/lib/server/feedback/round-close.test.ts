import { describe, expect, it } from 'vitest';
import { coalitionMembers } from '../db/schema';
import { insertUser } from '../db/test-db';
import { listNotifications, notify } from '../notifications/service';
import { setSprintMember } from '../sprints/service';
import { announceEndedRounds, closeRoundAndNotify, NOTICE_LOOKBACK_MS } from './round-close';
import { closeRound, extendRound, getRound, HOUR } from './rounds';
import { round, setup, T0 } from './test-fixtures';

function world() {
	const ctx = setup();
	const partner = insertUser(ctx.db, 'Pim');
	const observer = insertUser(ctx.db, 'Otto');
	for (const user of [partner, observer]) ctx.db.insert(coalitionMembers).values({ coalitionId: ctx.coalitionId, userId: user.id, role: 'partner' }).run();
	setSprintMember(ctx.db, ctx.sprintId, partner.id, 'partner');
	setSprintMember(ctx.db, ctx.sprintId, observer.id, 'observer');
	return { ...ctx, partner, observer };
}

const closedNotices = (ctx: ReturnType<typeof world>, userId: string) => listNotifications(ctx.db, userId).filter((n) => n.kind === 'round_closed');

describe('a test round that runs out of time', () => {
	it('is announced once, to every member of the sprint, when its window has ended', () => {
		const ctx = world();
		const r = round(ctx); // open T0 .. T0 + 4 h
		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR - 1)).toBe(0);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(0);

		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR)).toBe(1);
		for (const user of [ctx.user, ctx.partner, ctx.observer]) {
			expect(closedNotices(ctx, user.id)).toMatchObject([{ params: { round: 'Ronde 1' }, href: `/sprints/${ctx.sprintId}/tests/${r.id}`, sprintId: ctx.sprintId }]);
		}
		// The next sweeps (or another process, or after a restart: it is all in the database) send nothing more.
		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR + 30_000)).toBe(0);
		expect(announceEndedRounds(ctx.db, T0 + 5 * HOUR)).toBe(0);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(1);
	});

	it('waits for a window that was extended', () => {
		const ctx = world();
		const r = round(ctx);
		expect(extendRound(ctx.db, r, 60, T0 + HOUR).ok).toBe(true);
		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR)).toBe(0);
		expect(announceEndedRounds(ctx.db, T0 + 5 * HOUR)).toBe(1);
	});

	it('is not announced again after the facilitator closed it by hand', () => {
		const ctx = world();
		const r = round(ctx);
		closeRoundAndNotify(ctx.db, r, ctx.user.id, T0 + HOUR);
		expect(getRound(ctx.db, ctx.sprintId, r.id)!.closesAt.getTime()).toBe(T0 + HOUR);
		// The one who closed it is not told; the others are, once.
		expect(closedNotices(ctx, ctx.user.id)).toHaveLength(0);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(1);
		expect(announceEndedRounds(ctx.db, T0 + HOUR + 1)).toBe(0);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(1);
	});

	it('is not announced again when a facilitator closes it after it ran out', () => {
		const ctx = world();
		const r = round(ctx);
		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR)).toBe(1);
		closeRoundAndNotify(ctx.db, getRound(ctx.db, ctx.sprintId, r.id)!, ctx.user.id, T0 + 4 * HOUR + 1000);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(1);
		// The round's end stays where it was.
		expect(getRound(ctx.db, ctx.sprintId, r.id)!.closesAt.getTime()).toBe(T0 + 4 * HOUR);
	});

	it('is old news after a day: a round that ended longer ago (a server that was down) is not announced', () => {
		const ctx = world();
		round(ctx);
		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR + NOTICE_LOOKBACK_MS)).toBe(0);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(0);
	});

	it('announces each of several rounds once', () => {
		const ctx = world();
		round(ctx, { title: 'Oost' });
		round(ctx, { title: 'West', hours: 2 });
		expect(announceEndedRounds(ctx.db, T0 + 2 * HOUR)).toBe(1);
		expect(announceEndedRounds(ctx.db, T0 + 4 * HOUR)).toBe(1);
		expect(closedNotices(ctx, ctx.partner.id).map((n) => n.params.round).sort()).toEqual(['Oost', 'West']);
	});
});

describe('rounds closed before notices were claimed', () => {
	it('are not announced a second time by the sweep', () => {
		const ctx = world();
		const r = round(ctx);
		// What a facilitator's close sent before round_close_notices existed: a notice, but no claim.
		notify(ctx.db, { sprintId: ctx.sprintId, kind: 'round_closed', params: { round: r.title }, href: `/sprints/${ctx.sprintId}/tests/${r.id}`, exceptUserId: ctx.user.id }, T0 + HOUR);
		closeRound(ctx.db, r, T0 + HOUR);
		expect(announceEndedRounds(ctx.db, T0 + HOUR + 1)).toBe(0);
		expect(announceEndedRounds(ctx.db, T0 + 2 * HOUR)).toBe(0);
		expect(closedNotices(ctx, ctx.partner.id)).toHaveLength(1);
		expect(closedNotices(ctx, ctx.user.id)).toHaveLength(0);
	});
});

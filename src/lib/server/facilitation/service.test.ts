import { describe, expect, it } from 'vitest';
import { formatTime } from '$lib/facilitation/agenda';
import { remaining } from '$lib/facilitation/timer';
import { createBoard } from '../boards/service';
import { createCoalition } from '../coalitions/service';
import { agendaBlocks } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { addBlock, applyTemplate, deleteBlock, listAgenda, moveBlock, reorderDay, shiftDay, updateBlock } from './agenda';
import { agendaMoment } from './now-next';
import { changeTimer, getTimer } from './timer';

function setup(days = 5) {
	const db = testDb();
	const user = insertUser(db, 'Fenna');
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days });
	if (!sprint.ok) throw new Error();
	return { db, user, sprintId: sprint.value.id };
}

const block = (extra: Record<string, unknown> = {}) => ({ day: '1', start: '09:30', duration: '30', title: 'Welkom', activity: 'talk', ...extra });
const times = (db: ReturnType<typeof setup>['db'], sprintId: string) => listAgenda(db, sprintId).map((b) => `${b.day} ${formatTime(b.start)} ${b.title}`);

describe('agenda', () => {
	it('adds blocks that fit the day and refuses overlaps, midnight and nonsense, storing nothing', () => {
		const { db, sprintId } = setup();
		expect(addBlock(db, sprintId, block())).toMatchObject({ ok: true });
		expect(addBlock(db, sprintId, block({ start: '09:45', title: 'Overlap' }))).toMatchObject({ ok: false, error: 'error_agenda_overlap' });
		expect(addBlock(db, sprintId, block({ start: '23:50', duration: '30' }))).toMatchObject({ ok: false, error: 'error_agenda_past_midnight' });
		expect(addBlock(db, sprintId, block({ start: '25:00' }))).toMatchObject({ ok: false, error: 'error_agenda_start', field: 'start' });
		expect(addBlock(db, sprintId, block({ duration: '0' }))).toMatchObject({ ok: false, error: 'error_agenda_duration' });
		expect(addBlock(db, sprintId, block({ day: '6' }))).toMatchObject({ ok: false, error: 'error_agenda_day' });
		expect(addBlock(db, sprintId, block({ activity: 'party' }))).toMatchObject({ ok: false, error: 'error_agenda_activity' });
		expect(addBlock(db, sprintId, block({ start: '10:00', resource: 'board:someone-elses' }))).toMatchObject({ ok: false, error: 'error_agenda_resource' });
		expect(times(db, sprintId)).toEqual(['1 09:30 Welkom']);
	});

	it('links a block to a board of the sprint', () => {
		const { db, user, sprintId } = setup();
		const board = createBoard(db, sprintId, user.id, 'Probleemkaart');
		if (!board.ok) throw new Error();
		const added = addBlock(db, sprintId, block({ resource: `board:${board.value.id}` }));
		expect(added.ok).toBe(true);
		expect(listAgenda(db, sprintId)[0]).toMatchObject({ resourceKind: 'board', resourceId: board.value.id });
	});

	it('reorders a day with starts recomputed, moves a block up, and shifts the rest when running late', () => {
		const { db, sprintId } = setup();
		const a = addBlock(db, sprintId, block({ title: 'A' }));
		const b = addBlock(db, sprintId, block({ start: '10:00', duration: '60', title: 'B' }));
		const c = addBlock(db, sprintId, block({ start: '11:00', duration: '15', title: 'C' }));
		if (!a.ok || !b.ok || !c.ok) throw new Error();
		expect(reorderDay(db, sprintId, 1, [c.value.id, a.value.id, b.value.id])).toMatchObject({ ok: true });
		expect(times(db, sprintId)).toEqual(['1 09:30 C', '1 09:45 A', '1 10:15 B']);
		expect(moveBlock(db, sprintId, b.value.id, 'up')).toMatchObject({ ok: true });
		expect(times(db, sprintId)).toEqual(['1 09:30 C', '1 09:45 B', '1 10:45 A']);
		expect(shiftDay(db, sprintId, b.value.id, 15)).toMatchObject({ ok: true });
		expect(times(db, sprintId)).toEqual(['1 09:30 C', '1 10:00 B', '1 11:00 A']);
		expect(shiftDay(db, sprintId, a.value.id, 13 * 60)).toMatchObject({ ok: false });
		expect(reorderDay(db, sprintId, 1, [a.value.id])).toMatchObject({ ok: false, error: 'error_agenda_order' });
		expect(times(db, sprintId)).toEqual(['1 09:30 C', '1 10:00 B', '1 11:00 A']);
	});

	it('edits and deletes a block', () => {
		const { db, sprintId } = setup();
		const a = addBlock(db, sprintId, block());
		addBlock(db, sprintId, block({ start: '10:00', title: 'B' }));
		if (!a.ok) throw new Error();
		expect(updateBlock(db, sprintId, a.value.id, block({ duration: '45' }))).toMatchObject({ ok: false, error: 'error_agenda_overlap' });
		expect(updateBlock(db, sprintId, a.value.id, block({ title: 'Start' }))).toMatchObject({ ok: true });
		expect(deleteBlock(db, sprintId, a.value.id)).toMatchObject({ ok: true });
		expect(times(db, sprintId)).toEqual(['1 10:00 B']);
	});

	it('fills an empty agenda from a template in the chosen language, all days at once', () => {
		const { db, sprintId } = setup();
		expect(applyTemplate(db, sprintId, 'design_sprint_5', 'en')).toMatchObject({ ok: true });
		const blocks = listAgenda(db, sprintId);
		expect(new Set(blocks.map((b) => b.day))).toEqual(new Set([1, 2, 3, 4, 5]));
		expect(blocks[0].title).toBe('Welcome, goal and sprint questions');
		expect(applyTemplate(db, sprintId, 'design_sprint_4', 'nl')).toMatchObject({ ok: false, error: 'error_agenda_not_empty' });
		const short = setup(3);
		expect(applyTemplate(short.db, short.sprintId, 'design_sprint_4', 'nl')).toMatchObject({ ok: false, error: 'error_agenda_template_days' });
		expect(short.db.select().from(agendaBlocks).all()).toHaveLength(0);
	});
});

describe('shared timer', () => {
	it('starts, pauses, resumes, extends and resets, in server time', () => {
		const { db, user, sprintId } = setup();
		const T = Date.parse('2026-12-01T10:00:00Z');
		expect(getTimer(db, sprintId, T).state).toEqual({ status: 'idle' });
		expect(changeTimer(db, sprintId, user.id, { action: 'start', seconds: '300', label: 'Crazy 8s' }, T)).toMatchObject({ ok: true });
		expect(remaining(getTimer(db, sprintId, T + 60_000).state, T + 60_000)).toBe(240_000);
		changeTimer(db, sprintId, user.id, { action: 'pause' }, T + 60_000);
		changeTimer(db, sprintId, user.id, { action: 'resume' }, T + 120_000);
		changeTimer(db, sprintId, user.id, { action: 'extend', seconds: 60 }, T + 120_000);
		const timer = getTimer(db, sprintId, T + 120_000);
		expect(timer.label).toBe('Crazy 8s');
		expect(remaining(timer.state, T + 120_000)).toBe(300_000);
		expect(getTimer(db, sprintId, T + 10 * 60_000).state).toMatchObject({ status: 'done' });
		changeTimer(db, sprintId, user.id, { action: 'reset' }, T + 11 * 60_000);
		expect(getTimer(db, sprintId, T).state).toEqual({ status: 'idle' });
	});

	it.each([
		[{ action: 'start', seconds: '0' }, 'error_timer_duration'],
		[{ action: 'start', seconds: String(24 * 3600) }, 'error_timer_duration'],
		[{ action: 'start', seconds: 'vijf' }, 'error_timer_duration'],
		[{ action: 'pause' }, 'error_timer_state'],
		[{ action: 'explode' }, 'error_bad_request'],
		[{ action: 'start', seconds: '60', label: 'x'.repeat(81) }, 'error_timer_label']
	])('refuses %j and changes nothing', (input, error) => {
		const { db, user, sprintId } = setup();
		expect(changeTimer(db, sprintId, user.id, input)).toMatchObject({ ok: false, error });
		expect(getTimer(db, sprintId).state).toEqual({ status: 'idle' });
	});
});

describe('agenda: bad input stores nothing', () => {
	it('refuses a reorder that would run past midnight, a shift of nothing or of more than 4 hours, and a foreign order', () => {
		const { db, sprintId } = setup();
		const a = addBlock(db, sprintId, block({ start: '22:00', duration: '60', title: 'A' }));
		const b = addBlock(db, sprintId, block({ start: '23:30', duration: '30', title: 'B' }));
		if (!a.ok || !b.ok) throw new Error();
		const before = times(db, sprintId);
		expect(shiftDay(db, sprintId, a.value.id, 0)).toMatchObject({ ok: false, error: 'error_agenda_shift' });
		expect(shiftDay(db, sprintId, a.value.id, 241)).toMatchObject({ ok: false, error: 'error_agenda_shift' });
		expect(shiftDay(db, sprintId, a.value.id, 'tien')).toMatchObject({ ok: false, error: 'error_agenda_shift' });
		expect(shiftDay(db, sprintId, b.value.id, 5)).toMatchObject({ ok: false, error: 'error_agenda_past_midnight' });
		expect(reorderDay(db, sprintId, 1, [b.value.id, 'someone-elses'])).toMatchObject({ ok: false, error: 'error_agenda_order' });
		expect(reorderDay(db, sprintId, 2, [a.value.id, b.value.id])).toMatchObject({ ok: false, error: 'error_agenda_order' });
		expect(times(db, sprintId)).toEqual(before);
	});

	it('a reorder that pushes a long block past midnight is refused whole', () => {
		const { db, sprintId } = setup();
		const a = addBlock(db, sprintId, block({ start: '20:00', duration: '60', title: 'A' }));
		const b = addBlock(db, sprintId, block({ start: '21:00', duration: '180', title: 'B' }));
		if (!a.ok || !b.ok) throw new Error();
		// Gaps are closed by a reorder, so 20:00 + 180 + 60 ends exactly at midnight: allowed.
		expect(reorderDay(db, sprintId, 1, [b.value.id, a.value.id])).toMatchObject({ ok: true });
		expect(times(db, sprintId)).toEqual(['1 20:00 B', '1 23:00 A']);
		expect(updateBlock(db, sprintId, a.value.id, block({ start: '23:00', duration: '90', title: 'A' }))).toMatchObject({ ok: false, error: 'error_agenda_past_midnight' });
		expect(times(db, sprintId)).toEqual(['1 20:00 B', '1 23:00 A']);
	});
});

describe('now and next', () => {
	it('tells the block on now and the next one on a sprint day, in Dutch time, and nothing on other days', () => {
		const { db, sprintId } = setup();
		addBlock(db, sprintId, block({ title: 'Welkom' }));
		addBlock(db, sprintId, block({ start: '10:00', duration: '60', title: 'Kaart' }));
		addBlock(db, sprintId, block({ day: '2', start: '10:00', duration: '60', title: 'Schetsen' }));
		// 08:40 UTC on 1 December is 09:40 in Amsterdam.
		expect(agendaMoment(db, sprintId, Date.parse('2026-12-01T08:40:00Z'))).toMatchObject({ today: 1, now: { title: 'Welkom', start: 570, end: 600 }, next: { title: 'Kaart' } });
		expect(agendaMoment(db, sprintId, Date.parse('2026-12-02T08:40:00Z'))).toMatchObject({ today: 2, now: null, next: { title: 'Schetsen' } });
		expect(agendaMoment(db, sprintId, Date.parse('2026-12-09T08:40:00Z'))).toEqual({ today: null, now: null, next: null });
	});
});

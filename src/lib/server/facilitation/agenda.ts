/**
 * The sprint's agenda in the database. Every change is checked with the day's other blocks by
 * $lib/facilitation/agenda.ts first, then written in one transaction: a refused change stores nothing.
 */
import { and, asc, eq } from 'drizzle-orm';
import { ACTIVITY_TYPES, checkDay, parseTime, reorder, shiftFrom, type ActivityType, type Block } from '$lib/facilitation/agenda';
import { templateById } from '$lib/facilitation/templates';
import type { DB } from '../db';
import { agendaBlocks } from '../db/schema';
import { getBoard } from '../boards/service';
import { getRound } from '../feedback/rounds';
import { getSprint } from '../sprints/service';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';

export const BLOCK_TITLE_MAX = 120;
export const INSTRUCTIONS_MAX = 2000;
export const MATERIALS_MAX = 1000;

export type AgendaBlock = typeof agendaBlocks.$inferSelect;

export function listAgenda(db: DB, sprintId: string): AgendaBlock[] {
	return db.select().from(agendaBlocks).where(eq(agendaBlocks.sprintId, sprintId)).orderBy(asc(agendaBlocks.day), asc(agendaBlocks.start)).all();
}

function dayBlocks(db: DB, sprintId: string, day: number): AgendaBlock[] {
	return db.select().from(agendaBlocks).where(and(eq(agendaBlocks.sprintId, sprintId), eq(agendaBlocks.day, day))).orderBy(asc(agendaBlocks.start)).all();
}

export type BlockInput = { day: unknown; start: unknown; duration: unknown; title: unknown; activity: unknown; resource?: unknown; instructions?: unknown; materials?: unknown };

type Parsed = Omit<AgendaBlock, 'id' | 'sprintId' | 'createdAt'>;

/** Reads and checks a block as typed in the form (start "09:30", duration in minutes, resource "board:<id>"). */
function parseBlock(db: DB, sprintId: string, input: BlockInput): Result<Parsed> {
	const sprint = getSprint(db, sprintId);
	if (!sprint) return fail('error_not_found');
	const day = Number(input.day);
	if (!Number.isInteger(day) || day < 1 || day > sprint.days) return fail('error_agenda_day', 'day');
	const start = parseTime(input.start);
	if (start === null) return fail('error_agenda_start', 'start');
	const duration = Number(input.duration);
	if (!Number.isInteger(duration)) return fail('error_agenda_duration', 'duration');
	const title = oneLine(input.title);
	if (!title) return fail('error_title_required', 'title');
	if (title.length > BLOCK_TITLE_MAX) return fail('error_agenda_title_too_long', 'title');
	const activity = (ACTIVITY_TYPES as readonly unknown[]).includes(input.activity) ? (input.activity as ActivityType) : null;
	if (!activity) return fail('error_agenda_activity', 'activity');
	const instructions = typeof input.instructions === 'string' ? input.instructions.trim() : '';
	const materials = typeof input.materials === 'string' ? input.materials.trim() : '';
	if (instructions.length > INSTRUCTIONS_MAX || materials.length > MATERIALS_MAX) return fail('error_agenda_text_too_long', 'instructions');
	let resourceKind: Parsed['resourceKind'] = null;
	let resourceId: string | null = null;
	if (typeof input.resource === 'string' && input.resource) {
		const [kind, id] = input.resource.split(':');
		// Only this sprint's own boards and test rounds (prototypes and rule sets come with their issues).
		if (kind === 'board' && id && getBoard(db, sprintId, id)) [resourceKind, resourceId] = ['board', id];
		else if (kind === 'test_round' && id && getRound(db, sprintId, id)) [resourceKind, resourceId] = ['test_round', id];
		else return fail('error_agenda_resource', 'resource');
	}
	return ok({ day, start, duration, title, activity, resourceKind, resourceId, instructions, materials });
}

function checked(blocks: Block[]): Result<null> {
	const result = checkDay(blocks);
	return result.ok ? ok(null) : fail(result.error, result.error === 'error_agenda_duration' ? 'duration' : 'start');
}

export function addBlock(db: DB, sprintId: string, input: BlockInput): Result<{ id: string }> {
	const parsed = parseBlock(db, sprintId, input);
	if (!parsed.ok) return parsed;
	const id = newId();
	const fits = checked([...dayBlocks(db, sprintId, parsed.value.day), { id, ...parsed.value }]);
	if (!fits.ok) return fits;
	db.insert(agendaBlocks).values({ id, sprintId, ...parsed.value }).run();
	return ok({ id });
}

export function updateBlock(db: DB, sprintId: string, blockId: string, input: BlockInput): Result<null> {
	const existing = db.select().from(agendaBlocks).where(and(eq(agendaBlocks.id, blockId), eq(agendaBlocks.sprintId, sprintId))).get();
	if (!existing) return fail('error_not_found');
	const parsed = parseBlock(db, sprintId, input);
	if (!parsed.ok) return parsed;
	const others = dayBlocks(db, sprintId, parsed.value.day).filter((b) => b.id !== blockId);
	const fits = checked([...others, { id: blockId, ...parsed.value }]);
	if (!fits.ok) return fits;
	db.update(agendaBlocks).set(parsed.value).where(eq(agendaBlocks.id, blockId)).run();
	return ok(null);
}

export function deleteBlock(db: DB, sprintId: string, blockId: unknown): Result<null> {
	if (typeof blockId !== 'string') return fail('error_not_found');
	const removed = db.delete(agendaBlocks).where(and(eq(agendaBlocks.id, blockId), eq(agendaBlocks.sprintId, sprintId))).run();
	return removed.changes ? ok(null) : fail('error_not_found');
}

function writeStarts(db: DB, blocks: Block[]) {
	db.transaction((tx) => {
		for (const block of blocks) tx.update(agendaBlocks).set({ start: block.start }).where(eq(agendaBlocks.id, block.id)).run();
	});
}

/** A day in a new order (all its block ids): starts recomputed from the day's first start. */
export function reorderDay(db: DB, sprintId: string, day: unknown, order: unknown): Result<null> {
	const blocks = dayBlocks(db, sprintId, Number(day));
	if (!blocks.length || !Array.isArray(order)) return fail('error_agenda_order');
	const laid = reorder(blocks, order.map(String));
	if (!laid.ok) return fail(laid.error);
	writeStarts(db, laid.value);
	return ok(null);
}

/** Moves one block up or down in its day (the keyboard- and no-JS-friendly way to reorder). */
export function moveBlock(db: DB, sprintId: string, blockId: unknown, direction: unknown): Result<null> {
	const block = typeof blockId === 'string' ? db.select().from(agendaBlocks).where(and(eq(agendaBlocks.id, blockId), eq(agendaBlocks.sprintId, sprintId))).get() : undefined;
	if (!block || (direction !== 'up' && direction !== 'down')) return fail('error_not_found');
	const ids = dayBlocks(db, sprintId, block.day).map((b) => b.id);
	const i = ids.indexOf(block.id);
	const j = direction === 'up' ? i - 1 : i + 1;
	if (j < 0 || j >= ids.length) return ok(null);
	[ids[i], ids[j]] = [ids[j], ids[i]];
	return reorderDay(db, sprintId, block.day, ids);
}

/** The day runs late (or early): this block and the rest of its day move by `minutes`. */
export function shiftDay(db: DB, sprintId: string, blockId: unknown, minutes: unknown): Result<null> {
	const block = typeof blockId === 'string' ? db.select().from(agendaBlocks).where(and(eq(agendaBlocks.id, blockId), eq(agendaBlocks.sprintId, sprintId))).get() : undefined;
	if (!block) return fail('error_not_found');
	const by = Number(minutes);
	if (!Number.isInteger(by) || by === 0 || Math.abs(by) > 240) return fail('error_agenda_shift');
	const shifted = shiftFrom(dayBlocks(db, sprintId, block.day), block.id, by);
	if (!shifted.ok) return fail(shifted.error);
	writeStarts(db, shifted.value);
	return ok(null);
}

/**
 * Fills an empty agenda from a template, in the given language. The sprint needs at least as many
 * days as the template; an agenda that has blocks is kept (delete them first).
 */
export function applyTemplate(db: DB, sprintId: string, templateId: unknown, locale: 'nl' | 'en'): Result<{ blocks: number }> {
	const template = templateById(templateId);
	const sprint = getSprint(db, sprintId);
	if (!template || !sprint) return fail('error_agenda_template');
	if (sprint.days < template.days.length) return fail('error_agenda_template_days');
	if (listAgenda(db, sprintId).length) return fail('error_agenda_not_empty');
	let count = 0;
	db.transaction((tx) => {
		template.days.forEach((blocks, i) => {
			for (const block of blocks) {
				tx.insert(agendaBlocks)
					.values({ id: newId(), sprintId, day: i + 1, start: block.start, duration: block.duration, title: block.title[locale], activity: block.activity, instructions: block.instructions[locale], materials: '' })
					.run();
				count++;
			}
		});
	});
	return ok({ blocks: count });
}

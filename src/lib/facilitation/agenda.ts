/**
 * Agenda arithmetic for a sprint day: blocks with a start and a duration, in minutes from midnight.
 * Pure functions (the server checks and stores, the pages show and preview with the same code).
 * A block never overlaps the next one and never runs past midnight; reordering lays the blocks out
 * again from the day's first start; running late shifts a block and everything after it.
 */

export const DAY_MINUTES = 24 * 60;
export const MIN_DURATION = 5;
export const MAX_DURATION = 8 * 60;

export const ACTIVITY_TYPES = ['talk', 'map', 'sketch', 'vote', 'decide', 'prototype', 'test', 'break', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type Block = { id: string; start: number; duration: number };

export type AgendaError = 'error_agenda_duration' | 'error_agenda_overlap' | 'error_agenda_past_midnight' | 'error_agenda_start' | 'error_agenda_order';
export type Checked<T> = { ok: true; value: T } | { ok: false; error: AgendaError; blockId?: string };

export const end = (block: Block) => block.start + block.duration;

/** "09:30" -> 570; null for anything that is not a time of day. */
export function parseTime(text: unknown): number | null {
	if (typeof text !== 'string') return null;
	const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 570 -> "09:30" (1440 -> "24:00", the end of a day). */
export function formatTime(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A day's blocks, sorted by start, checked: durations within bounds, no overlap, nothing past midnight. */
export function checkDay<T extends Block>(blocks: T[]): Checked<T[]> {
	const sorted = [...blocks].sort((a, b) => a.start - b.start);
	for (const block of sorted) {
		if (!Number.isInteger(block.duration) || block.duration < MIN_DURATION || block.duration > MAX_DURATION) return { ok: false, error: 'error_agenda_duration', blockId: block.id };
		if (!Number.isInteger(block.start) || block.start < 0 || block.start >= DAY_MINUTES) return { ok: false, error: 'error_agenda_start', blockId: block.id };
		if (end(block) > DAY_MINUTES) return { ok: false, error: 'error_agenda_past_midnight', blockId: block.id };
	}
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i].start < end(sorted[i - 1])) return { ok: false, error: 'error_agenda_overlap', blockId: sorted[i].id };
	}
	return { ok: true, value: sorted };
}

/**
 * The blocks in a new order (ids of every block of the day, once), laid out one after another from
 * the day's first start, each keeping its duration. Breaks are blocks too, so they move along.
 */
export function reorder<T extends Block>(blocks: T[], order: string[]): Checked<T[]> {
	const byId = new Map(blocks.map((b) => [b.id, b]));
	if (order.length !== blocks.length || new Set(order).size !== order.length || order.some((id) => !byId.has(id))) return { ok: false, error: 'error_agenda_order' };
	let at = Math.min(...blocks.map((b) => b.start));
	const laid = order.map((id) => {
		const block = { ...byId.get(id)!, start: at };
		at += block.duration;
		return block;
	});
	return checkDay(laid);
}

/**
 * Running late (or early, with negative minutes): this block and every later one move by `minutes`.
 * Refused when that would run past midnight or into the block before.
 */
export function shiftFrom<T extends Block>(blocks: T[], blockId: string, minutes: number): Checked<T[]> {
	const sorted = [...blocks].sort((a, b) => a.start - b.start);
	const index = sorted.findIndex((b) => b.id === blockId);
	if (index < 0 || !Number.isInteger(minutes)) return { ok: false, error: 'error_agenda_order' };
	return checkDay(sorted.map((b, i) => (i >= index ? { ...b, start: b.start + minutes } : b)));
}

/** The block on now and the one after it (minutes from midnight, the sprint's local time). */
export function nowAndNext<T extends Block>(blocks: T[], minute: number): { now: T | null; next: T | null } {
	const sorted = [...blocks].sort((a, b) => a.start - b.start);
	const now = sorted.find((b) => b.start <= minute && minute < end(b)) ?? null;
	const next = sorted.find((b) => b.start > minute) ?? null;
	return { now, next };
}

/** A new block placed right after the last one (or at `dayStart` on an empty day). */
export function appendStart(blocks: Block[], dayStart = 9 * 60): number {
	return blocks.length ? Math.max(...blocks.map(end)) : dayStart;
}

export type AgendaSlot = { id: string; title: string; start: number; end: number };
/** What is on now and next; `today` the sprint day it is (null outside the sprint's days). */
export type AgendaMoment = { today: number | null; now: AgendaSlot | null; next: AgendaSlot | null };

import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireSprint, requireUser } from '$lib/server/auth/guards';
import { listBoards } from '$lib/server/boards/service';
import { getDb } from '$lib/server/db';
import { addBlock, applyTemplate, deleteBlock, listAgenda, moveBlock, reorderDay, shiftDay, updateBlock } from '$lib/server/facilitation/agenda';
import { agendaMoment } from '$lib/server/facilitation/now-next';
import { listRounds } from '$lib/server/feedback/rounds';
import { getSprint } from '$lib/server/sprints/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { sprintId } = event.params;
	const role = requireSprint(db, user, sprintId);
	const sprint = getSprint(db, sprintId)!;
	const blocks = listAgenda(db, sprintId);
	// "Now" and "next" in the sprint's own (Dutch) time, whatever zone the server runs in.
	const { today, now, next } = agendaMoment(db, sprintId, Date.now(), blocks);
	return {
		sprint,
		role,
		blocks,
		today,
		nowId: now?.id ?? null,
		nextId: next?.id ?? null,
		resources: [
			...listBoards(db, sprintId).filter((b) => !b.archivedAt).map((b) => ({ value: `board:${b.id}`, kind: 'board' as const, title: b.title, href: `/sprints/${sprintId}/boards/${b.id}` })),
			...listRounds(db, sprintId).map((r) => ({ value: `test_round:${r.id}`, kind: 'test_round' as const, title: r.title, href: `/sprints/${sprintId}/tests/${r.id}` }))
		]
	};
};

function facilitator(event: RequestEvent) {
	const user = requireUser(event);
	requireSprint(getDb(), user, event.params.sprintId, ['facilitator']);
}

/** The block fields of a form (add and edit share them). */
async function blockForm(event: RequestEvent) {
	const form = await event.request.formData();
	const get = (name: string) => form.get(name)?.toString() ?? '';
	return { form, input: { day: get('day'), start: get('start'), duration: get('duration'), title: get('title'), activity: get('activity'), resource: get('resource'), instructions: get('instructions'), materials: get('materials') } };
}

export const actions: Actions = {
	add: async (event) => {
		facilitator(event);
		const { input } = await blockForm(event);
		const result = addBlock(getDb(), event.params.sprintId, input);
		return result.ok ? { added: true } : fail(400, { error: result.error, field: result.field ?? null, values: input, blockId: null });
	},
	update: async (event) => {
		facilitator(event);
		const { form, input } = await blockForm(event);
		const blockId = form.get('blockId')?.toString() ?? '';
		const result = updateBlock(getDb(), event.params.sprintId, blockId, input);
		return result.ok ? { updated: true } : fail(400, { error: result.error, field: result.field ?? null, values: input, blockId });
	},
	delete: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const result = deleteBlock(getDb(), event.params.sprintId, form.get('blockId')?.toString());
		return result.ok ? { deleted: true } : fail(404, { error: result.error, blockId: null });
	},
	move: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const result = moveBlock(getDb(), event.params.sprintId, form.get('blockId')?.toString(), form.get('direction')?.toString());
		return result.ok ? { moved: true } : fail(400, { error: result.error, blockId: null });
	},
	reorder: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const order = (form.get('order')?.toString() ?? '').split(',').filter(Boolean);
		const result = reorderDay(getDb(), event.params.sprintId, form.get('day')?.toString(), order);
		return result.ok ? { moved: true } : fail(400, { error: result.error, blockId: null });
	},
	shift: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const blockId = form.get('blockId')?.toString() ?? '';
		const result = shiftDay(getDb(), event.params.sprintId, blockId, form.get('minutes')?.toString());
		return result.ok ? { shifted: true } : fail(400, { error: result.error, blockId });
	},
	template: async (event) => {
		facilitator(event);
		const form = await event.request.formData();
		const result = applyTemplate(getDb(), event.params.sprintId, form.get('template')?.toString(), getLocale() === 'en' ? 'en' : 'nl');
		return result.ok ? { templated: result.value.blocks } : fail(400, { error: result.error, blockId: null });
	}
};

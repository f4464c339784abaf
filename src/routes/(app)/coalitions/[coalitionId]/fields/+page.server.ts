import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireCoalition, requireUser } from '$lib/server/auth/guards';
import { getCoalition } from '$lib/server/coalitions/service';
import { deleteField, listFieldRows, saveField, type FieldInput } from '$lib/server/rules/fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const role = requireCoalition(db, user, event.params.coalitionId);
	return {
		coalition: getCoalition(db, event.params.coalitionId)!,
		canEdit: role === 'coordinator',
		fields: listFieldRows(db, event.params.coalitionId).map(({ id, key, label, type, values, unit, source, description, sensitivity, justification }) => ({ id, key, label, type, values: values ?? [], unit, source, description, sensitivity, justification }))
	};
};

const KEYS = ['key', 'label', 'type', 'values', 'unit', 'source', 'description', 'sensitivity', 'justification'] as const;

async function coordinator(event: Parameters<Actions[string]>[0]) {
	const user = requireUser(event);
	requireCoalition(getDb(), user, event.params.coalitionId!, ['coordinator']);
	const form = await event.request.formData();
	const input: FieldInput = Object.fromEntries(KEYS.map((k) => [k, form.get(k) ?? undefined]));
	return { actor: { id: user.id, name: user.name }, form, input };
}

export const actions: Actions = {
	save: async (event) => {
		const { actor, form, input } = await coordinator(event);
		const id = String(form.get('id') ?? '') || undefined;
		const saved = saveField(getDb(), event.params.coalitionId, actor, input, id);
		if (!saved.ok) return fail(saved.error === 'error_not_found' ? 404 : 400, { action: 'save', id: id ?? null, error: saved.error, field: saved.field ?? null, values: Object.fromEntries(KEYS.map((k) => [k, String(input[k] ?? '')])) });
		return { action: 'save', id: saved.value.id, done: true };
	},
	delete: async (event) => {
		const { actor, form } = await coordinator(event);
		const deleted = deleteField(getDb(), event.params.coalitionId, actor, form.get('id'));
		if (!deleted.ok) return fail(404, { action: 'delete', error: deleted.error });
		return { action: 'delete', done: true };
	}
};

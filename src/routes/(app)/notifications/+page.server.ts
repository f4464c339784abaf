import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listNotifications, markRead } from '$lib/server/notifications/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		notifications: listNotifications(getDb(), user.id).map((n) => ({ id: n.id, kind: n.kind, params: n.params, href: n.href, createdAt: n.createdAt.getTime(), read: !!n.readAt }))
	};
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const id = form.get('id')?.toString();
		// Only this person's own: another's id changes nothing.
		markRead(getDb(), user.id, id || undefined);
		return { read: true };
	}
};

import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notifications/service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
	path: url.pathname + url.search,
	// The bell in the header (counted again at every page change).
	unread: locals.user ? unreadCount(getDb(), locals.user.id) : 0
});

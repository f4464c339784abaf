/**
 * GET: how many notifications the signed-in person has not read, `{ unread }`; the bell in the
 * header asks this while a page is open. Only the number, only one's own; nothing here changes
 * anything (there is no other method).
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notifications/service';

export const GET = ({ locals }: RequestEvent) => {
	if (!locals.user) error(401, 'Not signed in');
	return json({ unread: unreadCount(getDb(), locals.user.id) }, { headers: { 'cache-control': 'no-store' } });
};

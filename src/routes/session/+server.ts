import type { RequestHandler } from './$types';

/**
 * Whether this browser's session is still valid: 204 or 401, nothing else. A refused websocket
 * upgrade looks the same in the browser as a server that is down (close code 1006); the realtime
 * client asks here before it keeps retrying.
 */
export const GET: RequestHandler = ({ locals }) =>
	new Response(null, { status: locals.user ? 204 : 401, headers: { 'cache-control': 'no-store' } });

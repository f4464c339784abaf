import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { DB } from '../db';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import { boardState } from '../boards/service';
import { memberOrganisation, sprintRole } from '../sprints/service';
import { colorFor } from '$lib/collab/colors';
import { parseDocName } from './doc-name';
import { eq } from 'drizzle-orm';
import { sessions } from '../db/schema';
import type { Admission, Authenticate, Refusal, Revalidate } from './types';

/** Is the Origin header the app's own? ORIGIN when configured, else the Host the request came to. */
export function originAllowed(origin: string | undefined, host: string | undefined, configured?: string): boolean {
	if (!origin) return false;
	let parsed: URL;
	try {
		parsed = new URL(origin);
	} catch {
		return false;
	}
	if (configured) return parsed.origin === new URL(configured).origin;
	return !!host && parsed.host === host;
}

/** For open connections: the session must still be valid and the role unchanged. */
export function createRevalidate(db: DB): Revalidate {
	return (admission) => {
		const row = db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, admission.sessionId)).get();
		if (!row || row.expiresAt.getTime() <= Date.now()) return 'session-ended';
		const role = sprintRole(db, admission.userId, admission.sprintId);
		// Losing the sprint, or write access kept by an observer, closes; a connection that is more
		// read-only than the role (an archived board) is fine.
		if (!role || (role === 'observer' && !admission.readOnly)) return 'access-changed';
		return 'ok';
	};
}

/** Admission to a realtime document: Origin, session cookie, then sprint membership. */
export function createAuthenticate(db: DB, configuredOrigin = process.env.ORIGIN): Authenticate {
	return (req: IncomingMessage): Admission | Refusal => {
		// The raw path, not a URL-normalised one: `..` segments must be refused, not resolved.
		const path = (req.url ?? '/').split('?')[0];
		const prefix = '/collab/';
		if (!path.startsWith(prefix)) return { status: 404, reason: 'not found' };
		let raw: string;
		try {
			raw = decodeURIComponent(path.slice(prefix.length));
		} catch {
			return { status: 400, reason: 'malformed document name' };
		}
		const doc = parseDocName(raw);
		if (!doc) return { status: 400, reason: 'malformed document name' };
		if (!originAllowed(req.headers.origin, req.headers.host, configuredOrigin)) {
			return { status: 403, reason: 'origin not allowed' };
		}
		const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
		if (!token) return { status: 401, reason: 'not signed in' };
		const { session, user } = validateSessionToken(db, token, Date.now(), { renew: false });
		if (!session) return { status: 401, reason: 'not signed in' };
		const role = sprintRole(db, user.id, doc.sprintId);
		if (!role) return { status: 403, reason: 'not a member of this sprint' };
		// Private notes (before the reveal) are their writer's alone: not even a facilitator may read
		// them; observers write nothing, so they have none.
		if (doc.kind === 'private' && (doc.owner !== user.id || role === 'observer')) return { status: 403, reason: 'not your document' };
		// Only documents that exist may be opened: a board needs its row in this sprint. Prototypes
		// and rule sets will check theirs here; until they exist, their names are refused.
		let archived = false;
		if (doc.kind === 'boards' || doc.kind === 'private') {
			const state = boardState(db, doc.sprintId, doc.id!);
			if (!state) return { status: 404, reason: 'no such document' };
			archived = state === 'archived';
		} else if (doc.kind !== 'brief') return { status: 404, reason: 'no such document' };
		const organisation = memberOrganisation(db, user.id, doc.sprintId);
		return {
			docName: doc.name,
			userId: user.id,
			sessionId: session.id,
			sprintId: doc.sprintId,
			// Observers only look; an archived board is kept as it was.
			readOnly: role === 'observer' || archived,
			presence: { name: user.name, organisation, color: colorFor(organisation || user.name) }
		};
	};
}

import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { DB } from '../db';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import { getBoard } from '../boards/service';
import { getPrototype } from '../prototypes/service';
import { memberOrganisation, sprintRole } from '../sprints/service';
import { getSprintRuleSet } from '../rules/service';
import { heldBack } from '../facilitation/take-control';
import { colorFor } from '$lib/collab/colors';
import { parseDocName, type DocName } from './doc-name';
import { eq } from 'drizzle-orm';
import { sessions, type SprintRole } from '../db/schema';
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

type Rights = { role: SprintRole; readOnly: boolean; locked: boolean };

/**
 * What this person may do in this document now: sprint membership, and only documents that exist (a
 * board, a prototype or a rule set needs its row in this sprint). Observers only look; an archived
 * board is kept as it was; a locked board is written by facilitators only; a rule set in review or
 * published is read-only for everyone (its edits go through a new draft). While the facilitator has
 * taken control, everyone else only looks at the shared documents; private notes stay writable (no
 * one else sees them, so holding them back would only lose someone's thought).
 */
function rightsFor(db: DB, userId: string, doc: DocName): Rights | Refusal {
	const role = sprintRole(db, userId, doc.sprintId);
	if (!role) return { status: 403, reason: 'not a member of this sprint' };
	// Private notes (before the reveal) are their writer's alone: not even a facilitator may read
	// them; observers write nothing, so they have none.
	if (doc.kind === 'private' && (doc.owner !== userId || role === 'observer')) return { status: 403, reason: 'not your document' };
	let frozen = false;
	let locked = false;
	if (doc.kind === 'boards' || doc.kind === 'private') {
		const board = getBoard(db, doc.sprintId, doc.id!);
		if (!board) return { status: 404, reason: 'no such document' };
		frozen = !!board.archivedAt;
		// The board lock is about the shared board; one's own private notes stay writable.
		locked = doc.kind === 'boards' && board.locked;
	} else if (doc.kind === 'prototypes') {
		if (!getPrototype(db, doc.sprintId, doc.id!)) return { status: 404, reason: 'no such document' };
	} else if (doc.kind === 'control') {
		// The room's controls (summon, follow me): the facilitators write, everyone else follows.
		return { role, readOnly: role !== 'facilitator', locked: false };
	} else if (doc.kind === 'rulesets') {
		const ruleSet = getSprintRuleSet(db, doc.sprintId, doc.id!);
		if (!ruleSet) return { status: 404, reason: 'no such document' };
		frozen = ruleSet.status !== 'draft';
	} else if (doc.kind !== 'brief') return { status: 404, reason: 'no such document' };
	const controlled = doc.kind !== 'private' && heldBack(db, doc.sprintId, role);
	return { role, readOnly: role === 'observer' || frozen || controlled || (locked && role !== 'facilitator'), locked };
}

/**
 * For open connections: the session must still be valid, and the rights the same as at admission
 * (in both directions: a partner on a board that is unlocked again reconnects to write).
 */
export function createRevalidate(db: DB): Revalidate {
	return (admission) => {
		const row = db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, admission.sessionId)).get();
		if (!row || row.expiresAt.getTime() <= Date.now()) return 'session-ended';
		const doc = parseDocName(admission.docName);
		const rights = doc ? rightsFor(db, admission.userId, doc) : null;
		if (!rights || 'status' in rights) return 'access-changed';
		const same = rights.role === admission.role && rights.readOnly === admission.readOnly && rights.locked === admission.locked;
		return same ? 'ok' : 'access-changed';
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
		const rights = rightsFor(db, user.id, doc);
		if ('status' in rights) return rights;
		const organisation = memberOrganisation(db, user.id, doc.sprintId);
		return {
			docName: doc.name,
			userId: user.id,
			sessionId: session.id,
			sprintId: doc.sprintId,
			...rights,
			presence: { name: user.name, organisation, color: colorFor(organisation || user.name) }
		};
	};
}

import { and, asc, desc, eq, max } from 'drizzle-orm';
import * as Y from 'yjs';
import { parseSnapshot, toSnapshot, type PrototypeSnapshot } from '$lib/prototype/snapshot';
import { applyTemplate, TEMPLATES, type TemplateName } from '$lib/prototype/templates';
import type { DB } from '../db';
import { SqliteDocStore } from '../collab/doc-store';
import { collab } from '../collab/install';
import { docUpdates, PROTOTYPE_AUDIENCES, PROTOTYPE_DEVICES, prototypes, prototypeVersions } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';

export const PROTOTYPE_NAME_MAX = 80;
export const VERSION_NAME_MAX = 80;

export type Device = (typeof PROTOTYPE_DEVICES)[number];
export type Audience = (typeof PROTOTYPE_AUDIENCES)[number];

export function prototypeDocName(sprintId: string, prototypeId: string) {
	return `sprints/${sprintId}/prototypes/${prototypeId}`;
}

/** A prototype of this sprint (never another sprint's: ids from the client are checked against it). */
export function getPrototype(db: DB, sprintId: string, prototypeId: string) {
	return db.select().from(prototypes).where(and(eq(prototypes.id, prototypeId), eq(prototypes.sprintId, sprintId))).get() ?? null;
}

export function listPrototypes(db: DB, sprintId: string) {
	return db.select().from(prototypes).where(eq(prototypes.sprintId, sprintId)).orderBy(asc(prototypes.createdAt)).all();
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * Creates a prototype; the template's screens become the first entry of its document's update log,
 * in the same transaction as the row.
 */
export function createPrototype(
	db: DB,
	sprintId: string,
	userId: string,
	input: { name: unknown; device: unknown; audience: unknown; template: unknown }
): Result<{ id: string }> {
	const name = oneLine(input.name);
	if (!name) return fail('error_title_required', 'name');
	if (name.length > PROTOTYPE_NAME_MAX) return fail('proto_error_name_too_long', 'name');
	if (!isOneOf(PROTOTYPE_DEVICES, input.device)) return fail('error_bad_request', 'device');
	if (!isOneOf(PROTOTYPE_AUDIENCES, input.audience)) return fail('error_bad_request', 'audience');
	const template: TemplateName = isOneOf(TEMPLATES, input.template) ? input.template : 'blank';
	const doc = new Y.Doc();
	applyTemplate(doc, template);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	const id = newId();
	db.transaction((tx) => {
		tx.insert(prototypes).values({ id, sprintId, name, device: input.device as Device, audience: input.audience as Audience, template, createdBy: userId }).run();
		tx.insert(docUpdates).values({ docName: prototypeDocName(sprintId, id), update: Buffer.from(state) }).run();
	});
	return ok({ id });
}

/** The live document as the server has it (the open room if there is one, else the store). */
export function readPrototypeDoc(db: DB, sprintId: string, prototypeId: string): Y.Doc {
	const name = prototypeDocName(sprintId, prototypeId);
	const live = collab();
	if (live) return live.readDocument(name);
	const doc = new Y.Doc();
	for (const update of new SqliteDocStore(db.$client).load(name).updates) Y.applyUpdate(doc, update);
	return doc;
}

/**
 * "Bevriezen voor testen": stores the prototype as it is now on the server as the next version. The
 * snapshot is read from the server's document, never taken from the request. Versions are only ever
 * inserted: there is no way to change one.
 */
export function freezeVersion(db: DB, sprintId: string, prototypeId: string, author: { id: string; name: string }, rawName: unknown): Result<{ id: string; number: number }> {
	if (!getPrototype(db, sprintId, prototypeId)) return fail('error_not_found');
	const name = oneLine(rawName);
	if (name.length > VERSION_NAME_MAX) return fail('proto_error_name_too_long', 'name');
	const doc = readPrototypeDoc(db, sprintId, prototypeId);
	const snapshot = toSnapshot(doc);
	doc.destroy();
	if (!snapshot.screens.length) return fail('proto_error_no_screens');
	const id = newId();
	const number = db.transaction((tx) => {
		const last = tx.select({ n: max(prototypeVersions.number) }).from(prototypeVersions).where(eq(prototypeVersions.prototypeId, prototypeId)).get();
		const next = (last?.n ?? 0) + 1;
		tx.insert(prototypeVersions)
			.values({ id, prototypeId, number: next, name: name || `Versie ${next}`, snapshot, createdBy: author.id, authorName: author.name })
			.run();
		return next;
	});
	return ok({ id, number });
}

export function listVersions(db: DB, prototypeId: string) {
	return db
		.select({ id: prototypeVersions.id, number: prototypeVersions.number, name: prototypeVersions.name, authorName: prototypeVersions.authorName, createdAt: prototypeVersions.createdAt })
		.from(prototypeVersions)
		.where(eq(prototypeVersions.prototypeId, prototypeId))
		.orderBy(desc(prototypeVersions.number))
		.all();
}

export type FrozenVersion = { id: string; number: number; name: string; authorName: string; createdAt: Date; snapshot: PrototypeSnapshot };

export function getVersion(db: DB, prototypeId: string, number: number): FrozenVersion | null {
	if (!Number.isSafeInteger(number)) return null;
	const row = db
		.select()
		.from(prototypeVersions)
		.where(and(eq(prototypeVersions.prototypeId, prototypeId), eq(prototypeVersions.number, number)))
		.get();
	const snapshot = row ? parseSnapshot(row.snapshot) : null;
	if (!row || !snapshot) return null;
	return { id: row.id, number: row.number, name: row.name, authorName: row.authorName, createdAt: row.createdAt, snapshot };
}

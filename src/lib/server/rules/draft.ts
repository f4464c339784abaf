/** Reading a rule set's current draft on the server (from its realtime document's stored or live state). */
import * as Y from 'yjs';
import { readDraft, writeDraft, type Draft } from '$lib/rules/draft-doc';
import { toRuleSetDraft } from '$lib/rules/draft-ruleset';
import type { RuleSetDraft } from '$lib/rules/model';
import { listFields } from './fields';
import type { DB } from '../db';
import { collab } from '../collab/install';
import { SqliteDocStore } from '../collab/doc-store';
import type { Result } from '../result';
import { createRuleSet, ruleSetDocName, type Actor, type RuleSet } from './service';

/** A copy of the draft's Y.Doc (destroy it when done). */
export function readDraftDoc(db: DB, ruleSet: Pick<RuleSet, 'id' | 'sprintId'>): Y.Doc {
	const name = ruleSetDocName(ruleSet.sprintId, ruleSet.id);
	const live = collab();
	if (live) return live.readDocument(name);
	const doc = new Y.Doc();
	for (const update of new SqliteDocStore(db.$client).load(name).updates) Y.applyUpdate(doc, update);
	return doc;
}

/**
 * Writes the draft edits not yet in the audit log (draft-audit.ts), so that the log shows them
 * before what comes next, e.g. the request for approval that freezes the draft.
 */
export function flushDraftAudit(ruleSet: Pick<RuleSet, 'id' | 'sprintId'>) {
	collab()?.flushEdits(ruleSetDocName(ruleSet.sprintId, ruleSet.id));
}

/** The draft as plain data. */
export function readDraftDefinition(db: DB, ruleSet: Pick<RuleSet, 'id' | 'sprintId'>): Draft {
	const doc = readDraftDoc(db, ruleSet);
	try {
		return readDraft(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * The draft in the rules domain's terms (RuleSetDraft), with the coalition's whole dictionary as its
 * fields: what the test bench evaluates and checks. Conditions that are not complete yet read as an
 * empty group (which never fires, and which the checks refuse).
 */
export function readDraftRuleSet(db: DB, ruleSet: Pick<RuleSet, 'id' | 'sprintId' | 'coalitionId' | 'name'>): RuleSetDraft {
	return toRuleSetDraft(ruleSet.name, readDraftDefinition(db, ruleSet), listFields(db, ruleSet.coalitionId));
}

/**
 * Replaces the draft's content on the server's behalf (a new draft from a published version, the
 * demo seed): through the live room when it is open, so every editor sees it.
 */
export function writeDraftDoc(db: DB, ruleSet: Pick<RuleSet, 'id' | 'sprintId'>, change: (doc: Y.Doc) => void) {
	const name = ruleSetDocName(ruleSet.sprintId, ruleSet.id);
	const live = collab();
	if (live) return live.updateDocument(name, change);
	const store = new SqliteDocStore(db.$client);
	const doc = new Y.Doc();
	try {
		for (const update of store.load(name).updates) Y.applyUpdate(doc, update);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		change(doc);
		for (const update of updates) store.append(name, update);
	} finally {
		doc.destroy();
	}
}

/** The bands a new rule set starts with (everyone gets one: "geen" starts below any score talents can reach). */
export const DEFAULT_BANDS = [
	{ id: 'geen', label: 'geen', minScore: -100 },
	{ id: 'aandacht', label: 'aandacht', minScore: 2 },
	{ id: 'gesprek', label: 'gesprek aanbevolen', minScore: 4 }
];

/** A new rule set's document: an empty purpose and the default bands, made once on the server. */
export function startDraft(db: DB, ruleSet: Pick<RuleSet, 'id' | 'sprintId'>) {
	writeDraftDoc(db, ruleSet, (doc) => writeDraft(doc, { purpose: '', indicators: [], bands: DEFAULT_BANDS }));
}

/**
 * A new rule set with its first draft, in one transaction: never a rule set without its document.
 * (The document store shares the database connection, so its writes are part of the transaction.)
 */
export function createRuleSetWithDraft(db: DB, sprintId: string, actor: Actor, rawName: unknown): Result<{ id: string }> {
	return db.transaction((tx) => {
		const created = createRuleSet(tx as unknown as DB, sprintId, actor, rawName);
		// The outer handle: the document store needs the connection itself, which is in the transaction.
		if (created.ok) startDraft(db, { id: created.value.id, sprintId });
		return created;
	});
}

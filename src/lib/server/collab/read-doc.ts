/** A copy of a realtime document as it is now, on the server (boards, the brief, reports). */
import * as Y from 'yjs';
import type { DB } from '../db';
import { SqliteDocStore } from './doc-store';
import { collab } from './install';

export function readDoc(db: DB, name: string): Y.Doc {
	// The live room holds edits a reader of the store might not see yet.
	const live = collab();
	if (live) return live.readDocument(name);
	const doc = new Y.Doc();
	for (const update of new SqliteDocStore(db.$client).load(name).updates) Y.applyUpdate(doc, update);
	return doc;
}

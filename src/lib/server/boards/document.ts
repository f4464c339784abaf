/** Reading a board's realtime document on the server (for votes, exports). */
import * as Y from 'yjs';
import type { DB } from '../db';
import { collab } from '../collab/install';
import { SqliteDocStore } from '../collab/doc-store';
import { boardDocName } from './service';

export function readBoard(db: DB, sprintId: string, boardId: string): Y.Doc {
	const name = boardDocName(sprintId, boardId);
	const live = collab();
	if (live) return live.readDocument(name);
	const doc = new Y.Doc();
	for (const update of new SqliteDocStore(db.$client).load(name).updates) Y.applyUpdate(doc, update);
	return doc;
}

/**
 * The notes a vote can be about: every note, or those of one kind, or those inside one group, or
 * a selection (kept only where the ids are notes of this board).
 */
export function notesInScope(doc: Y.Doc, scope: { kind?: string; groupId?: string; itemIds?: string[] }): string[] {
	const items = doc.getMap<Y.Map<unknown>>('items');
	const ids: string[] = [];
	items.forEach((item, id) => {
		if (item.get('type') !== 'note') return;
		if (scope.kind && item.get('kind') !== scope.kind) return;
		if (scope.groupId && item.get('parentId') !== scope.groupId) return;
		if (scope.itemIds && !scope.itemIds.includes(id)) return;
		ids.push(id);
	});
	return ids;
}

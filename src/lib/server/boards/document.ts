/** Reading a board's realtime document on the server (for votes, ideas, exports). */
import * as Y from 'yjs';
import { readItems, type NoteItem } from '$lib/board/model';
import { notesInScope as scopeNotes, type ScopeQuery } from '$lib/board/vote-scope';
import type { DB } from '../db';
import { readDoc } from '../collab/read-doc';
import { boardDocName } from './service';

export function readBoard(db: DB, sprintId: string, boardId: string): Y.Doc {
	return readDoc(db, boardDocName(sprintId, boardId));
}

/** The notes of a board with the title of the group each sits in ('' at the top level). */
export function notesWithGroups(doc: Y.Doc): (NoteItem & { groupTitle: string })[] {
	const all = readItems(doc);
	const titles = new Map(all.flatMap((item) => (item.type === 'group' ? [[item.id, item.title] as const] : [])));
	return all.flatMap((item) => (item.type === 'note' ? [{ ...item, groupTitle: item.parentId ? (titles.get(item.parentId) ?? '') : '' }] : []));
}

/**
 * The notes a vote can be about: every note, or those of one kind, or those inside one group, or
 * a selection (kept only where the ids are notes of this board).
 */
export function notesInScope(doc: Y.Doc, scope: ScopeQuery): string[] {
	return scopeNotes(readItems(doc), scope);
}

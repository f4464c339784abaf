/** Reading a board's realtime document on the server (for votes, ideas, exports). */
import * as Y from 'yjs';
import { readItems, type NoteItem } from '$lib/board/model';
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
export function notesInScope(doc: Y.Doc, scope: { kind?: string; groupId?: string; itemIds?: string[] }): string[] {
	return notesWithGroups(doc)
		.filter((note) => !scope.kind || note.kind === scope.kind)
		.filter((note) => !scope.groupId || note.parentId === scope.groupId)
		.filter((note) => !scope.itemIds || scope.itemIds.includes(note.id))
		.map((note) => note.id);
}

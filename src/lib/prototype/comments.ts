/**
 * Comments on a prototype, in its document (`comments`: Y.Map of id -> Y.Map { id, screenId,
 * blockId | null, parentId | null (a reply), text, author { userId, name, organisation }, createdAt,
 * resolved }). In the document because they belong beside the screens they are pinned to and must
 * arrive live; they are left out of frozen versions and out of each person's undo.
 */
import * as Y from 'yjs';
import { newId } from './model';

export const COMMENT_MAX = 1000;
export const MAX_COMMENTS = 2000;
export type CommentAuthor = { userId: string; name: string; organisation: string };
export type Comment = {
	id: string;
	screenId: string;
	blockId: string | null;
	parentId: string | null;
	text: string;
	author: CommentAuthor;
	createdAt: number;
	resolved: boolean;
};
export type Thread = Comment & { replies: Comment[] };

export function commentsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>('comments');
}

const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

function read(id: string, map: Y.Map<unknown>): Comment | null {
	const screenId = map.get('screenId');
	if (typeof screenId !== 'string') return null;
	const author = (map.get('author') ?? {}) as Record<string, unknown>;
	const blockId = map.get('blockId');
	const parentId = map.get('parentId');
	const createdAt = map.get('createdAt');
	return {
		id,
		screenId,
		blockId: typeof blockId === 'string' ? blockId : null,
		parentId: typeof parentId === 'string' ? parentId : null,
		text: str(map.get('text'), COMMENT_MAX),
		author: { userId: str(author.userId, 40), name: str(author.name, 100), organisation: str(author.organisation, 200) },
		createdAt: typeof createdAt === 'number' ? createdAt : 0,
		resolved: map.get('resolved') === true
	};
}

/** The threads (a comment and its replies, oldest first), for one screen or all. */
export function readThreads(doc: Y.Doc, screenId?: string): Thread[] {
	const all = [...commentsMap(doc).entries()].flatMap(([id, map]) => (map instanceof Y.Map ? [read(id, map)] : [])).filter((c): c is Comment => !!c);
	const roots = all.filter((c) => !c.parentId && (!screenId || c.screenId === screenId)).sort((a, b) => a.createdAt - b.createdAt);
	return roots.map((root) => ({ ...root, replies: all.filter((c) => c.parentId === root.id).sort((a, b) => a.createdAt - b.createdAt) }));
}

/** Adds a comment (or a reply to `parentId`); the text is cut at COMMENT_MAX. Returns its id, or null when empty or full. */
export function addComment(
	doc: Y.Doc,
	init: { screenId: string; blockId?: string | null; parentId?: string | null; text: string; author: CommentAuthor },
	now = Date.now()
): string | null {
	const text = init.text.trim().slice(0, COMMENT_MAX);
	if (!text || commentsMap(doc).size >= MAX_COMMENTS) return null;
	const id = newId();
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('screenId', init.screenId);
	map.set('blockId', init.blockId ?? null);
	map.set('parentId', init.parentId ?? null);
	map.set('text', text);
	map.set('author', init.author);
	map.set('createdAt', now);
	map.set('resolved', false);
	commentsMap(doc).set(id, map);
	return id;
}

export function setResolved(doc: Y.Doc, id: string, resolved: boolean): boolean {
	const map = commentsMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	map.set('resolved', resolved);
	return true;
}

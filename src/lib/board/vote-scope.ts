import { NOTE_KINDS, type Item, type NoteKind } from './model';

/** What a vote round is about: every note, or those of one kind, or inside one frame, or a selection. */
export type ScopeQuery = { kind?: string; groupId?: string; itemIds?: string[] };

/**
 * The ids of the notes a round with this scope is about. The server decides with it when a round
 * starts; the start dialog counts with it, so it can say beforehand that a scope is empty.
 */
export function notesInScope(items: readonly Item[], scope: ScopeQuery): string[] {
	return items
		.filter((item) => item.type === 'note')
		.filter((note) => !scope.kind || note.kind === scope.kind)
		.filter((note) => !scope.groupId || note.parentId === scope.groupId)
		.filter((note) => !scope.itemIds || scope.itemIds.includes(note.id))
		.map((note) => note.id);
}

/**
 * The kind a new round is about unless the facilitator picks another: the kind most notes on the
 * board have (ideas on a tie, as voting is mostly about ideas); `null` (every note) on an empty board.
 */
export function defaultVoteKind(items: readonly Item[]): NoteKind | null {
	const counts = new Map<NoteKind, number>();
	for (const item of items) if (item.type === 'note') counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
	if (!counts.size) return null;
	const best = Math.max(...counts.values());
	if (counts.get('idea') === best) return 'idea';
	return NOTE_KINDS.find((kind) => counts.get(kind) === best) ?? null;
}

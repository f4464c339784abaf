/**
 * The sprint's ideas: every note of kind "idea" on its boards, with the votes it got in the
 * board's last revealed round, and which ones the facilitator chose to test with young people.
 */
import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { ideaSelections } from '../db/schema';
import { listBoards } from '../boards/service';
import { notesWithGroups, readBoard } from '../boards/document';
import { latestRevealedRound, results } from '../votes/service';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';

export type Idea = {
	boardId: string;
	boardTitle: string;
	itemId: string;
	text: string;
	groupTitle: string;
	authorOrganisation: string;
	votes: number | null;
	supervotes: number;
	selected: boolean;
};

export function listIdeas(db: DB, sprintId: string): Idea[] {
	const selected = new Set(
		db.select({ boardId: ideaSelections.boardId, itemId: ideaSelections.itemId }).from(ideaSelections).where(eq(ideaSelections.sprintId, sprintId)).all().map((s) => `${s.boardId}/${s.itemId}`)
	);
	const ideas: Idea[] = [];
	for (const board of listBoards(db, sprintId)) {
		const doc = readBoard(db, sprintId, board.id);
		const round = latestRevealedRound(db, board.id);
		const counts = round ? results(db, round) : null;
		const byItem = new Map(counts?.ok ? counts.value.map((r) => [r.itemId, r]) : []);
		for (const note of notesWithGroups(doc)) {
			if (note.kind !== 'idea' || !note.text.trim()) continue;
			const result = byItem.get(note.id);
			ideas.push({
				boardId: board.id,
				boardTitle: board.title,
				itemId: note.id,
				text: note.text,
				groupTitle: note.groupTitle,
				authorOrganisation: note.author.organisation,
				votes: result ? result.votes : null,
				supervotes: result?.supervotes ?? 0,
				selected: selected.has(`${board.id}/${note.id}`)
			});
		}
		doc.destroy();
	}
	return ideas.sort((a, b) => (b.votes ?? -1) - (a.votes ?? -1) || b.supervotes - a.supervotes || a.text.localeCompare(b.text));
}

/** Chooses an idea for testing; its text is kept as it is now. */
export function selectIdea(db: DB, sprintId: string, boardId: string, itemId: string, userId: string): Result<null> {
	const idea = listIdeas(db, sprintId).find((i) => i.boardId === boardId && i.itemId === itemId);
	if (!idea) return fail('error_idea_not_found');
	if (idea.selected) return ok(null);
	db.insert(ideaSelections)
		.values({ id: newId(), sprintId, boardId, itemId, text: idea.text, authorOrganisation: idea.authorOrganisation, selectedBy: userId })
		.onConflictDoNothing()
		.run();
	return ok(null);
}

export function unselectIdea(db: DB, sprintId: string, boardId: string, itemId: string): Result<null> {
	const removed = db
		.delete(ideaSelections)
		.where(and(eq(ideaSelections.sprintId, sprintId), eq(ideaSelections.boardId, boardId), eq(ideaSelections.itemId, itemId)))
		.run();
	return removed.changes ? ok(null) : fail('error_not_found');
}

/** The ideas chosen for testing, as chosen (for test rounds). */
export function selectedIdeas(db: DB, sprintId: string) {
	return db.select().from(ideaSelections).where(eq(ideaSelections.sprintId, sprintId)).all();
}

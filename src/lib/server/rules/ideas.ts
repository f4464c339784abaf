/** The validated ideas an indicator can come from: this sprint's first, then the coalition's other sprints'. */
import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { sprints } from '../db/schema';
import { validatedIdeas } from '../feedback/round-results';

export type SourceIdea = { id: string; text: string; sprintTitle: string; roundTitle: string; n: number; positiveShare: number | null; thisSprint: boolean };

export function sourceIdeas(db: DB, coalitionId: string, sprintId: string): SourceIdea[] {
	const all = db.select({ id: sprints.id, title: sprints.title }).from(sprints).where(eq(sprints.coalitionId, coalitionId)).all();
	const ordered = [...all.filter((s) => s.id === sprintId), ...all.filter((s) => s.id !== sprintId)];
	return ordered.flatMap((sprint) =>
		validatedIdeas(db, sprint.id).map((idea) => ({
			// The test item is the idea as young people saw it: a stable id with its evidence.
			id: idea.testItemId,
			text: idea.text,
			sprintTitle: sprint.title,
			roundTitle: idea.roundTitle,
			n: idea.evidence.n,
			positiveShare: idea.evidence.positiveShare,
			thisSprint: sprint.id === sprintId
		}))
	);
}

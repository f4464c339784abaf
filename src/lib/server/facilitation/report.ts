/**
 * The sprint report: everything the sprint produced, as plain data, at any moment. The page, the
 * self-contained HTML download, the PDF and the read-only link all show this and only this. The
 * privacy rules hold here as everywhere: results only for ideas 5 or more young people answered
 * (roundView), only texts the facilitator made a quote (and showed), never a crisis alert, never who
 * wrote what.
 */
import { goal } from '$lib/brief/model';
import type { DB } from '../db';
import { listBoards } from '../boards/service';
import { readBoard } from '../boards/document';
import { readDoc } from '../collab/read-doc';
import { briefDocName } from '../collab/doc-name';
import { validatedIdeas } from '../feedback/round-results';
import { roundView } from '../feedback/round-view';
import { listRounds } from '../feedback/rounds';
import { getSprint } from '../sprints/service';
import { boardLayout, type BoardLayout } from './board-layout';
import { boardSvg, svgDataUri } from './board-svg';
import { listDecisions, revealedVotes, sprintQuestions, type DecisionView, type QuestionView, type VoteSummary } from './decisions';
import { testedVersions, type ReportResult } from './report-screens';
import { prototypeResources, ruleSetResources, type ResourceKind, type SprintResource } from './resources';

export type ReportRound = {
	title: string;
	status: string;
	opensAt: number;
	closesAt: number;
	started: number;
	finished: number;
	items: ({ text: string } & ReportResult)[];
	quotes: { text: string; itemText: string | null }[];
};

export type Report = {
	generatedAt: number;
	sprint: { id: string; title: string; startDate: string; days: number; coalitionName: string };
	goal: string;
	questions: QuestionView[];
	boards: { id: string; title: string; archived: boolean; layout: BoardLayout; image: string }[];
	votes: VoteSummary[];
	rounds: ReportRound[];
	validated: { text: string; roundTitle: string; n: number; positiveShare: number | null; measure: string | null; quotes: string[] }[];
	decisions: DecisionView[];
	resources: { kind: ResourceKind; items: SprintResource[] }[];
};

const share = (counts: { n: number; counts: Record<string, number> } | null, keys: string[]) =>
	counts && counts.n ? Math.round((keys.reduce((sum, key) => sum + (counts.counts[key] ?? 0), 0) / counts.n) * 100) : null;

export async function buildReport(db: DB, sprintId: string, now = Date.now()): Promise<Report | null> {
	const sprint = getSprint(db, sprintId);
	if (!sprint) return null;
	const brief = readDoc(db, briefDocName(sprintId));
	const goalText = goal(brief).toString().trim();
	brief.destroy();
	const boards = listBoards(db, sprintId).map((board) => {
		const doc = readBoard(db, sprintId, board.id);
		const layout = boardLayout(doc);
		doc.destroy();
		return { id: board.id, title: board.title, archived: !!board.archivedAt, layout, image: svgDataUri(boardSvg(layout)) };
	});
	/** Every item's outcome by its id: the tested screens show theirs beside the picture. */
	const results = new Map<string, ReportResult & { roundTitle: string }>();
	const rounds = listRounds(db, sprintId)
		.sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())
		.map((round): ReportRound => {
			// As an observer sees it: texts only once shown, no alerts.
			const view = roundView(db, round, 'observer', now);
			const textOf = new Map(view.items.map((item) => [item.id, item.text]));
			const items = view.items.map((item) => {
				const result: ReportResult = {
					respondents: item.respondents,
					wouldHelpYes: item.respondents === null ? null : share(item.wouldHelp, ['yes']),
					positive: item.respondents === null ? null : share(item.reactions, ['great', 'good']),
					verdict: item.verdict.status,
					validated: item.validation ? item.validation.validated : null
				};
				results.set(item.id, { ...result, roundTitle: view.title });
				return { text: item.text, ...result };
			});
			return {
				title: view.title,
				status: view.status,
				opensAt: view.opensAt,
				closesAt: view.closesAt,
				started: view.started,
				finished: view.finished,
				items,
				quotes: view.texts.filter((text) => text.quote && text.moderation === 'shown').map((text) => ({ text: text.text, itemText: text.itemId ? (textOf.get(text.itemId) ?? null) : null }))
			};
		});
	return {
		generatedAt: now,
		sprint: { id: sprint.id, title: sprint.title, startDate: sprint.startDate, days: sprint.days, coalitionName: sprint.coalitionName },
		goal: goalText,
		questions: sprintQuestions(db, sprintId),
		boards,
		votes: revealedVotes(db, sprintId),
		rounds,
		validated: validatedIdeas(db, sprintId).map((idea) => ({ text: idea.text, roundTitle: idea.roundTitle, n: idea.evidence.n, positiveShare: idea.evidence.positiveShare, measure: idea.evidence.measure, quotes: idea.quotes })),
		decisions: listDecisions(db, sprintId),
		resources: [
			{ kind: 'prototype', items: prototypeResources(db, sprintId, await testedVersions(db, sprintId, results)) },
			{ kind: 'ruleset', items: ruleSetResources(db, sprintId) }
		]
	};
}

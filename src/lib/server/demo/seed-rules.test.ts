import { describe, expect, it } from 'vitest';
import { demoRuleSet } from '$lib/rules/demo-ruleset';
import { exportedRuleSetSchema, type ExportedRuleSet } from '$lib/rules/model';
import { testDb } from '../db/test-db';
import { coalitions, ruleFields, ruleSets, sprints } from '../db/schema';
import { validatedIdeas } from '../feedback/round-results';
import { roundView } from '../feedback/round-view';
import { listRounds } from '../feedback/rounds';
import { listAudit } from '../rules/audit';
import { readDraftDefinition } from '../rules/draft';
import { getVersion } from '../rules/versions';
import * as Y from 'yjs';
import { createNote } from '$lib/board/model';
import { DEMO_IDEAS } from '$lib/rules/demo-ruleset';
import { createBoard } from '../boards/service';
import { createCoalition, addOrganisation, listOrganisations } from '../coalitions/service';
import { insertUser } from '../db/test-db';
import { selectIdea } from '../ideas/service';
import { createSprint } from '../sprints/service';
import { seedRules } from './seed-rules';

/** The demo's coalition, sprint and ideas board, as seed.ts makes them (outside its transaction: unit tests have no realtime server). */
function demoWorld() {
	const db = testDb();
	const user = insertUser(db, 'Demo facilitator');
	const coalition = createCoalition(db, user.id, 'Coalitie');
	if (!coalition.ok) throw new Error();
	for (const name of ['Lumens', 'GGD Brabant-Zuidoost', 'Shinto Labs']) addOrganisation(db, coalition.value.id, name, 'other');
	const sprint = createSprint(db, user.id, { title: 'Sprint', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const doc = new Y.Doc();
	const ids = Object.values(DEMO_IDEAS).map((text) => {
		const note = createNote(doc, { x: 0, y: 0, text, kind: 'idea', author: { userId: user.id, name: 'Demo', organisation: 'Lumens' } });
		if (!note.ok) throw new Error();
		return note.id;
	});
	const board = createBoard(db, sprint.value.id, user.id, 'Ideeën', 'blank', Y.encodeStateAsUpdate(doc));
	if (!board.ok) throw new Error();
	for (const id of ids) selectIdea(db, sprint.value.id, board.value.id, id, user.id);
	const organisationIds = Object.fromEntries(listOrganisations(db, coalition.value.id).map((o) => [o.name, o.id]));
	return { db, ids: { coalitionId: coalition.value.id, sprintId: sprint.value.id, userId: user.id, organisationIds } };
}

describe('the demo seed (rules)', () => {
	it('publishes the example rule set as version 1, approved by two demo organisations, from ideas young people validated', () => {
		const { db, ids } = demoWorld();
		seedRules(db, ids, { lumens: 'x', ggd: 'x' });
		const coalition = db.select().from(coalitions).get()!;
		const sprint = db.select().from(sprints).get()!;
		expect(db.select().from(ruleFields).all().length).toBeGreaterThanOrEqual(10);
		const ideas = validatedIdeas(db, sprint.id);
		expect(ideas).toHaveLength(4);
		expect(ideas.every((i) => i.evidence.n === 14 && i.evidence.measure === 'would_help')).toBe(true);
		// The faces are answered too, so the results show them next to "would help".
		const round = listRounds(db, sprint.id)[0];
		const view = roundView(db, round, 'facilitator');
		expect(view.items.map((item) => item.reactions?.n)).toEqual([14, 14, 14, 14]);
		const ruleSet = db.select().from(ruleSets).get()!;
		expect(ruleSet).toMatchObject({ coalitionId: coalition.id, sprintId: sprint.id, status: 'published', name: demoRuleSet.name });
		const version = getVersion<ExportedRuleSet>(db, ruleSet.id, 1)!;
		expect(exportedRuleSetSchema.safeParse(version.definition).success).toBe(true);
		expect(version.definition.approvals.map((a) => a.organisation)).toEqual(['Lumens', 'GGD Brabant-Zuidoost']);
		// Same rules as rules-core's example: the same indicators with the same JsonLogic and bands.
		expect(version.definition.indicators.map((i) => [i.id, i.kind, i.weight, i.jsonlogic, i.sourceIdeas])).toEqual(demoRuleSet.indicators.map((i) => [i.id, i.kind, i.weight, i.jsonlogic, i.sourceIdeas]));
		expect(version.definition.bands).toEqual(demoRuleSet.bands);
		// The draft links the ideas by their test items, with the evidence.
		const draft = readDraftDefinition(db, ruleSet);
		expect(draft.indicators[0].sourceIdeas.every((id) => ideas.some((i) => i.testItemId === id))).toBe(true);
		expect(listAudit(db, { ruleSetId: ruleSet.id }).map((a) => a.action)).toEqual(['published', 'approved', 'approved', 'approval_requested', 'ruleset_created']);
	});
});

/**
 * The demo's rules: the demo dictionary, a closed test round in which young people validated the
 * four demo ideas (real answers, so the evidence is what the app computes), and the example rule
 * set (rules-core's demo-ruleset.ts) published as version 1, approved by two demo organisations
 * through the same steps a person takes.
 */
import { demoDraft } from '$lib/rules/demo-ruleset';
import { writeDraft, type DraftIndicator } from '$lib/rules/draft-doc';
import { demoFields } from '$lib/rules/generator';
import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { coalitionMembers, users } from '../db/schema';
import { selectedIdeas } from '../ideas/service';
import { createRound, getRound, HOUR, roundItems } from '../feedback/rounds';
import { findRun, finishRun, joinRound, saveAnswer } from '../feedback/participation';
import { decideValidation, validatedIdeas } from '../feedback/round-results';
import { newId } from '../ids';
import { decide, publish, requestApproval } from '../rules/approvals';
import { writeDraftDoc } from '../rules/draft';
import { seedFields } from '../rules/fields';
import { createRuleSet, getRuleSet } from '../rules/service';

/** Young people per idea in the example round, and how many of them said it would help. */
const YOUNG_PEOPLE = 14;
const WOULD_HELP = [11, 12, 10, 9];

function validateIdeas(db: DB, sprintId: string, userId: string, now: number) {
	const opened = now - 2 * 24 * HOUR;
	const made = createRound(db, sprintId, userId, { title: 'Testronde jongerencentrum (voorbeeld)', ideaSelectionIds: selectedIdeas(db, sprintId).map((s) => s.id), hours: 4 }, opened);
	if (!made.ok) throw new Error(`demo example round: ${made.error}`);
	const round = getRound(db, sprintId, made.value.id)!;
	const items = roundItems(db, round.id);
	const wouldHelp = round.questions.find((q) => q.type === 'would_help')!;
	const reaction = round.questions.find((q) => q.type === 'reaction')!;
	// Faces that go with the answer: the happy ones mostly from those it would help.
	const face = (helps: boolean, person: number) => (helps ? (person % 3 === 0 ? 'good' : 'great') : person % 2 === 0 ? 'unsure' : 'good');
	for (let person = 0; person < YOUNG_PEOPLE; person++) {
		const at = opened + (person + 1) * 60_000;
		const joined = joinRound(db, round, at);
		if (!joined.ok) throw new Error(joined.error);
		const run = findRun(db, round, joined.value.token)!;
		items.forEach((item, i) => {
			const helps = person < (WOULD_HELP[i] ?? 8);
			saveAnswer(db, round, run, { itemId: item.id, questionId: wouldHelp.id, value: helps ? 'yes' : 'no' }, at);
			saveAnswer(db, round, run, { itemId: item.id, questionId: reaction.id, value: face(helps, person) }, at);
		});
		finishRun(db, round, run, at);
	}
	for (const item of items) {
		const decided = decideValidation(db, round, item.id, { validated: true }, userId, opened + 5 * HOUR);
		if (!decided.ok) throw new Error(`demo validation: ${decided.error}`);
	}
}

/** Seeds the rules part of the demo (inside the demo's transaction). */
export function seedRules(db: DB, ids: { coalitionId: string; sprintId: string; userId: string; organisationIds: Record<string, string> }, partnerHashes: { lumens: string; ggd: string }, now = Date.now()) {
	seedFields(db, ids.coalitionId, demoFields);
	if (!validatedIdeas(db, ids.sprintId).length) validateIdeas(db, ids.sprintId, ids.userId, now);
	const byText = new Map(validatedIdeas(db, ids.sprintId).map((i) => [i.text, i.testItemId]));

	const author = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, ids.userId)).get()!;
	const made = createRuleSet(db, ids.sprintId, { id: author.id, name: author.name }, demoDraft.name);
	if (!made.ok) throw new Error(`demo rule set: ${made.error}`);
	const ruleSet = getRuleSet(db, made.value.id)!;
	const indicators: DraftIndicator[] = demoDraft.indicators.map((i) => ({ ...i, sourceIdeas: i.sourceIdeas.map((text) => byText.get(text) ?? text) }));
	writeDraftDoc(db, ruleSet, (doc) =>
		writeDraft(doc, { purpose: 'Jongerenwerkers, leerplicht en wijkteams zien eerder met welke jongere ze een gesprek kunnen beginnen, en waar die jongere goed in is.', indicators, bands: demoDraft.bands })
	);
	const requested = requestApproval(db, ruleSet, { id: author.id, name: author.name });
	if (!requested.ok) throw new Error(`demo approval request: ${requested.error}`);
	const approvers = [
		{ name: 'Demo partner Lumens', key: 'lumens', organisation: 'Lumens' },
		{ name: 'Demo partner GGD', key: 'ggd', organisation: 'GGD Brabant-Zuidoost' }
	] as const;
	for (const approver of approvers) {
		const id = newId();
		db.insert(users).values({ id, email: `demo-${approver.key}@meedoen.local`, name: approver.name, passwordHash: partnerHashes[approver.key] }).run();
		db.insert(coalitionMembers).values({ coalitionId: ids.coalitionId, userId: id, role: 'partner', organisationId: ids.organisationIds[approver.organisation] }).run();
		const decided = decide(db, getRuleSet(db, ruleSet.id)!, requested.value.id, { id, name: approver.name }, { decision: 'approve', comment: 'Goed onderbouwd vanuit wat jongeren zeiden.' });
		if (!decided.ok) throw new Error(`demo approval: ${decided.error}`);
	}
	const published = publish(db, getRuleSet(db, ruleSet.id)!, { id: author.id, name: author.name });
	if (!published.ok) throw new Error(`demo publication: ${published.error}`);
	return ruleSet.id;
}

import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addIndicator, writeDraft, setIndicator } from '$lib/rules/draft-doc';
import { demoDraft } from '$lib/rules/demo-ruleset';
import { demoFields } from '$lib/rules/generator';
import type { ExportedRuleSet } from '$lib/rules/model';
import { addOrganisation, createCoalition, listOrganisations } from '../coalitions/service';
import { coalitionMembers, notifications, ruleApprovalRequests, sprintMembers } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { decide, openRequest, publish, requestApproval, startNewDraft, withdraw } from './approvals';
import { listAudit } from './audit';
import { readDraftDefinition, readDraftRuleSet, writeDraftDoc } from './draft';
import { seedFields } from './fields';
import { createRuleSet, getRuleSet, setMinApprovals } from './service';
import { getVersion, listVersions } from './versions';

/** A coalition of four organisations, a person in each (the author in the first), and a draft that passes the checks. */
function world() {
	const db = testDb();
	const author = insertUser(db, 'Anna');
	const coalition = createCoalition(db, author.id, 'C');
	if (!coalition.ok) throw new Error();
	const coalitionId = coalition.value.id;
	for (const name of ['Lumens', 'GGD', 'Gemeente', 'Fontys']) addOrganisation(db, coalitionId, name, 'other');
	const orgs = listOrganisations(db, coalitionId);
	const org = (name: string) => orgs.find((o) => o.name === name)!.id;
	db.update(coalitionMembers).set({ organisationId: org('Lumens') }).where(eq(coalitionMembers.userId, author.id)).run();
	const person = (name: string, organisation: string | null) => {
		const user = insertUser(db, name);
		db.insert(coalitionMembers).values({ coalitionId, userId: user.id, role: 'partner', organisationId: organisation && org(organisation) }).run();
		return { id: user.id, name };
	};
	const people = { author: { id: author.id, name: 'Anna' }, colleague: person('Lotte', 'Lumens'), ggd: person('Gijs', 'GGD'), ggd2: person('Greet', 'GGD'), gemeente: person('Gerrit', 'Gemeente'), fontys: person('Femke', 'Fontys'), none: person('Nora', null) };
	const sprint = createSprint(db, author.id, { title: 'S', coalitionId, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	seedFields(db, coalitionId, demoFields);
	const made = createRuleSet(db, sprint.value.id, people.author, 'Signalen');
	if (!made.ok) throw new Error();
	const ruleSet = () => getRuleSet(db, made.value.id)!;
	writeDraftDoc(db, ruleSet(), (doc) => writeDraft(doc, { purpose: 'Eerder een gesprek', indicators: demoDraft.indicators, bands: demoDraft.bands }));
	return { db, people, ruleSet, coalitionId, sprintId: sprint.value.id };
}

const NOW = new Date('2026-12-02T10:00:00Z');

describe('approval', () => {
	it('is refused while the draft has check errors', () => {
		const w = world();
		writeDraftDoc(w.db, w.ruleSet(), (doc) => addIndicator(doc, { kind: 'risk', name: '' }));
		expect(requestApproval(w.db, w.ruleSet(), w.people.author)).toMatchObject({ ok: false, error: 'error_rules_has_problems' });
		expect(w.ruleSet().status).toBe('draft');
	});

	it('tells the sprint\'s members who may approve, under their bell, not the one who asked nor observers', () => {
		const w = world();
		w.db.insert(sprintMembers).values([
			{ sprintId: w.sprintId, userId: w.people.ggd.id, role: 'partner' },
			{ sprintId: w.sprintId, userId: w.people.fontys.id, role: 'observer' }
		]).run();
		const requested = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
		if (!requested.ok) throw new Error(requested.error);
		const sent = w.db.select().from(notifications).all();
		expect(sent.map((n) => n.userId)).toEqual([w.people.ggd.id]);
		expect(sent[0]).toMatchObject({ kind: 'approval_requested', params: { title: 'Signalen' }, href: `/sprints/${w.sprintId}/rules/${w.ruleSet().id}/versions` });
	});

	it('needs two organisations other than the author\'s; one person once; publishing numbers the version', () => {
		const w = world();
		const requested = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
		if (!requested.ok) throw new Error(requested.error);
		const id = requested.value.id;
		expect(w.ruleSet().status).toBe('in_review');
		expect(requestApproval(w.db, w.ruleSet(), w.people.author)).toMatchObject({ ok: false, error: 'error_rules_not_draft' });
		const approve = (who: keyof typeof w.people) => decide(w.db, w.ruleSet(), id, w.people[who], { decision: 'approve' }, NOW);
		expect(approve('author')).toMatchObject({ ok: false, error: 'error_rules_own_organisation' });
		expect(approve('colleague')).toMatchObject({ ok: false, error: 'error_rules_own_organisation' });
		expect(approve('none')).toMatchObject({ ok: false, error: 'error_rules_no_organisation' });
		expect(approve('ggd')).toEqual({ ok: true, value: { status: 'open' } });
		expect(approve('ggd')).toMatchObject({ ok: false, error: 'error_rules_already_decided' });
		// A second person of the same organisation does not make a second organisation.
		expect(approve('ggd2')).toMatchObject({ ok: true });
		expect(publish(w.db, w.ruleSet(), w.people.author, NOW)).toMatchObject({ ok: false, error: 'error_rules_not_enough_approvals' });
		expect(approve('gemeente')).toMatchObject({ ok: true });
		expect(publish(w.db, w.ruleSet(), w.people.author, NOW)).toEqual({ ok: true, value: { number: 1 } });
		expect(w.ruleSet().status).toBe('published');
		const v1 = getVersion<ExportedRuleSet>(w.db, w.ruleSet().id, 1)!;
		expect(v1.definition).toMatchObject({ format: 'meedoen.ruleset/1', id: w.ruleSet().id, version: 1, publishedAt: NOW.toISOString(), name: 'Signalen' });
		expect(v1.definition.approvals.map((a) => a.organisation)).toEqual(['GGD', 'Gemeente']);
		expect(v1.definition.fields.every((f) => demoFields.find((d) => d.key === f.key)?.sensitivity !== 'special')).toBe(true);
		expect(listAudit(w.db, { ruleSetId: w.ruleSet().id }).map((a) => a.action)).toEqual(['published', 'approved', 'approved', 'approved', 'approval_requested', 'ruleset_created']);
	});

	it('follows the coalition\'s minimum, fixed when the request was made', () => {
		const w = world();
		setMinApprovals(w.db, w.coalitionId, w.people.author, 3);
		const requested = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
		if (!requested.ok) throw new Error();
		setMinApprovals(w.db, w.coalitionId, w.people.author, 1);
		for (const who of ['ggd', 'gemeente'] as const) decide(w.db, w.ruleSet(), requested.value.id, w.people[who], { decision: 'approve' }, NOW);
		expect(publish(w.db, w.ruleSet(), w.people.author, NOW)).toMatchObject({ ok: false, error: 'error_rules_not_enough_approvals' });
		decide(w.db, w.ruleSet(), requested.value.id, w.people.fontys, { decision: 'approve' }, NOW);
		expect(publish(w.db, w.ruleSet(), w.people.author, NOW)).toMatchObject({ ok: true });
	});

	it('a rejection needs a reason and returns the rule set to draft; so does withdrawing', () => {
		const w = world();
		const first = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
		if (!first.ok) throw new Error();
		expect(decide(w.db, w.ruleSet(), first.value.id, w.people.ggd, { decision: 'reject', comment: '  ' }, NOW)).toMatchObject({ ok: false, error: 'error_rules_reject_reason' });
		expect(decide(w.db, w.ruleSet(), first.value.id, w.people.ggd, { decision: 'reject', comment: 'Postcode zonder reden' }, NOW)).toEqual({ ok: true, value: { status: 'rejected' } });
		expect(w.ruleSet().status).toBe('draft');
		expect(openRequest(w.db, w.ruleSet().id)).toBeNull();
		const second = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
		if (!second.ok) throw new Error();
		expect(decide(w.db, w.ruleSet(), first.value.id, w.people.gemeente, { decision: 'approve' }, NOW)).toMatchObject({ ok: false, error: 'error_rules_no_request' });
		expect(withdraw(w.db, w.ruleSet(), w.people.author)).toEqual({ ok: true, value: null });
		expect(w.ruleSet().status).toBe('draft');
	});

	it('blocks publication when a re-evaluation date passed during the review', () => {
		const w = world();
		const requested = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
		if (!requested.ok) throw new Error();
		for (const who of ['ggd', 'gemeente'] as const) decide(w.db, w.ruleSet(), requested.value.id, w.people[who], { decision: 'approve' }, NOW);
		expect(publish(w.db, w.ruleSet(), w.people.author, new Date('2027-07-01T00:00:00Z'))).toMatchObject({ ok: false, error: 'error_rules_review_past' });
		expect(w.ruleSet().status).toBe('in_review');
	});

	it('never changes a published version: later drafts become new versions; the candidate is frozen', () => {
		const w = world();
		const publishNow = () => {
			const requested = requestApproval(w.db, w.ruleSet(), w.people.author, NOW);
			if (!requested.ok) throw new Error(requested.error);
			for (const who of ['ggd', 'fontys'] as const) decide(w.db, w.ruleSet(), requested.value.id, w.people[who], { decision: 'approve' }, NOW);
			const published = publish(w.db, w.ruleSet(), w.people.author, NOW);
			if (!published.ok) throw new Error(published.error);
			return requested.value.id;
		};
		const firstRequest = publishNow();
		const before = JSON.stringify(getVersion(w.db, w.ruleSet().id, 1)!.definition);
		expect(() => w.db.update(ruleApprovalRequests).set({ candidate: {} }).where(eq(ruleApprovalRequests.id, firstRequest)).run()).toThrow(/frozen/);
		expect(startNewDraft(w.db, w.ruleSet(), w.people.colleague)).toEqual({ ok: true, value: null });
		const target = readDraftDefinition(w.db, w.ruleSet()).indicators[0].id;
		writeDraftDoc(w.db, w.ruleSet(), (doc) => setIndicator(doc, target, { weight: 5 }));
		publishNow();
		expect(JSON.stringify(getVersion(w.db, w.ruleSet().id, 1)!.definition)).toBe(before);
		expect(getVersion<ExportedRuleSet>(w.db, w.ruleSet().id, 2)!.definition.indicators[0].weight).toBe(5);
		expect(listVersions(w.db, w.ruleSet().id).map((v) => v.number)).toEqual([2, 1]);
	});
});

describe('reading the draft on the server', () => {
	it('gives the rules domain a RuleSetDraft with the dictionary', () => {
		const w = world();
		const draft = readDraftRuleSet(w.db, w.ruleSet());
		expect(draft.name).toBe('Signalen');
		expect(draft.indicators.map((i) => i.id)).toEqual(demoDraft.indicators.map((i) => i.id));
		expect(draft.indicators[0].condition).toEqual(demoDraft.indicators[0].condition);
		expect(draft.fields?.map((f) => f.key).sort()).toEqual(demoFields.map((f) => f.key).sort());
	});
});

import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createCoalition } from '../coalitions/service';
import { ruleAuditLog, ruleVersions } from '../db/schema';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { newId } from '../ids';
import { appendAudit, listAudit } from './audit';
import { createRuleSet, getRuleSet, getSprintRuleSet, listRuleSets, minApprovals, setMinApprovals } from './service';
import { createApiToken, listApiTokens, revokeApiToken, validateApiToken } from './tokens';
import { getVersion } from './versions';
import { createRuleSetWithDraft, DEFAULT_BANDS, readDraftDefinition } from './draft';

function world() {
	const db = testDb();
	const user = insertUser(db, 'Fenna');
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	return { db, actor: { id: user.id, name: user.name }, coalitionId: coalition.value.id, sprintId: sprint.value.id };
}

describe('rule sets', () => {
	it('are made with their first draft in one go, or not at all', () => {
		const w = world();
		const made = createRuleSetWithDraft(w.db, w.sprintId, w.actor, 'Samen op tijd');
		if (!made.ok) throw new Error();
		expect(readDraftDefinition(w.db, { id: made.value.id, sprintId: w.sprintId }).bands).toEqual(DEFAULT_BANDS);
		expect(createRuleSetWithDraft(w.db, w.sprintId, w.actor, '')).toMatchObject({ ok: false, error: 'error_name_required' });
		// The document cannot be written: the rule set is not made either.
		w.db.$client.exec('DROP TABLE doc_updates');
		expect(() => createRuleSetWithDraft(w.db, w.sprintId, w.actor, 'Half')).toThrow();
		expect(listRuleSets(w.db, w.sprintId).map((r) => r.name)).toEqual(['Samen op tijd']);
		expect(listAudit(w.db, { coalitionId: w.coalitionId }).map((r) => r.action)).toEqual(['ruleset_created']);
	});

	it('are made in a sprint, owned by its coalition, and logged', () => {
		const w = world();
		expect(createRuleSet(w.db, w.sprintId, w.actor, '  ')).toMatchObject({ ok: false, error: 'error_name_required' });
		const made = createRuleSet(w.db, w.sprintId, w.actor, ' Signalen  jongeren ');
		if (!made.ok) throw new Error();
		expect(getRuleSet(w.db, made.value.id)).toMatchObject({ name: 'Signalen jongeren', status: 'draft', coalitionId: w.coalitionId, sprintId: w.sprintId });
		expect(getSprintRuleSet(w.db, newId(), made.value.id)).toBeNull();
		expect(listRuleSets(w.db, w.sprintId)).toMatchObject([{ id: made.value.id, latestVersion: null }]);
		expect(listAudit(w.db, { ruleSetId: made.value.id })).toMatchObject([{ action: 'ruleset_created', actor: 'Fenna', detail: { name: 'Signalen jongeren' } }]);
	});

	it('need two approving organisations unless the coalition says otherwise (1 to 10)', () => {
		const w = world();
		expect(minApprovals(w.db, w.coalitionId)).toBe(2);
		expect(setMinApprovals(w.db, w.coalitionId, w.actor, '0')).toMatchObject({ ok: false });
		expect(setMinApprovals(w.db, w.coalitionId, w.actor, '3')).toEqual({ ok: true, value: null });
		expect(minApprovals(w.db, w.coalitionId)).toBe(3);
	});
});

describe('the audit log', () => {
	it('is append-only: the database refuses to change or delete a row', () => {
		const w = world();
		const id = appendAudit(w.db, { coalitionId: w.coalitionId, actor: 'x', action: 'evaluated', detail: { records: 3 } });
		expect(() => w.db.update(ruleAuditLog).set({ actor: 'y' }).where(eq(ruleAuditLog.id, id)).run()).toThrow(/append-only/);
		expect(() => w.db.delete(ruleAuditLog).where(eq(ruleAuditLog.id, id)).run()).toThrow(/append-only/);
		expect(() => w.db.$client.exec('DELETE FROM rule_audit_log')).toThrow(/append-only/);
		expect(listAudit(w.db, { coalitionId: w.coalitionId })[0]).toMatchObject({ id, actor: 'x', detail: { records: 3 } });
	});
});

describe('published versions', () => {
	it('cannot be changed once written', () => {
		const w = world();
		const made = createRuleSet(w.db, w.sprintId, w.actor, 'R');
		if (!made.ok) throw new Error();
		w.db.insert(ruleVersions).values({ id: newId(), ruleSetId: made.value.id, number: 1, definition: { name: 'R' }, authorName: 'Fenna', publishedAt: new Date() }).run();
		expect(() => w.db.update(ruleVersions).set({ definition: { name: 'changed' } }).where(eq(ruleVersions.ruleSetId, made.value.id)).run()).toThrow(/immutable/);
		expect(getVersion(w.db, made.value.id, 1)?.definition).toEqual({ name: 'R' });
		expect(getVersion(w.db, made.value.id, 2)).toBeNull();
	});
});

describe('API tokens', () => {
	it('are shown once, stored hashed, and stop working when revoked', () => {
		const w = world();
		const made = createApiToken(w.db, w.coalitionId, w.actor, 'GGD server');
		if (!made.ok) throw new Error();
		const { token, id } = made.value;
		expect(token).toMatch(/^mdn_[a-z2-7]+\.[a-z2-7]+$/);
		const stored = w.db.$client.prepare('SELECT * FROM api_tokens').all() as Record<string, unknown>[];
		expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
		expect(validateApiToken(w.db, token)).toEqual({ tokenId: id, coalitionId: w.coalitionId, name: 'GGD server' });
		expect(validateApiToken(w.db, token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'))).toBeNull();
		expect(validateApiToken(w.db, 'Bearer ' + token)).toBeNull();
		expect(revokeApiToken(w.db, 'other', w.actor, id)).toMatchObject({ ok: false });
		expect(revokeApiToken(w.db, w.coalitionId, w.actor, id)).toEqual({ ok: true, value: null });
		expect(validateApiToken(w.db, token)).toBeNull();
		expect(listApiTokens(w.db, w.coalitionId)[0].revokedAt).not.toBeNull();
		expect(listAudit(w.db, { coalitionId: w.coalitionId }).map((r) => r.action)).toEqual(['token_revoked', 'token_created']);
	});
});

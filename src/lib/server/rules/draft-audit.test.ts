import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addIndicator, indicatorText, removeIndicator, setIndicator } from '$lib/rules/draft-doc';
import { createCoalition } from '../coalitions/service';
import { parseDocName } from '../collab/doc-name';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { listAudit } from './audit';
import { watchDraftEdits, type DraftEditDetail } from './draft-audit';
import { createRuleSet, ruleSetDocName } from './service';

function world() {
	const db = testDb();
	const fenna = insertUser(db, 'Fenna');
	const ahmed = insertUser(db, 'Ahmed');
	const coalition = createCoalition(db, fenna.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, fenna.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok) throw new Error();
	const made = createRuleSet(db, sprint.value.id, { id: fenna.id, name: 'Fenna' }, 'Signalen');
	if (!made.ok) throw new Error();
	const ruleSetId = made.value.id;
	// The room's document, and one copy per person whose updates reach it as a connection's would.
	const server = new Y.Doc();
	const watcher = watchDraftEdits(db, { quietMs: 1_000, maxMs: 10_000, log: () => {} })(parseDocName(ruleSetDocName(sprint.value.id, ruleSetId))!, server)!;
	server.on('afterTransaction', (transaction: Y.Transaction) => {
		const who = transaction.origin as { userId: string; name: string } | null;
		if (who && typeof who === 'object' && 'userId' in who) watcher.edited(transaction, who);
	});
	const person = (user: { id: string; name: string }) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'server') Y.applyUpdate(server, update, { userId: user.id, name: user.name });
		});
		server.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'server'));
		return doc;
	};
	const drafts = () =>
		listAudit(db, { ruleSetId })
			.filter((row) => row.action === 'draft_edited')
			.reverse()
			.map((row) => ({ actor: row.actor, userId: row.userId, detail: row.detail as DraftEditDetail }));
	return { db, watcher, ruleSetId, fenna: person(fenna), ahmed: person(ahmed), ids: { fenna: fenna.id, ahmed: ahmed.id }, drafts };
}

describe('the audit trail of draft edits', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('writes one row per person after a quiet spell, naming what they touched', () => {
		const w = world();
		const verzuim = addIndicator(w.fenna, { name: 'Verzuim' })!;
		for (const letter of ' op school') w.fenna.transact(() => indicatorText(w.fenna, verzuim, 'name')!.insert(indicatorText(w.fenna, verzuim, 'name')!.length, letter));
		vi.advanceTimersByTime(500);
		const sport = addIndicator(w.ahmed, { name: 'Sportclub', kind: 'protective' })!;
		setIndicator(w.ahmed, verzuim, { weight: 2 });
		expect(w.drafts()).toEqual([]);

		vi.advanceTimersByTime(1_000);
		expect(w.drafts()).toEqual([
			{ actor: 'Fenna', userId: w.ids.fenna, detail: expect.objectContaining({ edits: 11, indicators: { changed: [], added: [{ id: verzuim, name: 'Verzuim op school' }], removed: [], moved: [] }, purpose: false }) },
			{ actor: 'Ahmed', userId: w.ids.ahmed, detail: expect.objectContaining({ edits: 2, indicators: { changed: [{ id: verzuim, name: 'Verzuim op school', parts: ['weight'] }], added: [{ id: sport, name: 'Sportclub' }], removed: [], moved: [] } }) }
		]);
	});

	it('writes at the latest after maxMs while someone keeps typing, and names a removed indicator', () => {
		const w = world();
		const verzuim = addIndicator(w.fenna, { name: 'Verzuim' })!;
		vi.advanceTimersByTime(2_000);
		expect(w.drafts()).toHaveLength(1);
		for (let i = 0; i < 24; i++) {
			w.fenna.transact(() => indicatorText(w.fenna, verzuim, 'description')!.insert(0, 'x'));
			vi.advanceTimersByTime(500);
		}
		// Twelve seconds of typing, never quiet for a second: written once at ten seconds.
		expect(w.drafts().map((d) => d.detail.indicators.changed)).toEqual([[], [{ id: verzuim, name: 'Verzuim', parts: ['description'] }]]);
		removeIndicator(w.ahmed, verzuim);
		w.watcher.flush();
		const rows = w.drafts();
		expect(rows.slice(2)).toEqual([
			{ actor: 'Fenna', userId: w.ids.fenna, detail: expect.objectContaining({ edits: 4 }) },
			{ actor: 'Ahmed', userId: w.ids.ahmed, detail: expect.objectContaining({ indicators: { changed: [], added: [], removed: [{ id: verzuim, name: 'Verzuim' }], moved: [] } }) }
		]);
	});

	it('flushing writes what is pending, and nothing is written for nobody', () => {
		const w = world();
		w.watcher.flush();
		expect(w.drafts()).toEqual([]);
		setIndicator(w.fenna, 'no-such-indicator', { weight: 3 });
		w.watcher.flush();
		expect(w.drafts()).toEqual([]);
	});
});

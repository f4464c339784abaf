import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renameScreen } from '$lib/prototype/model';
import { createCoalition } from '../coalitions/service';
import { SqliteDocStore } from '../collab/doc-store';
import { insertUser, testDb } from '../db/test-db';
import { createSprint } from '../sprints/service';
import { createPrototype, freezeVersion, getPrototype, getVersion, listVersions, prototypeDocName, readPrototypeDoc } from './service';

function world() {
	const db = testDb();
	const user = insertUser(db, 'Fenna');
	const coalition = createCoalition(db, user.id, 'C');
	if (!coalition.ok) throw new Error();
	const sprint = createSprint(db, user.id, { title: 'S', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	const other = createSprint(db, user.id, { title: 'S2', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
	if (!sprint.ok || !other.ok) throw new Error();
	return { db, user, sprintId: sprint.value.id, otherSprintId: other.value.id };
}

describe('prototypes', () => {
	it('creates a prototype from a template, with its screens in the document', () => {
		const w = world();
		const created = createPrototype(w.db, w.sprintId, w.user.id, { name: '  Signaal  app ', device: 'tablet', audience: 'professionals', template: 'signal_app' });
		if (!created.ok) throw new Error(created.error);
		expect(getPrototype(w.db, w.sprintId, created.value.id)).toMatchObject({ name: 'Signaal app', device: 'tablet', audience: 'professionals' });
		expect(getPrototype(w.db, w.otherSprintId, created.value.id)).toBeNull();
		const doc = readPrototypeDoc(w.db, w.sprintId, created.value.id);
		expect(doc.getMap('screens').size).toBe(5);
	});

	it('refuses a missing or too long name and an unknown device or audience', () => {
		const w = world();
		const base = { name: 'App', device: 'phone', audience: 'youth', template: 'blank' };
		expect(createPrototype(w.db, w.sprintId, w.user.id, { ...base, name: ' ' })).toMatchObject({ ok: false, error: 'error_title_required' });
		expect(createPrototype(w.db, w.sprintId, w.user.id, { ...base, name: 'x'.repeat(81) })).toMatchObject({ ok: false, error: 'proto_error_name_too_long' });
		expect(createPrototype(w.db, w.sprintId, w.user.id, { ...base, device: 'watch' })).toMatchObject({ ok: false });
		expect(createPrototype(w.db, w.sprintId, w.user.id, { ...base, audience: 'everyone' })).toMatchObject({ ok: false });
	});

	it('freezes numbered versions that later edits never change', () => {
		const w = world();
		const created = createPrototype(w.db, w.sprintId, w.user.id, { name: 'Check-in', device: 'phone', audience: 'youth', template: 'youth_checkin' });
		if (!created.ok) throw new Error();
		const id = created.value.id;
		const first = freezeVersion(w.db, w.sprintId, id, { id: w.user.id, name: 'Fenna' }, 'Voor dinsdag');
		expect(first).toMatchObject({ ok: true, value: { number: 1 } });
		const frozen = getVersion(w.db, id, 1)!;
		const before = JSON.stringify(frozen.snapshot);

		// An edit to the live document, as the realtime server would store it.
		const doc = readPrototypeDoc(w.db, w.sprintId, id);
		const screen = frozen.snapshot.screens[0].id;
		const sv = Y.encodeStateVector(doc);
		renameScreen(doc, screen, 'Helemaal anders', null);
		new SqliteDocStore(w.db.$client).append(prototypeDocName(w.sprintId, id), Y.encodeStateAsUpdate(doc, sv));

		expect(JSON.stringify(getVersion(w.db, id, 1)!.snapshot)).toBe(before);
		const second = freezeVersion(w.db, w.sprintId, id, { id: w.user.id, name: 'Fenna' }, '');
		expect(second).toMatchObject({ ok: true, value: { number: 2 } });
		expect(getVersion(w.db, id, 2)!.snapshot.screens[0].name).toBe('Helemaal anders');
		expect(getVersion(w.db, id, 2)!.name).toBe('Versie 2');
		expect(listVersions(w.db, id).map((v) => v.number)).toEqual([2, 1]);
		expect(freezeVersion(w.db, w.otherSprintId, id, { id: w.user.id, name: 'F' }, '')).toMatchObject({ ok: false, error: 'error_not_found' });
	});
});

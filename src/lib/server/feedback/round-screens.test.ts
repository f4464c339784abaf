import { describe, expect, it } from 'vitest';
import type { Block } from '$lib/prototype/model';
import type { PrototypeSnapshot } from '$lib/prototype/snapshot';
import { createCoalition } from '../coalitions/service';
import { prototypeImages, prototypes, prototypeVersions, testItems, testRounds } from '../db/schema';
import { createSprint } from '../sprints/service';
import { decideValidation, roundResults, validatedIdeas } from './round-results';
import { roundImage, sprintVersions } from './round-screens';
import { createRound, getRound, roundItems } from './rounds';
import { crowd, setup, T0 } from './test-fixtures';
import { publicRound } from './youth';

const block = (id: string, type: Block['type'], text: string, imageId: string | null = null): Block => ({ id, type, text, items: '', target: null, overlay: false, multiple: false, emoji: '', imageId });
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const IMG = 'iiiiiiiiiiiiiiii';
const OTHER_IMG = 'jjjjjjjjjjjjjjjj';

/** A prototype in the sprint with one frozen version: screen B is its start screen and shows an image. */
function withVersion(ctx: ReturnType<typeof setup>, sprintId = ctx.sprintId, name = 'Check-in') {
	const prototypeId = `p-${name}`;
	ctx.db.insert(prototypes).values({ id: prototypeId, sprintId, name, device: 'phone', audience: 'youth', createdBy: ctx.user.id }).run();
	const snapshot: PrototypeSnapshot = {
		v: 1,
		start: B,
		screens: [
			{ id: A, name: 'Vragen', blocks: [block('cccccccccccccccc', 'heading', 'Hoe gaat het?')] },
			{ id: B, name: 'Welkom', blocks: [block('dddddddddddddddd', 'image', 'Logo', IMG), block('eeeeeeeeeeeeeeee', 'note', 'Let op of ze de knop zien')] }
		]
	};
	const versionId = `v-${name}`;
	ctx.db.insert(prototypeVersions).values({ id: versionId, prototypeId, number: 2, name: 'Voor de test', snapshot, authorName: 'Fenna', createdBy: ctx.user.id }).run();
	for (const id of [IMG, OTHER_IMG]) ctx.db.insert(prototypeImages).values({ id, prototypeId, mime: 'image/png', width: 1, height: 1, bytes: Buffer.from([1, 2, 3]) }).run();
	return versionId;
}

describe('rounds over a frozen prototype version', () => {
	it('get one screen item per screen, start screen first, named by prototype and version', () => {
		const ctx = setup();
		const versionId = withVersion(ctx);
		expect(sprintVersions(ctx.db, ctx.sprintId)).toEqual([{ id: versionId, prototypeName: 'Check-in', number: 2, name: 'Voor de test' }]);
		const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'Schermen', ideaSelectionIds: [], prototypeVersionId: versionId }, T0);
		if (!made.ok) throw new Error(made.error);
		const items = roundItems(ctx.db, made.value.id);
		expect(items.map((i) => [i.kind, i.screenId, i.prototypeVersionId, i.text])).toEqual([
			['screen', B, versionId, 'Check-in v2: Welkom'],
			['screen', A, versionId, 'Check-in v2: Vragen']
		]);
	});

	it('put the screens after the chosen ideas', () => {
		const ctx = setup();
		const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'Alles', ideaSelectionIds: ctx.selectionIds, prototypeVersionId: withVersion(ctx) }, T0);
		if (!made.ok) throw new Error(made.error);
		expect(roundItems(ctx.db, made.value.id).map((i) => i.kind)).toEqual(['idea', 'idea', 'idea', 'screen', 'screen']);
	});

	it("refuse an unknown version or another sprint's, making nothing", () => {
		const ctx = setup();
		const coalition = createCoalition(ctx.db, ctx.user.id, 'Andere');
		if (!coalition.ok) throw new Error();
		const other = createSprint(ctx.db, ctx.user.id, { title: 'Andere', coalitionId: coalition.value.id, startDate: '2026-12-01', days: 5 });
		if (!other.ok) throw new Error();
		const foreign = withVersion(ctx, other.value.id, 'Elders');
		for (const prototypeVersionId of ['nope', foreign]) {
			const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'R', ideaSelectionIds: ctx.selectionIds, prototypeVersionId }, T0);
			expect(made).toMatchObject({ ok: false, error: 'error_round_version_not_found', field: 'version' });
		}
		expect(sprintVersions(ctx.db, ctx.sprintId)).toEqual([]);
		expect(ctx.db.select().from(testRounds).all()).toHaveLength(0);
		expect(ctx.db.select().from(testItems).all()).toHaveLength(0);
	});

	it('show a young person the frozen screen without the notes for testers', () => {
		const ctx = setup();
		const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'R', ideaSelectionIds: [], prototypeVersionId: withVersion(ctx) }, T0);
		if (!made.ok) throw new Error(made.error);
		const view = publicRound(ctx.db, getRound(ctx.db, ctx.sprintId, made.value.id)!, T0);
		expect(view.items[0].frozen?.screen.name).toBe('Welkom');
		expect(view.items[0].frozen?.screen.blocks.map((b) => b.type)).toEqual(['image']);
		expect(JSON.stringify(view)).not.toContain('Let op of ze de knop zien');
	});

	it('serve an image only when a version the round tests shows it', () => {
		const ctx = setup();
		const screens = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'R', ideaSelectionIds: [], prototypeVersionId: withVersion(ctx) }, T0);
		const ideasOnly = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'I', ideaSelectionIds: ctx.selectionIds }, T0);
		if (!screens.ok || !ideasOnly.ok) throw new Error();
		expect(roundImage(ctx.db, screens.value.id, IMG)?.bytes).toEqual(Buffer.from([1, 2, 3]));
		// Same prototype, but not in the frozen version: a later upload stays private to the sprint.
		expect(roundImage(ctx.db, screens.value.id, OTHER_IMG)).toBeNull();
		expect(roundImage(ctx.db, ideasOnly.value.id, IMG)).toBeNull();
	});

	it("get a verdict as ideas do, which stays on the round and never reaches the Ideas page", () => {
		const ctx = setup();
		const made = createRound(ctx.db, ctx.sprintId, ctx.user.id, { title: 'R', ideaSelectionIds: [ctx.selectionIds[0]], prototypeVersionId: withVersion(ctx) }, T0);
		if (!made.ok) throw new Error(made.error);
		const r = getRound(ctx.db, ctx.sprintId, made.value.id)!;
		const [idea, screen] = roundItems(ctx.db, r.id);
		crowd(ctx, r, idea.id, 5, 5);
		crowd(ctx, r, screen.id, 5, 5);
		expect(roundResults(ctx.db, r, T0).items.find((i) => i.item.id === screen.id)?.result.verdict.status).toBe('validated');
		expect(decideValidation(ctx.db, r, screen.id, { validated: true }, ctx.user.id, T0)).toMatchObject({ ok: true });
		expect(decideValidation(ctx.db, r, idea.id, { validated: true }, ctx.user.id, T0)).toMatchObject({ ok: true });
		expect(validatedIdeas(ctx.db, ctx.sprintId).map((v) => v.testItemId)).toEqual([idea.id]);
	});
});

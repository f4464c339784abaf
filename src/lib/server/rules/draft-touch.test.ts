import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBand, addIndicator, indicatorList, indicatorText, purposeText, removeIndicator, setBand, setIndicator } from '$lib/rules/draft-doc';
import { defineDraftRoots, touchDraft, type DraftTouch } from './draft-touch';

/** A person's copy and the server's copy; returns what each update did on the server, as the room sees it. */
function pair() {
	const server = new Y.Doc();
	defineDraftRoots(server);
	const person = new Y.Doc();
	const seen: DraftTouch[] = [];
	server.on('afterTransaction', (transaction: Y.Transaction) => {
		if (transaction.origin === 'person') seen.push(touchDraft(server, transaction));
	});
	person.on('update', (update: Uint8Array) => Y.applyUpdate(server, update, 'person'));
	const plain = (t: DraftTouch) => ({
		indicators: { changed: Object.fromEntries([...t.indicators.changed].map(([id, p]) => [id, [...p].sort()])), added: [...t.indicators.added], removed: [...t.indicators.removed] },
		bands: { changed: Object.fromEntries([...t.bands.changed].map(([id, p]) => [id, [...p].sort()])), added: [...t.bands.added], removed: [...t.bands.removed] },
		purpose: t.purpose
	});
	return { server, person, last: () => plain(seen[seen.length - 1]), count: () => seen.length };
}

describe('what a draft update touched', () => {
	it('names an added indicator, the parts changed of another, and a removed one', () => {
		const { person, last } = pair();
		const a = addIndicator(person, { name: 'Verzuim' })!;
		expect(last().indicators).toEqual({ changed: {}, added: [a], removed: [] });
		const b = addIndicator(person, { name: 'Sport', kind: 'protective' })!;

		setIndicator(person, a, { weight: 3, condition: { op: 'all', items: [] } });
		expect(last().indicators).toEqual({ changed: { [a]: ['condition', 'weight'] }, added: [], removed: [] });

		person.transact(() => indicatorText(person, b, 'name')!.insert(5, 'club'));
		expect(last().indicators).toEqual({ changed: { [b]: ['name'] }, added: [], removed: [] });

		removeIndicator(person, a);
		expect(last().indicators).toEqual({ changed: {}, added: [], removed: [a] });
		expect(last().purpose).toBe(false);
	});

	it('tells outcomes and the purpose apart from indicators', () => {
		const { person, last } = pair();
		const band = addBand(person, { label: 'aandacht', minScore: 2 })!;
		expect(last().bands.added).toEqual([band]);
		setBand(person, band, { minScore: 3 });
		expect(last()).toMatchObject({ bands: { changed: { [band]: ['minScore'] } }, indicators: { changed: {}, added: [], removed: [] }, purpose: false });
		person.transact(() => purposeText(person).insert(0, 'Eerder zien wie vastloopt'));
		expect(last()).toMatchObject({ purpose: true, bands: { changed: {}, added: [], removed: [] } });
	});

	it('only counts what this update did, not what others did before it', () => {
		const { server, person, last, count } = pair();
		const a = addIndicator(person, { name: 'Verzuim' })!;
		// Someone else's edit, applied on the server with another origin, is not attributed.
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
		const theirs = addIndicator(other, { name: 'Schulden' })!;
		Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)), 'someone else');
		Y.applyUpdate(person, Y.encodeStateAsUpdate(server));
		const before = count();
		setIndicator(person, a, { reviewBy: '2027-06-01' });
		expect(count()).toBe(before + 1);
		expect(last().indicators).toEqual({ changed: { [a]: ['reviewBy'] }, added: [], removed: [] });
		expect(indicatorList(server).length).toBe(2);
		expect(theirs).not.toBe(a);
	});

	it('an update that creates and deletes an indicator at once touched nothing lasting', () => {
		const { person, last } = pair();
		person.transact(() => {
			const id = addIndicator(person, { name: 'x' })!;
			removeIndicator(person, id);
		});
		expect(last().indicators).toEqual({ changed: {}, added: [], removed: [] });
	});
});

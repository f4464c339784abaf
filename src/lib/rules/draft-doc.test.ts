import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBand, addIndicator, indicatorList, indicatorText, readDraft, removeIndicator, setBand, setIndicator, writeDraft } from './draft-doc';

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('the draft document', () => {
	it('puts protective indicators (talents) before the risks', () => {
		const doc = new Y.Doc();
		const risk = addIndicator(doc, { kind: 'risk', name: 'Verzuim' });
		const talent = addIndicator(doc, { kind: 'protective', name: 'Sport' });
		const talent2 = addIndicator(doc, { kind: 'protective', name: 'Muziek' });
		expect(readDraft(doc).indicators.map((i) => i.id)).toEqual([talent, talent2, risk]);
	});

	it('edits texts live and sets the rest as values; two editors merge', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = addIndicator(a, { name: 'Verzuim', weight: 2 })!;
		sync(a, b);
		indicatorText(a, id, 'description')!.insert(0, 'Vaak afwezig');
		setIndicator(b, id, { weight: 3, reviewBy: '2027-06-01', condition: { type: 'all', children: [] }, sourceIdeas: ['x', 'x', 'y'] });
		sync(a, b);
		expect(readDraft(a).indicators[0]).toMatchObject({ name: 'Verzuim', description: 'Vaak afwezig', weight: 3, reviewBy: '2027-06-01', sourceIdeas: ['x', 'y'], condition: { type: 'all', children: [] } });
		expect(readDraft(b)).toEqual(readDraft(a));
		removeIndicator(b, id);
		expect(readDraft(b).indicators).toEqual([]);
	});

	it('reads what a browser wrote defensively', () => {
		const doc = new Y.Doc();
		const bad = new Y.Map<unknown>();
		bad.set('id', 'b1');
		bad.set('kind', 'evil');
		bad.set('weight', 'lots');
		bad.set('reviewBy', 'soon');
		bad.set('name', 'x'.repeat(500));
		indicatorList(doc).push([bad, new Y.Map()]);
		const [indicator, ...rest] = readDraft(doc).indicators;
		expect(rest).toEqual([]);
		expect(indicator).toMatchObject({ id: 'b1', kind: 'risk', weight: 0, reviewBy: '', sourceIdeas: [], condition: null });
		expect(indicator.name).toHaveLength(120);
	});

	it('keeps bands and can be filled from plain data', () => {
		const doc = new Y.Doc();
		const band = addBand(doc, { label: 'aandacht', minScore: 2 })!;
		setBand(doc, band, { minScore: 3 });
		expect(readDraft(doc).bands).toEqual([{ id: band, label: 'aandacht', minScore: 3 }]);
		writeDraft(doc, { purpose: 'Doel', bands: [{ id: 'g', label: 'geen', minScore: 0 }], indicators: [{ id: 'i1', kind: 'protective', name: 'Sport', description: '', rationale: '', evidence: '', sourceIdeas: [], condition: null, weight: 1, reviewBy: '2027-01-01' }] });
		expect(readDraft(doc)).toMatchObject({ purpose: 'Doel', bands: [{ id: 'g' }], indicators: [{ id: 'i1', name: 'Sport' }] });
	});
});

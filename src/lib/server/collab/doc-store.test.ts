import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testDb } from '../db/test-db';
import { MemoryDocStore, SqliteDocStore, type DocStore } from './doc-store';

function edits(doc: Y.Doc, n: number, sink: (u: Uint8Array) => void) {
	doc.on('update', sink);
	const text = doc.getText('goal');
	const list = doc.getArray<string>('list');
	for (let i = 0; i < n; i++) {
		text.insert(Math.floor(text.length / 2), `w${i} `);
		if (i % 7 === 0) text.delete(0, Math.min(2, text.length));
		if (i % 5 === 0) list.push([`item ${i}`]);
	}
	doc.off('update', sink);
}

function loadInto(store: DocStore, name: string) {
	const doc = new Y.Doc();
	for (const update of store.load(name).updates) Y.applyUpdate(doc, update);
	return doc;
}

describe.each([
	['sqlite', () => new SqliteDocStore(testDb().$client)],
	['memory', () => new MemoryDocStore()]
])('%s document store', (_name, make) => {
	it('returns what was appended, in order, per document', () => {
		const store = make();
		const source = new Y.Doc();
		edits(source, 50, (u) => store.append('a', u));
		store.append('b', Y.encodeStateAsUpdate(new Y.Doc()));
		const loaded = loadInto(store, 'a');
		expect(loaded.getText('goal').toString()).toBe(source.getText('goal').toString());
		expect(store.load('b').updates).toHaveLength(1);
		expect(store.load('missing').updates).toHaveLength(0);
	});

	it('compaction keeps the document byte-for-byte equivalent and empties the log', () => {
		const store = make();
		const source = new Y.Doc();
		edits(source, 200, (u) => store.append('a', u));
		const before = loadInto(store, 'a');
		const { lastId } = store.load('a');
		store.compact('a', Y.encodeStateAsUpdate(before), lastId);
		expect(store.pending('a')).toBe(0);
		expect(store.load('a').updates).toHaveLength(1);
		const after = loadInto(store, 'a');
		expect(Buffer.from(Y.encodeStateAsUpdate(after))).toEqual(Buffer.from(Y.encodeStateAsUpdate(before)));
		expect(Buffer.from(Y.encodeStateAsUpdate(after))).toEqual(Buffer.from(Y.encodeStateAsUpdate(source)));
	});

	it('keeps updates appended after the compacted point', () => {
		const store = make();
		const source = new Y.Doc();
		edits(source, 20, (u) => store.append('a', u));
		const { lastId } = store.load('a');
		const snapshot = Y.encodeStateAsUpdate(loadInto(store, 'a'));
		let later = 0;
		edits(source, 5, (u) => (store.append('a', u), later++)); // arrives while compaction is pending
		store.compact('a', snapshot, lastId);
		expect(later).toBeGreaterThan(0);
		expect(store.pending('a')).toBe(later);
		expect(loadInto(store, 'a').getText('goal').toString()).toBe(source.getText('goal').toString());
	});
});

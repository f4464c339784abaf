import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addQuestion, briefSnapshot, goal, moveQuestion, QUESTION_MAX, removeQuestion } from './model';

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('brief model', () => {
	it('adds, moves and removes questions', () => {
		const doc = new Y.Doc();
		const a = addQuestion(doc, 'Kunnen we jongeren eerder zien?');
		const b = addQuestion(doc, 'Kunnen we starten bij talent?');
		const c = addQuestion(doc, 'x'.repeat(QUESTION_MAX + 10));
		expect(briefSnapshot(doc).questions[2].text).toHaveLength(QUESTION_MAX);
		moveQuestion(doc, c, 0);
		expect(briefSnapshot(doc).questions.map((q) => q.id)).toEqual([c, a, b]);
		moveQuestion(doc, c, 99);
		expect(briefSnapshot(doc).questions.map((q) => q.id)).toEqual([a, b, c]);
		removeQuestion(doc, b);
		expect(briefSnapshot(doc).questions.map((q) => q.id)).toEqual([a, c]);
	});

	it('merges concurrent edits of two people', () => {
		const one = new Y.Doc();
		const two = new Y.Doc();
		goal(one).insert(0, 'Alle jongeren doen mee');
		sync(one, two);
		goal(one).insert(goal(one).length, ' in 2028');
		goal(two).insert(0, 'Over twee jaar: ');
		addQuestion(two, 'Kunnen we het samen?');
		sync(one, two);
		expect(briefSnapshot(one)).toEqual(briefSnapshot(two));
		expect(goal(one).toString()).toBe('Over twee jaar: Alle jongeren doen mee in 2028');
	});
});

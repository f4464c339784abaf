import { describe, expect, it } from 'vitest';
import { b1Hints } from './b1';

describe('B1 hints', () => {
	it('says nothing about short plain sentences', () => {
		expect(b1Hints('Hoe gaat het met je? Kies wat past.')).toEqual([]);
	});
	it('flags a long sentence, a long word and officialese', () => {
		const long = 'Dit is een zin met heel veel woorden die maar doorgaat en doorgaat zonder dat er ooit een punt komt';
		expect(b1Hints(long)).toEqual([{ kind: 'sentence' }]);
		expect(b1Hints('De jongerenwerkersvereniging helpt.')).toEqual([{ kind: 'word', word: 'jongerenwerkersvereniging' }]);
		expect(b1Hints('Doe een aanmelding middels dit formulier.')).toEqual([{ kind: 'jargon', word: 'aanmelding' }]);
	});
});

import { describe, expect, it } from 'vitest';
import { AnswerQueue, type Batch } from './answer-queue.svelte';

function memoryStorage() {
	const data = new Map<string, string>();
	return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

describe('answer queue', () => {
	it('keeps answers while the network is gone, and sends them in order when it is back', async () => {
		const storage = memoryStorage();
		const sent: Batch[] = [];
		let online = false;
		const send = async (batch: Batch) => {
			if (!online) throw new TypeError('Failed to fetch');
			sent.push(batch);
			return { status: 200 };
		};
		const queue = new AnswerQueue(storage, send);
		await queue.add('CODE1234', 't1', [{ itemId: 'i1', questionId: 'q1', value: 'good' }]);
		await queue.add('CODE1234', 't1', [{ itemId: 'i2', questionId: 'q1', value: 'bad' }]);
		expect(queue.offline).toBe(true);
		expect(queue.waiting).toBe(2);
		// A reload while offline: a new page finds the answers in storage.
		const reloaded = new AnswerQueue(storage, send);
		expect(reloaded.waiting).toBe(2);
		online = true;
		await reloaded.flush();
		expect(sent.map((b) => b.answers[0].itemId)).toEqual(['i1', 'i2']);
		expect(reloaded.waiting).toBe(0);
		expect(reloaded.offline).toBe(false);
		expect(storage.data.size).toBe(0);
		queue.destroy();
		reloaded.destroy();
	});

	it('drops a batch the server refuses for good, and says why', async () => {
		const queue = new AnswerQueue(memoryStorage(), async () => ({ status: 409, message: 'Deze testronde is gesloten.' }));
		await queue.add('CODE1234', 't1', [{ itemId: null, questionId: 'q', value: 'x' }]);
		expect(queue.waiting).toBe(0);
		expect(queue.refused).toBe('Deze testronde is gesloten.');
	});

	it('keeps a batch when the server is busy or failing, to try again', async () => {
		const queue = new AnswerQueue(memoryStorage(), async () => ({ status: 503 }));
		await queue.add('CODE1234', 't1', [{ itemId: null, questionId: 'q', value: 'x' }]);
		expect(queue.waiting).toBe(1);
		expect(queue.offline).toBe(false);
		queue.destroy();
	});
});

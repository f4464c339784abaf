import { describe, expect, it } from 'vitest';
import { Rpc, serve, type Port } from './rpc';

/** Two ends of a channel, delivering asynchronously as a real worker does. */
function pair(): [Port, Port] {
	const listeners: [Set<(e: MessageEvent) => void>, Set<(e: MessageEvent) => void>] = [new Set(), new Set()];
	const end = (mine: number): Port => ({
		postMessage: (data) => queueMicrotask(() => listeners[1 - mine].forEach((l) => l({ data } as MessageEvent))),
		addEventListener: (_t, l) => listeners[mine].add(l),
		removeEventListener: (_t, l) => listeners[mine].delete(l)
	});
	return [end(0), end(1)];
}

describe('Rpc over a worker port', () => {
	it('answers each request with its own result, also out of order', async () => {
		const [page, worker] = pair();
		serve<{ n: number; wait: number }, number>(worker, ({ n, wait }) => new Promise((r) => setTimeout(() => r(n * 2), wait)));
		const rpc = new Rpc<{ n: number; wait: number }, number>(page);
		const [slow, fast] = await Promise.all([rpc.request({ n: 1, wait: 20 }), rpc.request({ n: 5, wait: 0 })]);
		expect([slow, fast]).toEqual([2, 10]);
	});

	it("rejects with the handler's error message", async () => {
		const [page, worker] = pair();
		serve<string, string>(worker, (s) => {
			throw new Error('bad ' + s);
		});
		await expect(new Rpc<string, string>(page).request('x')).rejects.toThrow('bad x');
	});

	it('fails what is still waiting when closed', async () => {
		const [page] = pair();
		const rpc = new Rpc<string, string>(page);
		const waiting = rpc.request('never answered');
		rpc.close();
		await expect(waiting).rejects.toThrow('closed');
	});
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivateMode } from './private-mode.svelte';

afterEach(() => vi.unstubAllGlobals());

/** A fetch whose answers the test releases one by one, in any order. */
function pendingFetch() {
	const waiting: ((body: unknown, status?: number) => void)[] = [];
	vi.stubGlobal('fetch', () => new Promise((resolve) => waiting.push((body, status = 200) => resolve(new Response(JSON.stringify(body), { status })))));
	return waiting;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('private mode in the browser', () => {
	it('says private mode ended when a poll finds it off after it was on', async () => {
		const answers = pendingFetch();
		const mode = new PrivateMode('/x', true);
		void mode.refresh();
		answers[0]({ privateMode: true, waiting: 2 });
		await settle();
		expect([mode.on, mode.waiting, mode.ended]).toEqual([true, 2, false]);
		void mode.refresh();
		answers[1]({ privateMode: false, waiting: 0 });
		await settle();
		expect([mode.on, mode.ended]).toEqual([false, true]);
	});

	it('keeps the newer answer when an older poll arrives after it', async () => {
		const answers = pendingFetch();
		const mode = new PrivateMode('/x', false);
		void mode.refresh();
		const revealed = mode.startPrivate();
		answers[1]({ privateMode: true, waiting: 0 });
		expect(await revealed).toBe(true);
		answers[0]({ privateMode: false, waiting: 0 });
		await settle();
		expect(mode.on).toBe(true);
	});

	it("shows the server's message when an action is refused, and the count after a reveal", async () => {
		const answers = pendingFetch();
		const mode = new PrivateMode('/x', true);
		const refused = mode.reveal();
		answers[0]({ error: 'error_forbidden', message: 'Dat mag alleen de facilitator.' }, 403);
		expect(await refused).toBe(false);
		expect(mode.error).toBe('Dat mag alleen de facilitator.');
		const done = mode.reveal();
		answers[1]({ privateMode: false, waiting: 0, revealed: 4 });
		expect(await done).toBe(true);
		expect([mode.error, mode.revealed, mode.on]).toEqual([null, 4, false]);
	});
});

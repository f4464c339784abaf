import { describe, expect, it } from 'vitest';
import { SaveTracker } from './save-tracker';

describe('SaveTracker', () => {
	it('has nothing pending and wants no request before any change', () => {
		const t = new SaveTracker();
		expect(t.pending).toBe(false);
		expect(t.wanted).toBe(false);
	});

	it('is saved only when the answer to a request made after the last change arrives', () => {
		const t = new SaveTracker();
		t.change();
		t.change();
		expect(t.pending).toBe(true);
		const seq = t.request();
		expect(t.wanted).toBe(false);
		t.change();
		expect(t.wanted).toBe(true);
		expect(t.answer(seq)).toBe(true);
		// The third change was made after the request: not proven stored.
		expect(t.pending).toBe(true);
		const next = t.request();
		t.answer(next);
		expect(t.pending).toBe(false);
	});

	it('treats a later answer as answering the earlier requests too', () => {
		const t = new SaveTracker();
		t.change();
		const first = t.request();
		t.change();
		const second = t.request();
		expect(t.answer(second)).toBe(true);
		expect(t.pending).toBe(false);
		// The first is no longer open: its late answer is ignored.
		expect(t.answer(first)).toBe(false);
	});

	it('forgets open requests when the connection drops and wants a new one', () => {
		const t = new SaveTracker();
		t.change();
		const seq = t.request();
		expect(t.wanted).toBe(false);
		t.lost();
		expect(t.pending).toBe(true);
		expect(t.wanted).toBe(true);
		// An answer for the old connection's request (it cannot come, but if it did) proves nothing.
		expect(t.answer(seq)).toBe(false);
		expect(t.pending).toBe(true);
		t.answer(t.request());
		expect(t.pending).toBe(false);
	});

	it('ignores answers for requests it never made', () => {
		const t = new SaveTracker();
		t.change();
		expect(t.answer(42)).toBe(false);
		expect(t.pending).toBe(true);
	});
});

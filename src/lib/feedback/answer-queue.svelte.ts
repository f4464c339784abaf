/**
 * Answers on their way to the server. Every answer is put here first and kept in localStorage until
 * the server took it, so a dropped network (or a reload while it is gone) loses nothing: the queue
 * is sent again when the browser is back online, and every few seconds while anything waits.
 * Each batch carries its own run's token, so answers that wait survive "next person" on a shared
 * tablet without ever being mixed with the next person's.
 */
export type QueuedAnswer = { itemId: string | null; questionId: string; value: string | number | null };
export type Batch = { id: string; code: string; token: string; answers: QueuedAnswer[]; finish: boolean };

const RETRY_MS = 5000;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Send = (batch: Batch) => Promise<{ status: number; message?: string }>;

/** POSTs a batch to the round's answers endpoint. */
export const sendBatch: Send = async (batch) => {
	const response = await fetch(`/j/${batch.code}/answers`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ token: batch.token, answers: batch.answers, finish: batch.finish })
	});
	let message: string | undefined;
	if (!response.ok) message = ((await response.json().catch(() => null)) as { message?: string } | null)?.message;
	return { status: response.status, message };
};

export class AnswerQueue {
	#batches = $state<Batch[]>([]);
	/** The network is gone (the last send failed to reach the server). */
	offline = $state(false);
	/** The server refused something (a closed round, say): said to the young person. */
	refused = $state<string | null>(null);
	#sending = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#seq = 0;

	constructor(
		private readonly storage: Storage | null,
		private readonly send: Send = sendBatch,
		private readonly key = 'meedoen-answers'
	) {
		try {
			const saved = JSON.parse(storage?.getItem(key) ?? '[]');
			if (Array.isArray(saved)) this.#batches = saved;
		} catch {
			this.#batches = [];
		}
	}

	/** Answers not yet on the server. */
	get waiting(): number {
		return this.#batches.reduce((n, b) => n + Math.max(1, b.answers.length), 0);
	}

	add(code: string, token: string, answers: QueuedAnswer[], finish = false) {
		this.#batches.push({ id: `${Date.now().toString(36)}-${this.#seq++}`, code, token, answers, finish });
		this.#persist();
		return this.flush();
	}

	/** Sends what waits, oldest first; stops at the first network failure and tries again later. */
	async flush(): Promise<void> {
		if (this.#sending) return;
		this.#sending = true;
		try {
			while (this.#batches.length) {
				const batch = this.#batches[0];
				let result: { status: number; message?: string };
				try {
					result = await this.send(batch);
				} catch {
					this.offline = true;
					this.#retryLater();
					return;
				}
				this.offline = false;
				if (result.status >= 500 || result.status === 429) {
					this.#retryLater();
					return;
				}
				// Taken (2xx) or refused for good (4xx: it will never fit): either way it leaves the queue.
				if (result.status >= 400) this.refused = result.message ?? null;
				this.#batches = this.#batches.filter((b) => b.id !== batch.id);
				this.#persist();
			}
		} finally {
			this.#sending = false;
		}
	}

	#retryLater() {
		this.#timer ??= setTimeout(() => {
			this.#timer = null;
			void this.flush();
		}, RETRY_MS);
	}

	#persist() {
		try {
			if (this.#batches.length) this.storage?.setItem(this.key, JSON.stringify(this.#batches));
			else this.storage?.removeItem(this.key);
		} catch {
			// Storage full or blocked: the answers still go from memory while the page is open.
		}
	}

	destroy() {
		if (this.#timer) clearTimeout(this.#timer);
	}
}

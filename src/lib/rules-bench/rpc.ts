/**
 * Request/answer over a worker's messages: every request carries an id, its answer the same id.
 * Kept apart from the worker itself so it can be tested with a fake port.
 */
export type Envelope<T> = { id: number; body: T };
export type Answer<T> = { id: number; ok: true; body: T } | { id: number; ok: false; error: string };

export interface Port {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export class Rpc<Req, Res> {
	#port: Port;
	#next = 1;
	#waiting = new Map<number, { resolve: (value: Res) => void; reject: (error: Error) => void }>();
	#listener = (event: MessageEvent) => {
		const answer = event.data as Answer<Res>;
		const waiter = this.#waiting.get(answer.id);
		if (!waiter) return;
		this.#waiting.delete(answer.id);
		if (answer.ok) waiter.resolve(answer.body);
		else waiter.reject(new Error(answer.error));
	};

	constructor(port: Port) {
		this.#port = port;
		port.addEventListener('message', this.#listener);
	}

	request(body: Req): Promise<Res> {
		const id = this.#next++;
		return new Promise<Res>((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			this.#port.postMessage({ id, body } satisfies Envelope<Req>);
		});
	}

	/** Stops listening; requests still waiting fail (the page went away or the worker ended). */
	close() {
		this.#port.removeEventListener('message', this.#listener);
		for (const waiter of this.#waiting.values()) waiter.reject(new Error('closed'));
		this.#waiting.clear();
	}
}

/** The worker's side: answers each request with the handler's result or its error's message. */
export function serve<Req, Res>(port: Port, handle: (body: Req) => Res | Promise<Res>) {
	port.addEventListener('message', async (event: MessageEvent) => {
		const { id, body } = event.data as Envelope<Req>;
		try {
			port.postMessage({ id, ok: true, body: await handle(body) } satisfies Answer<Res>);
		} catch (e) {
			port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies Answer<Res>);
		}
	});
}

/** Errors of an all-or-nothing read: the first `max` are kept, the rest only counted. */
export class ErrorList<E> {
	readonly items: E[] = [];
	#total = 0;
	constructor(readonly max = 50) {}

	add(error: E): void {
		this.#total++;
		if (this.items.length < this.max) this.items.push(error);
	}

	get any(): boolean {
		return this.#total > 0;
	}

	/** How many errors were counted but not kept. */
	get more(): number {
		return this.#total - this.items.length;
	}
}

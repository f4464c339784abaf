/**
 * Knows whether every local change of a document is stored on the server. Local changes are
 * counted; a request to the server ("is everything I sent stored?") remembers how many changes had
 * been sent when it went out, and its answer proves those are stored. Answers come back in order.
 */
export class SaveTracker {
	#changes = 0;
	#saved = 0;
	#nextSeq = 1;
	/** Open requests: sequence number -> changes it covers. */
	#open = new Map<number, number>();

	/** A local change was made (and sent, or it will be sent when the connection syncs). */
	change() {
		this.#changes++;
	}

	/** Some local change is not known to be stored yet. */
	get pending(): boolean {
		return this.#saved < this.#changes;
	}

	/** Whether a new request could prove more than the open ones will. */
	get wanted(): boolean {
		if (!this.pending) return false;
		let covered = this.#saved;
		for (const changes of this.#open.values()) covered = Math.max(covered, changes);
		return covered < this.#changes;
	}

	/** Starts a request covering every change so far; returns its sequence number. */
	request(): number {
		const seq = this.#nextSeq++;
		this.#open.set(seq, this.#changes);
		return seq;
	}

	/** The server answered `seq`; an unknown or old answer (from a dropped connection) changes nothing. */
	answer(seq: number): boolean {
		const covered = this.#open.get(seq);
		if (covered === undefined) return false;
		// Answers come in order: every earlier request on this connection is answered too.
		for (const open of this.#open.keys()) if (open <= seq) this.#open.delete(open);
		this.#saved = Math.max(this.#saved, covered);
		return true;
	}

	/**
	 * The connection dropped: its open requests will never be answered. What they covered is sent
	 * again by the next connection's sync (it sends whatever the server lacks).
	 */
	lost() {
		this.#open.clear();
	}
}

/**
 * Keeps the bell's number live on an open page: asks `GET /notifications/unread` every 15 seconds,
 * and at once when the tab comes back into view; never while the tab is hidden. Polling rather than
 * the realtime server: its rooms are the sprint's documents, and a person's notifications belong to
 * no sprint (approvals are the coalition's); a count every 15 s is one indexed query per open tab.
 */
export const UNREAD_POLL_MS = 15_000;
export const UNREAD_URL = '/notifications/unread';

/** Starts polling; `onCount` gets each new number. Returns the stop function. */
export function pollUnread(onCount: (unread: number) => void): () => void {
	let stopped = false;
	let asked = 0;
	let applied = 0;
	const ask = async () => {
		if (stopped || document.hidden) return;
		const seq = ++asked;
		try {
			const response = await fetch(UNREAD_URL, { headers: { accept: 'application/json' } });
			// Signed out (in another tab): nothing more to ask until the next page load.
			if (response.status === 401) return stop();
			if (!response.ok) return;
			const body = (await response.json()) as { unread?: unknown };
			// An answer that left before a newer one must not overwrite it.
			if (stopped || seq < applied || typeof body.unread !== 'number') return;
			applied = seq;
			onCount(body.unread);
		} catch {
			// Offline for a moment: the next round asks again.
		}
	};
	const timer = setInterval(ask, UNREAD_POLL_MS);
	document.addEventListener('visibilitychange', ask);
	function stop() {
		stopped = true;
		clearInterval(timer);
		document.removeEventListener('visibilitychange', ask);
	}
	return stop;
}

/**
 * For forms that make something (a decision, a board, a test round): a second submit right after the
 * first, a double click or a double tap on a tablet, is ignored in the browser instead of making the
 * thing twice. Changing any field makes the next submit a new one, so correcting a refused form and
 * sending it again always works. Listens in the capture phase, before `use:enhance` sees the event.
 * (Without JavaScript the server refuses the duplicate where it matters: see recordDecision.)
 */
export function submitOnce(form: HTMLFormElement, withinMs = 3000) {
	let sentAt = -Infinity;
	const onSubmit = (event: SubmitEvent) => {
		const now = performance.now();
		if (now - sentAt < withinMs) {
			event.preventDefault();
			event.stopImmediatePropagation();
			return;
		}
		sentAt = now;
	};
	const onInput = () => (sentAt = -Infinity);
	form.addEventListener('submit', onSubmit, { capture: true });
	form.addEventListener('input', onInput);
	return {
		destroy() {
			form.removeEventListener('submit', onSubmit, { capture: true });
			form.removeEventListener('input', onInput);
		}
	};
}

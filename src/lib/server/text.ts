/** A one-line text as typed in a form (a title, a name, a label): trimmed, runs of white space made one space; '' for anything else. */
export function oneLine(value: unknown): string {
	return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}

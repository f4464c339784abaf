/**
 * Realtime document names. They are checked against one strict pattern and only ever used as keys
 * (never as file paths): `sprints/<sprintId>/brief` and `sprints/<sprintId>/<kind>/<id>`.
 */
export const DOC_KINDS = ['boards', 'prototypes', 'rulesets'] as const;
export type DocKind = 'brief' | (typeof DOC_KINDS)[number];
export type DocName = { name: string; sprintId: string; kind: DocKind; id: string | null };

const ID = '[a-z2-7]{16}';
const PATTERN = new RegExp(`^sprints/(${ID})/(?:(brief)|(boards|prototypes|rulesets)/(${ID}))$`);

export function parseDocName(name: string): DocName | null {
	if (typeof name !== 'string' || name.length > 100) return null;
	const match = PATTERN.exec(name);
	if (!match) return null;
	const [, sprintId, brief, kind, id] = match;
	return brief
		? { name, sprintId, kind: 'brief', id: null }
		: { name, sprintId, kind: kind as DocKind, id };
}

export function briefDocName(sprintId: string) {
	return `sprints/${sprintId}/brief`;
}

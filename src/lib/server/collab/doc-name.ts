/**
 * Realtime document names. They are checked against one strict pattern and only ever used as keys
 * (never as file paths): `sprints/<sprintId>/brief`, `sprints/<sprintId>/<kind>/<id>`, a
 * person's private notes on a board, `sprints/<sprintId>/boards/<boardId>/private/<userId>`, and
 * the facilitator's controls for the room (summon, follow me), `sprints/<sprintId>/control`.
 */
export const DOC_KINDS = ['boards', 'prototypes', 'rulesets'] as const;
export type DocKind = 'brief' | 'control' | 'private' | (typeof DOC_KINDS)[number];
/** For `private`: `id` is the board's id and `owner` the one person who may open it. */
export type DocName = { name: string; sprintId: string; kind: DocKind; id: string | null; owner?: string };

const ID = '[a-z2-7]{16}';
const PATTERN = new RegExp(`^sprints/(${ID})/(?:(brief|control)|(boards|prototypes|rulesets)/(${ID})|boards/(${ID})/private/(${ID}))$`);

export function parseDocName(name: string): DocName | null {
	if (typeof name !== 'string' || name.length > 100) return null;
	const match = PATTERN.exec(name);
	if (!match) return null;
	const [, sprintId, single, kind, id, boardId, owner] = match;
	if (single) return { name, sprintId, kind: single as 'brief' | 'control', id: null };
	if (owner) return { name, sprintId, kind: 'private', id: boardId, owner };
	return { name, sprintId, kind: kind as DocKind, id };
}

export function briefDocName(sprintId: string) {
	return `sprints/${sprintId}/brief`;
}

export function controlDocName(sprintId: string) {
	return `sprints/${sprintId}/control`;
}

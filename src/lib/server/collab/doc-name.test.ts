import { describe, expect, it } from 'vitest';
import { parseDocName } from './doc-name';

const id = 'abcdefghijkmnpq2';
const board = 'bbbbbbbbbbbbbbb2';
const user = 'uuuuuuuuuuuuuuu7';

describe('document names', () => {
	it.each([
		[`sprints/${id}/brief`, { sprintId: id, kind: 'brief', id: null }],
		[`sprints/${id}/control`, { sprintId: id, kind: 'control', id: null }],
		[`sprints/${id}/boards/${id}`, { sprintId: id, kind: 'boards', id }],
		[`sprints/${id}/prototypes/${id}`, { sprintId: id, kind: 'prototypes', id }],
		[`sprints/${id}/rulesets/${id}`, { sprintId: id, kind: 'rulesets', id }],
		[`sprints/${id}/boards/${board}/private/${user}`, { sprintId: id, kind: 'private', id: board, owner: user }]
	])('accepts %s', (name, expected) => {
		expect(parseDocName(name)).toEqual({ name, ...expected });
	});

	it.each([
		'',
		'sprints',
		`sprints/${id}`,
		`sprints/${id}/brief/`,
		`/sprints/${id}/brief`,
		`sprints/${id}/../brief`,
		`sprints/../../etc/passwd`,
		`sprints/${id.toUpperCase()}/brief`,
		`sprints/${id}/boards`,
		`sprints/${id}/boards/${id}/x`,
		`sprints/${id}/boards/${board}/private`,
		`sprints/${id}/boards/${board}/private/`,
		`sprints/${id}/boards/${board}/private/${user}/x`,
		`sprints/${id}/boards/${board}/private/${user}x`,
		`sprints/${id}/boards/${board}/private/../${user}`,
		`sprints/${id}/prototypes/${board}/private/${user}`,
		`sprints/${id}/brief/private/${user}`,
		`sprints/${id}/control/${id}`,
		`sprints/${id}/controls`,
		`sprints/${id}/boards/${board}/secret/${user}`,
		`sprints/${id}/secrets/${id}`,
		`sprints/${id}x/brief`,
		`sprints/${id}/brief\u0000`,
		`sprints/${id}/brief?x=1`,
		'x'.repeat(1000)
	])('refuses %j', (name) => {
		expect(parseDocName(name)).toBeNull();
	});
});

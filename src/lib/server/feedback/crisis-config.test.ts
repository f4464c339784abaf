import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCrisisList } from './crisis-config';
import { crisisMatcher, DEFAULT_CRISIS_WORDS } from './text-checks';

const file = (content: string) => {
	const path = join(mkdtempSync(join(tmpdir(), 'meedoen-crisis-')), 'list.json');
	writeFileSync(path, content);
	return path;
};

describe('crisis-word list from configuration', () => {
	it('uses the default Dutch list without a setting', () => {
		expect(loadCrisisList(undefined)).toBe(DEFAULT_CRISIS_WORDS);
	});

	it('takes a coalition list from a JSON file instead', () => {
		const list = loadCrisisList(file(JSON.stringify({ suicide: ['weg willen'], self_harm: [], abuse: [], violence_home: ['thuis slaan'] })));
		const match = crisisMatcher(list);
		expect(match('ik wil gewoon weg willen')).toEqual(['suicide']);
		expect(match('ik wil dood')).toEqual([]);
	});

	it.each([['{not json'], [JSON.stringify({ suicide: ['(unclosed'], self_harm: [], abuse: [], violence_home: [] })], [JSON.stringify({ suicide: [] })]])('refuses a broken file %j with one warning and keeps the default', (content) => {
		const warnings: string[] = [];
		expect(loadCrisisList(file(content), (line) => warnings.push(line))).toBe(DEFAULT_CRISIS_WORDS);
		expect(warnings).toHaveLength(1);
	});
});

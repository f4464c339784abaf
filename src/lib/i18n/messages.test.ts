import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import nl from './messages/nl.json';

/** Every `fail('key')` in the server code: a key without a message would show "something went wrong". */
function serviceErrorKeys(dir: string): string[] {
	const keys: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) keys.push(...serviceErrorKeys(path));
		else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
			for (const match of readFileSync(path, 'utf8').matchAll(/\bfail\('([a-z0-9_]+)'/g)) keys.push(match[1]);
		}
	}
	return keys;
}

describe('messages', () => {
	it('have the same keys in Dutch and English', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
	});

	it('exist for every error a service can return', () => {
		const keys = [...new Set(serviceErrorKeys(join(import.meta.dirname, '../server')))];
		expect(keys.length).toBeGreaterThan(20);
		expect(keys.filter((key) => !(key in nl))).toEqual([]);
	});
});

/** The command-line tool, spawned as a partner would run it (through tsx, on this Node). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { demoRuleSet } from '../lib/rules/demo-ruleset';
import { generatedKeys, generateRecords } from '../lib/rules/generator';
import { writeRecordsCsv } from '../lib/rules/csv';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
const file = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};
const rules = (...args: string[]) => {
	const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/rules.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('npm run rules', { timeout: 60_000 }, () => {
	const demo = rules('demo-ruleset').stdout;
	const rulesetPath = file('demo.json', demo);

	it('writes the demo rule set in the export format', () => {
		expect(JSON.parse(demo)).toEqual(JSON.parse(JSON.stringify(demoRuleSet)));
	});

	it('generates reproducible CSV with the demo field keys, true/false and empty cells', () => {
		const a = rules('generate', '--n', '200', '--seed', '9');
		expect(a.code).toBe(0);
		expect(a.stdout).toBe(writeRecordsCsv(generatedKeys, generateRecords(200, 9)) + '\n');
		const rows = Papa.parse<string[]>(a.stdout.trim()).data;
		expect(rows[0]).toEqual(generatedKeys);
		expect(rows).toHaveLength(201);
		const cells = rows.slice(1).flat();
		expect(cells).toContain('true');
		expect(cells).toContain('false');
		expect(cells).toContain('');
	});

	it('evaluates a CSV: one result per row in input order, as JSON or CSV', () => {
		const data = file('data.csv', 'age,debts_at_home,neet,talent\n17,true,true,\n14,false,false,sport\n');
		const json = rules('evaluate', rulesetPath, data);
		expect(json.code).toBe(0);
		const { results } = JSON.parse(json.stdout);
		expect(results.map((r: { score: number; band: string; fired: string[] }) => [r.score, r.band, r.fired])).toEqual([
			[4.5, 'gesprek', ['not_in_school_or_work', 'money_worries']],
			[-1, 'geen', ['talent']]
		]);
		expect(results[0].explanation[0].facts[0]).toMatchObject({ field: 'neet', value: true, holds: true });
		const csv = rules('evaluate', rulesetPath, data, '--format', 'csv');
		expect(Papa.parse<string[]>(csv.stdout.trim()).data.map((r) => r.slice(0, 4))).toEqual([
			['row', 'score', 'band', 'fired'],
			['1', '4.5', 'gesprek', 'not_in_school_or_work;money_worries'],
			['2', '-1', 'geen', 'talent']
		]);
	});

	it('refuses a malformed CSV whole: stderr says row and column, stdout stays empty', () => {
		const r = rules('evaluate', rulesetPath, file('bad.csv', 'age,talent\n15,sport\n16,voetbal\nx,sport\n'));
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('row 3, column talent: "voetbal" is not one of');
		expect(r.stderr).toContain('row 4, column age: "x" is not a number');
	});

	it('refuses a malformed rule set, saying where', () => {
		const broken = JSON.parse(JSON.stringify(demoRuleSet));
		broken.indicators[2].weight = -1;
		broken.indicators[0].jsonlogic = { cat: ['a'] };
		const r = rules('evaluate', file('broken.json', JSON.stringify(broken)), file('ok.csv', 'age\n15\n'));
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('indicators[2].weight: must be greater than 0');
		broken.indicators[2].weight = 1;
		const cat = rules('evaluate', file('cat.json', JSON.stringify(broken)), file('ok2.csv', 'age\n15\n'));
		expect(cat.stderr).toContain('indicators[0].jsonlogic: operator "cat" is not allowed');
		expect(cat.stdout).toBe('');
	});

	it('refuses a missing file and bad arguments with a non-zero exit and nothing on stdout', () => {
		for (const args of [['evaluate', join(dir, 'nope.json'), join(dir, 'nope.csv')], ['generate', '--n', 'ten', '--seed', '1'], ['generate', '--n', '1', '--seed', '1', '--x']]) {
			const r = rules(...args);
			expect(r.code, args.join(' ')).not.toBe(0);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(/^rules: /);
		}
	});
});

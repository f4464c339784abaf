/**
 * `npm run rules -- <command>`: the rules on a partner's own machine, so personal data never has
 * to leave it.
 *   evaluate <ruleset.json> <data.csv> [--format json|csv]   one result per row, in input order
 *   generate --n <N> --seed <S>                              synthetic records as CSV
 *   demo-ruleset                                             the demo coalition's example rule set
 * Any problem: a message on stderr saying what and where, nothing on stdout, a non-zero exit.
 * To redirect the output to a file, silence npm's own banner: `npm run -s rules -- generate ... > x.csv`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readRuleSet } from '../lib/rules/ruleset-file';
import { describeCsvErrors, readCsv, writeRecordsCsv, writeResultsCsv } from '../lib/rules/csv';
import { compileRuleSet, evaluate } from '../lib/rules/evaluate';
import { generatedKeys, generateRecords } from '../lib/rules/generator';
import { demoRuleSet } from '../lib/rules/demo-ruleset';

const USAGE = `usage:
  npm run rules -- evaluate <ruleset.json> <data.csv> [--format json|csv]
  npm run rules -- generate --n <N> --seed <S>
  npm run rules -- demo-ruleset`;

class Refusal extends Error {
	constructor(
		message: string,
		readonly code = 1
	) {
		super(message);
	}
}

function readText(path: string, what: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (e) {
		throw new Refusal(`${what} ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
	}
}

function evaluateCommand(args: string[]): string {
	const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' } }, allowPositionals: true });
	if (positionals.length !== 2) throw new Refusal(`evaluate needs a rule set and a CSV file\n${USAGE}`, 2);
	if (values.format !== 'json' && values.format !== 'csv') throw new Refusal(`--format must be json or csv, not "${values.format}"`, 2);
	const [rulesPath, dataPath] = positionals;
	const ruleSet = readRuleSet(readText(rulesPath, 'rule set'));
	if (!ruleSet.ok) throw new Refusal(`rule set ${rulesPath} is not valid:\n${ruleSet.errors.map((e) => `  ${e}`).join('\n')}`);
	const data = readCsv(readText(dataPath, 'data'), ruleSet.value.fields);
	if (!data.ok) throw new Refusal(`data ${dataPath} is refused (nothing was evaluated):\n${describeCsvErrors(data).map((e) => `  ${e}`).join('\n')}`);
	const compiled = compileRuleSet(ruleSet.value);
	const results = data.records.map((r) => evaluate(compiled, r));
	return values.format === 'csv' ? writeResultsCsv(results) + '\n' : JSON.stringify({ results }) + '\n';
}

function wholeNumber(value: string | undefined, name: string, max: number): number {
	if (value === undefined || !/^\d+$/.test(value) || Number(value) > max) throw new Refusal(`--${name} must be a whole number from 0 to ${max}`, 2);
	return Number(value);
}

function generateCommand(args: string[]): string {
	const { values } = parseArgs({ args, options: { n: { type: 'string' }, seed: { type: 'string' } } });
	const n = wholeNumber(values.n, 'n', 10_000_000);
	const seed = wholeNumber(values.seed, 'seed', 2 ** 32 - 1);
	return writeRecordsCsv(generatedKeys, generateRecords(n, seed)) + '\n';
}

function run(argv: string[]): string {
	const [command, ...args] = argv;
	try {
		if (command === 'evaluate') return evaluateCommand(args);
		if (command === 'generate') return generateCommand(args);
		if (command === 'demo-ruleset' && args.length === 0) return JSON.stringify(demoRuleSet, null, 2) + '\n';
	} catch (e) {
		// parseArgs refuses unknown options with a TypeError that says which
		if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) throw new Refusal(`${e.message}\n${USAGE}`, 2);
		throw e;
	}
	throw new Refusal(command ? `unknown command "${argv.join(' ')}"\n${USAGE}` : USAGE, 2);
}

try {
	process.stdout.write(run(process.argv.slice(2)));
} catch (e) {
	if (!(e instanceof Refusal)) throw e;
	process.stderr.write(`rules: ${e.message}\n`);
	process.exitCode = e.code;
}

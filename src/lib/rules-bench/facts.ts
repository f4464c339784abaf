/** Facts and values in words, for explanations a policy advisor and a social worker can read aloud. */
import { m } from '$lib/paraglide/messages.js';
import type { Fact } from '$lib/rules/evaluate';
import type { RecordValue } from '$lib/rules/model';
import type { BenchField } from './types';
import { formatNumber } from '$lib/i18n/format';

export function valueText(value: RecordValue | undefined, field?: BenchField): string {
	if (value === null || value === undefined) return m.rules_bench_unknown();
	if (typeof value === 'boolean') return value ? m.rules_bench_yes() : m.rules_bench_no();
	if (typeof value === 'number') return field?.unit ? `${formatNumber(value)} ${field.unit}` : formatNumber(value);
	return value;
}

function againstText(against: Fact['against'], field?: BenchField): string {
	if (against === null) return '';
	if (Array.isArray(against)) return against.map((v) => valueText(v, field)).join(', ');
	if (typeof against === 'object') return `${against.label} (${valueText(against.value)})`;
	return valueText(against, field);
}

const OPS: Record<Fact['op'], (value: string) => string> = {
	'==': (value) => m.rules_bench_op_eq({ value }),
	'!=': (value) => m.rules_bench_op_ne({ value }),
	'<': (value) => m.rules_bench_op_lt({ value }),
	'<=': (value) => m.rules_bench_op_le({ value }),
	'>': (value) => m.rules_bench_op_gt({ value }),
	'>=': (value) => m.rules_bench_op_ge({ value }),
	in: (value) => m.rules_bench_op_in({ value }),
	missing: () => m.rules_bench_op_missing(),
	present: () => m.rules_bench_op_present()
};

/** "Aanwezigheid op school: 72 % (minder dan 85 %)"; a test that did not hold (under "geen van") says "niet …". */
export function factLine(fact: Fact, fields: Map<string, BenchField>): string {
	const field = fields.get(fact.field);
	const label = field?.label ?? fact.label;
	const value = valueText(fact.value, field);
	// "Lid van een sportclub: ja" says it all; a test against yes/no needs no second half.
	if ((fact.op === '==' && typeof fact.against === 'boolean' && fact.holds) || fact.op === 'missing' || fact.op === 'present') return `${label}: ${value}`;
	const test = OPS[fact.op](againstText(fact.against, field));
	return `${label}: ${value} (${fact.holds ? test : m.rules_bench_op_not({ test })})`;
}

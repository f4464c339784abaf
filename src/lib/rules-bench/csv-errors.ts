import { m } from '$lib/paraglide/messages.js';
import type { CsvError } from '$lib/rules/csv';

/** A CSV problem in the reader's language (the reader in $lib/rules/csv words them for a terminal). */
export function csvProblem(e: CsvError): string {
	const value = /^"(.*)" is not/.exec(e.message)?.[1] ?? '';
	switch (e.code) {
		case 'not_number':
			return m.rules_bench_csv_not_number({ value });
		case 'not_boolean':
			return m.rules_bench_csv_not_boolean({ value });
		case 'not_in_category':
			return m.rules_bench_csv_not_in_category({ value });
		case 'column_unknown':
			return m.rules_bench_csv_column_unknown();
		case 'column_duplicate':
			return m.rules_bench_csv_column_duplicate();
		case 'column_count':
			return m.rules_bench_csv_column_count();
		case 'too_many_rows':
			return m.rules_bench_csv_too_many_rows();
		case 'csv_empty':
			return m.rules_bench_csv_empty();
		case 'csv_syntax':
			// The CSV parser's own words are English ("Quoted field unterminated").
			return /quote/i.test(e.message) ? m.rules_bench_csv_quotes() : m.rules_bench_csv_syntax();
	}
}

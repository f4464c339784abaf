/**
 * A rule set as the test bench and the signal check use it in the browser: evaluable JsonLogic per
 * indicator, with the texts a reader needs to understand it, and the fields with their units.
 */
import type { Band, ExportedIndicator, FieldType, Sensitivity } from '$lib/rules/model';

export type BenchField = {
	key: string;
	label: string;
	type: FieldType;
	values?: string[];
	unit?: string;
	description?: string;
	/** From the dictionary: a proxy (or special category) is shown with a warning wherever it is used. */
	sensitivity?: Sensitivity;
};

export type BenchIndicator = Pick<ExportedIndicator, 'id' | 'name' | 'kind' | 'weight' | 'jsonlogic' | 'description'> & {
	/** The fields its condition reads, in order. */
	fields: string[];
};

export type BenchRuleSet = {
	name: string;
	/** null: the current draft. */
	version: number | null;
	fields: BenchField[];
	indicators: BenchIndicator[];
	bands: Band[];
	/** Draft indicators left out because their condition is not finished, with the reason. */
	skipped: { name: string; reason: string }[];
};

/**
 * A rule set's draft as one Y.Doc (`sprints/<sprintId>/rulesets/<id>`), shared by browser, server
 * and tests:
 *
 * - `indicators`: Y.Array of Y.Map { id, kind: 'risk' | 'protective', name, description,
 *   rationale, evidence (Y.Text each), sourceIdeas (JSON: validated-idea ids), condition (JSON:
 *   the builder's condition tree), weight (number), reviewBy ('YYYY-MM-DD') }.
 * - `bands`: Y.Array of Y.Map { id, label (string), minScore (number) }.
 * - `meta`: Y.Map { purpose (Y.Text) } for the Algoritmeregister publication.
 *
 * A condition is replaced whole (last writer wins): conditions are small and edited by one person
 * at a time in practice, and a whole tree can never be merged into an invalid one.
 *
 * The document is written by browsers, so everything read from it is checked and repaired on
 * reading (unknown kinds, non-numbers, overlong texts), never trusted.
 */
import * as Y from 'yjs';

export const NAME_MAX = 120;
export const TEXT_MAX = 2000;
export const LABEL_MAX = 60;
export const MAX_INDICATORS = 100;
export const MAX_BANDS = 10;
export const MAX_SOURCE_IDEAS = 20;
const CONDITION_MAX_CHARS = 20_000;

export const INDICATOR_KINDS = ['protective', 'risk'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_TEXTS = ['name', 'description', 'rationale', 'evidence'] as const;
export type IndicatorText = (typeof INDICATOR_TEXTS)[number];

/** The draft as plain data, read defensively. `condition` is the builder tree as stored (checked later by the rules domain). */
export type DraftIndicator = {
	id: string;
	kind: IndicatorKind;
	name: string;
	description: string;
	rationale: string;
	evidence: string;
	sourceIdeas: string[];
	condition: unknown;
	weight: number;
	reviewBy: string;
};
export type DraftBand = { id: string; label: string; minScore: number };
export type Draft = { purpose: string; indicators: DraftIndicator[]; bands: DraftBand[] };

export function indicatorList(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
	return doc.getArray<Y.Map<unknown>>('indicators');
}
export function bandList(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
	return doc.getArray<Y.Map<unknown>>('bands');
}
export function meta(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('meta');
}

/** The purpose text (created on first use, in the caller's transaction). */
export function purposeText(doc: Y.Doc): Y.Text {
	const existing = meta(doc).get('purpose');
	if (existing instanceof Y.Text) return existing;
	const text = new Y.Text();
	meta(doc).set('purpose', text);
	return text;
}

export function newDraftId(): string {
	return crypto.randomUUID();
}

// ---------------------------------------------------------------------------------------------
// Reading (defensive)

function str(value: unknown, max: number): string {
	if (value instanceof Y.Text) return value.toString().slice(0, max);
	return typeof value === 'string' ? value.slice(0, max) : '';
}
function finite(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
function isoDate(value: unknown): string {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}
function ids(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 64))].slice(0, MAX_SOURCE_IDEAS);
}
function condition(value: unknown): unknown {
	if (value === undefined || value === null) return null;
	try {
		// A copy, so that nothing reading it can change the document's value; too big is dropped.
		const json = JSON.stringify(value);
		return json.length > CONDITION_MAX_CHARS ? null : JSON.parse(json);
	} catch {
		return null;
	}
}

export function readIndicator(map: Y.Map<unknown>): DraftIndicator | null {
	const id = map.get('id');
	if (typeof id !== 'string' || !id) return null;
	const kind = map.get('kind');
	return {
		id,
		kind: kind === 'protective' ? 'protective' : 'risk',
		name: str(map.get('name'), NAME_MAX),
		description: str(map.get('description'), TEXT_MAX),
		rationale: str(map.get('rationale'), TEXT_MAX),
		evidence: str(map.get('evidence'), TEXT_MAX),
		sourceIdeas: ids(map.get('sourceIdeas')),
		condition: condition(map.get('condition')),
		weight: finite(map.get('weight'), 0),
		reviewBy: isoDate(map.get('reviewBy'))
	};
}

export function readBand(map: Y.Map<unknown>): DraftBand | null {
	const id = map.get('id');
	if (typeof id !== 'string' || !id) return null;
	return { id, label: str(map.get('label'), LABEL_MAX), minScore: finite(map.get('minScore'), 0) };
}

/** The whole draft as plain data; duplicate ids (two clients inserting the same) keep the first. */
export function readDraft(doc: Y.Doc): Draft {
	const seen = new Set<string>();
	const unique = <T extends { id: string }>(list: (T | null)[]) =>
		list.filter((x): x is T => !!x && !seen.has(x.id) && (seen.add(x.id), true));
	const indicators = unique(
		indicatorList(doc)
			.toArray()
			.slice(0, MAX_INDICATORS)
			.map((m) => (m instanceof Y.Map ? readIndicator(m) : null))
	);
	const bands = unique(
		bandList(doc)
			.toArray()
			.slice(0, MAX_BANDS)
			.map((m) => (m instanceof Y.Map ? readBand(m) : null))
	);
	return { purpose: str(meta(doc).get('purpose'), TEXT_MAX), indicators, bands };
}

// ---------------------------------------------------------------------------------------------
// Writing

function findIndex(list: Y.Array<Y.Map<unknown>>, id: string): number {
	return list.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === id);
}
export function indicatorMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const index = findIndex(indicatorList(doc), id);
	return index < 0 ? null : indicatorList(doc).get(index);
}
export function bandMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const index = findIndex(bandList(doc), id);
	return index < 0 ? null : bandList(doc).get(index);
}

/** The Y.Text of an indicator's text field (made when missing, e.g. in an old document). */
export function indicatorText(doc: Y.Doc, id: string, field: IndicatorText): Y.Text | null {
	const map = indicatorMap(doc, id);
	if (!map) return null;
	const existing = map.get(field);
	if (existing instanceof Y.Text) return existing;
	const text = new Y.Text(typeof existing === 'string' ? existing : '');
	doc.transact(() => map.set(field, text));
	return text;
}

export type NewIndicator = Partial<Omit<DraftIndicator, 'id'>>;

function indicatorYMap(id: string, init: NewIndicator): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('kind', init.kind ?? 'risk');
	for (const field of INDICATOR_TEXTS) map.set(field, new Y.Text((init[field] ?? '').slice(0, field === 'name' ? NAME_MAX : TEXT_MAX)));
	map.set('sourceIdeas', ids(init.sourceIdeas ?? []));
	map.set('condition', init.condition ?? null);
	map.set('weight', init.weight ?? 1);
	map.set('reviewBy', init.reviewBy ?? '');
	return map;
}

/** Adds an indicator; protective ones (talents) go before the risks, so they come first. */
export function addIndicator(doc: Y.Doc, init: NewIndicator = {}, origin?: unknown): string | null {
	const list = indicatorList(doc);
	if (list.length >= MAX_INDICATORS) return null;
	const id = newDraftId();
	const kind = init.kind ?? 'risk';
	const lastProtective = list.toArray().reduce((at, m, i) => (m instanceof Y.Map && m.get('kind') === 'protective' ? i : at), -1);
	const index = kind === 'protective' ? lastProtective + 1 : list.length;
	doc.transact(() => list.insert(index, [indicatorYMap(id, { ...init, kind })]), origin);
	return id;
}

export function removeIndicator(doc: Y.Doc, id: string, origin?: unknown) {
	const index = findIndex(indicatorList(doc), id);
	if (index >= 0) doc.transact(() => indicatorList(doc).delete(index, 1), origin);
}

type Settable = Partial<Pick<DraftIndicator, 'kind' | 'sourceIdeas' | 'condition' | 'weight' | 'reviewBy'>>;

export function setIndicator(doc: Y.Doc, id: string, values: Settable, origin?: unknown) {
	const map = indicatorMap(doc, id);
	if (!map) return;
	doc.transact(() => {
		if (values.kind) map.set('kind', values.kind);
		if (values.sourceIdeas) map.set('sourceIdeas', ids(values.sourceIdeas));
		if ('condition' in values) map.set('condition', condition(values.condition));
		if (values.weight !== undefined && Number.isFinite(values.weight)) map.set('weight', values.weight);
		if (values.reviewBy !== undefined) map.set('reviewBy', isoDate(values.reviewBy));
	}, origin);
}

export function addBand(doc: Y.Doc, init: Partial<Omit<DraftBand, 'id'>> = {}, origin?: unknown): string | null {
	const list = bandList(doc);
	if (list.length >= MAX_BANDS) return null;
	const id = newDraftId();
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('label', (init.label ?? '').slice(0, LABEL_MAX));
	map.set('minScore', init.minScore ?? 0);
	doc.transact(() => list.push([map]), origin);
	return id;
}

export function setBand(doc: Y.Doc, id: string, values: Partial<Omit<DraftBand, 'id'>>, origin?: unknown) {
	const map = bandMap(doc, id);
	if (!map) return;
	doc.transact(() => {
		if (values.label !== undefined) map.set('label', values.label.slice(0, LABEL_MAX));
		if (values.minScore !== undefined && Number.isFinite(values.minScore)) map.set('minScore', values.minScore);
	}, origin);
}

export function removeBand(doc: Y.Doc, id: string, origin?: unknown) {
	const index = findIndex(bandList(doc), id);
	if (index >= 0) doc.transact(() => bandList(doc).delete(index, 1), origin);
}

/** Fills an empty document from plain data (a new draft from a published version, the demo). */
export function writeDraft(doc: Y.Doc, draft: Partial<Draft>, origin?: unknown) {
	doc.transact(() => {
		indicatorList(doc).delete(0, indicatorList(doc).length);
		bandList(doc).delete(0, bandList(doc).length);
		const purpose = purposeText(doc);
		purpose.delete(0, purpose.length);
		purpose.insert(0, (draft.purpose ?? '').slice(0, TEXT_MAX));
		for (const indicator of draft.indicators ?? []) {
			indicatorList(doc).push([indicatorYMap(indicator.id || newDraftId(), indicator)]);
		}
		for (const band of draft.bands ?? []) {
			const map = new Y.Map<unknown>();
			map.set('id', band.id || newDraftId());
			map.set('label', band.label.slice(0, LABEL_MAX));
			map.set('minScore', band.minScore);
			bandList(doc).push([map]);
		}
	}, origin);
}

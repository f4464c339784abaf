/**
 * Exports of a board: CSV and JSON (notes with kind, group, author organisation and the votes of
 * the last revealed round) and a file download in the browser. Cells are formula-safe (toCsv).
 */
import type * as Y from 'yjs';
import { exportJson, exportRows, toCsv } from './model';

export type VoteCount = { itemId: string; votes: number; supervotes: number };
export type CsvHeader = { text: string; kind: string; group: string; organisation: string; votes: string; supervotes: string };

/** One row per note (reading order), with the votes of the last revealed round (0 when none). */
export function rowsWithVotes(doc: Y.Doc, results: VoteCount[] | null) {
	const byId = new Map((results ?? []).map((r) => [r.itemId, r]));
	return exportRows(doc).map((row) => ({ ...row, votes: byId.get(row.id)?.votes ?? 0, supervotes: byId.get(row.id)?.supervotes ?? 0 }));
}

export function boardCsv(doc: Y.Doc, results: VoteCount[] | null, header: CsvHeader): string {
	const rows = rowsWithVotes(doc, results);
	return toCsv(
		[header.text, header.kind, header.group, header.organisation, header.votes, header.supervotes],
		rows.map((r) => [r.text, r.kind, r.group, r.organisation, r.votes, r.supervotes])
	);
}

export function boardJson(doc: Y.Doc, results: VoteCount[] | null, locked = false): string {
	return JSON.stringify({ ...exportJson(doc, locked), notes: rowsWithVotes(doc, results), votes: results }, null, 2);
}

/** A file name from a title: letters, digits and dashes only. */
export function fileName(title: string, extension: string): string {
	const base = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60);
	return `${base || 'bord'}.${extension}`;
}

/** Saves a blob as a file (through a blob: URL, allowed by our CSP). */
export function download(blob: Blob, name: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * What a test run may show: counts per band, a neighbourhood table that protects small numbers,
 * and the fairness view. Nothing here crosses two personal attributes.
 *
 * Small numbers in the neighbourhood table (neighbourhood x band, with row and column totals):
 * 1. Primary: every count from 1 to 9, totals included, is shown as "<10". Zeros are shown.
 * 2. Secondary: with the totals shown, a hidden cell could be worked out by subtraction. Think of
 *    the table with its totals as a grid in which every row and every column adds up (the totals
 *    counted negatively); the hidden cells are lines between their row and their column. A hidden
 *    cell can be worked out, by any chain of subtractions or any other arithmetic on the shown
 *    numbers, exactly when its line is on no closed loop of hidden cells (a "bridge"). So for
 *    each such cell we hide the cheapest rectangle through it: three more cells (fewest young
 *    people hidden; totals only when needed), until every hidden cell lies on a loop. Cells hidden
 *    this way are shown as "hidden", not "<10", since they may be large; zeros are hidden only
 *    when nothing else closes the loop.
 *    Known limit: it rules out working a value out exactly; bounds (a "<10" is at least 1) can in
 *    rare tables still narrow a hidden value to a range.
 */
import type { Band, DataRecord } from './model';
import type { FiredMatrix, Recount } from './evaluate';

export const SMALL = 10;

export type Cell = { kind: 'count'; value: number } | { kind: 'small' } | { kind: 'hidden' };

/** "12", "<10" or "×": language-neutral. */
export function cellText(cell: Cell): string {
	return cell.kind === 'count' ? String(cell.value) : cell.kind === 'small' ? `<${SMALL}` : '×';
}

/**
 * Which cells of a table (with totals) to hide. `counts` is rows x columns; the result is
 * (rows + 1) x (columns + 1): the last column holds the row totals, the last row the column
 * totals, the corner the grand total.
 */
export function suppress(counts: number[][], threshold = SMALL): Cell[][] {
	const rows = counts.length;
	const cols = counts[0]?.length ?? 0;
	const grid: number[][] = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
	grid.push(Array.from({ length: cols + 1 }, (_, j) => grid.reduce((a, row) => a + row[j], 0)));
	const state: ('shown' | 'small' | 'hidden')[][] = grid.map((row) => row.map((v) => (v > 0 && v < threshold ? 'small' : 'shown')));
	const isHidden = (i: number, j: number) => state[i][j] !== 'shown';
	const R = rows + 1;
	const C = cols + 1;

	/** Are row i and column j still connected through hidden cells if cell (i, j) is left out? */
	const onLoop = (i: number, j: number): boolean => {
		const seenRows = new Set<number>([i]);
		const seenCols = new Set<number>();
		const queue: ['r' | 'c', number][] = [['r', i]];
		while (queue.length) {
			const [side, k] = queue.pop()!;
			if (side === 'r') {
				for (let c = 0; c < C; c++)
					if (!(k === i && c === j) && isHidden(k, c) && !seenCols.has(c)) {
						if (c === j) return true;
						seenCols.add(c);
						queue.push(['c', c]);
					}
			} else {
				for (let r = 0; r < R; r++)
					if (!(r === i && k === j) && isHidden(r, k) && !seenRows.has(r)) {
						seenRows.add(r);
						queue.push(['r', r]);
					}
			}
		}
		return false;
	};
	/**
	 * What hiding a shown cell costs: the young people in it. A zero is avoided (a hidden zero
	 * lets bounds pin a loop down), totals more so, the grand total most.
	 */
	const cost = (i: number, j: number) => {
		if (isHidden(i, j)) return 0;
		const total = i === rows || j === cols ? 1e6 : 0;
		return (grid[i][j] === 0 ? 1e5 : grid[i][j]) + total + (i === rows && j === cols ? 1e9 : 0);
	};

	for (let changed = true; changed; ) {
		changed = false;
		for (let i = 0; i < R; i++)
			for (let j = 0; j < C; j++) {
				if (!isHidden(i, j) || onLoop(i, j)) continue;
				let best: [number, number, number] | null = null;
				for (let r = 0; r < R; r++)
					for (let c = 0; c < C; c++) {
						if (r === i || c === j) continue;
						const total = cost(i, c) + cost(r, j) + cost(r, c);
						if (!best || total < best[0]) best = [total, r, c];
					}
				// A table of one row or one column has no rectangle: then everything is hidden.
				if (!best) {
					for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (!isHidden(r, c)) state[r][c] = 'hidden';
					return toCells(grid, state);
				}
				const [, r, c] = best;
				for (const [a, b] of [[i, c], [r, j], [r, c]]) if (!isHidden(a, b)) state[a][b] = 'hidden';
				changed = true;
			}
	}
	return toCells(grid, state);
}

function toCells(grid: number[][], state: ('shown' | 'small' | 'hidden')[][]): Cell[][] {
	return grid.map((row, i) => row.map((value, j) => (state[i][j] === 'shown' ? { kind: 'count', value } : { kind: state[i][j] as 'small' | 'hidden' })));
}

// ---- tables --------------------------------------------------------------------------------------

export interface AreaTable {
	/** Row labels (neighbourhoods); null = unknown. */
	rows: (string | null)[];
	/** Column ids: the bands from low to high minScore, then null ("no band") if it occurs. */
	columns: (string | null)[];
	cells: Cell[][];
	rowTotals: Cell[];
	columnTotals: Cell[];
	total: Cell;
}

/** Bands from the lowest minScore to the highest. */
export function bandsAscending(bands: readonly Band[]): Band[] {
	return [...bands].sort((a, b) => a.minScore - b.minScore);
}

/** Records per band (raw numbers, for computing; to show counts use the table's column totals). */
export function bandCounts(bandIds: readonly (string | null)[], bands: readonly Band[]): { band: string | null; count: number }[] {
	const counts = new Map<string | null, number>(bandsAscending(bands).map((b) => [b.id, 0]));
	for (const id of bandIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...counts].map(([band, count]) => ({ band, count }));
}

/**
 * "Where do young people with a signal live?": area x band with small numbers protected. Only an
 * area (neighbourhood or district) can be the rows: never a second personal attribute.
 */
export function areaTable(records: readonly DataRecord[], bandIds: readonly (string | null)[], bands: readonly Band[], areaKey: 'neighbourhood' | 'district' = 'neighbourhood', threshold = SMALL): AreaTable {
	const columns: (string | null)[] = bandsAscending(bands).map((b) => b.id);
	if (bandIds.includes(null)) columns.push(null);
	const rowIndex = new Map<string | null, number>();
	for (const r of records) {
		const area = r[areaKey];
		rowIndex.set(area === null || area === undefined ? null : String(area), 0);
	}
	const rows = [...rowIndex.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nl')));
	rows.forEach((r, i) => rowIndex.set(r, i));
	const colIndex = new Map(columns.map((c, j) => [c, j]));
	const counts = rows.map(() => columns.map(() => 0));
	records.forEach((r, k) => {
		const area = r[areaKey];
		counts[rowIndex.get(area === null || area === undefined ? null : String(area))!][colIndex.get(bandIds[k])!]++;
	});
	const grid = suppress(counts, threshold);
	const last = grid.length - 1;
	return {
		rows,
		columns,
		cells: grid.slice(0, last).map((row) => row.slice(0, -1)),
		rowTotals: grid.slice(0, last).map((row) => row[row.length - 1]),
		columnTotals: grid[last].slice(0, -1),
		total: grid[last][grid[last].length - 1]
	};
}

// ---- fairness ------------------------------------------------------------------------------------

export type FairnessAttribute = 'gender' | 'district' | 'age_band';
export const FAIR_LOW = 0.8;
export const FAIR_HIGH = 1.25;

export function ageBand(age: unknown): string | null {
	if (typeof age !== 'number') return null;
	return age <= 14 ? '12-14' : age <= 17 ? '15-17' : age <= 20 ? '18-20' : '21-23';
}

export interface FairnessGroup {
	group: string | null;
	n: number;
	/** Hidden (null) for groups under the threshold. */
	rate: number | null;
	ratio: number | null;
	flag: 'low' | 'high' | null;
	suppressed: boolean;
}

export interface Fairness {
	attribute: FairnessAttribute;
	n: number;
	rate: number;
	groups: FairnessGroup[];
}

/**
 * The signal rate per group of ONE attribute, and its ratio to the overall rate; a ratio outside
 * 0.8–1.25 is flagged. `signalled[k]` says whether record k counts as signalled (see signalledBy).
 */
export function fairness(records: readonly DataRecord[], signalled: readonly boolean[], attribute: FairnessAttribute, threshold = SMALL): Fairness {
	const groups = new Map<string | null, { n: number; s: number }>();
	let total = 0;
	records.forEach((r, k) => {
		const raw = attribute === 'age_band' ? ageBand(r.age) : r[attribute];
		const key = raw === null || raw === undefined ? null : String(raw);
		const g = groups.get(key) ?? { n: 0, s: 0 };
		g.n++;
		if (signalled[k]) {
			g.s++;
			total++;
		}
		groups.set(key, g);
	});
	const rate = records.length ? total / records.length : 0;
	return {
		attribute,
		n: records.length,
		rate,
		groups: [...groups]
			.sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nl')))
			.map(([group, g]) => {
				if (g.n < threshold) return { group, n: g.n, rate: null, ratio: null, flag: null, suppressed: true };
				const groupRate = g.s / g.n;
				const ratio = rate > 0 ? groupRate / rate : null;
				const flag = ratio === null ? null : ratio < FAIR_LOW ? 'low' : ratio > FAIR_HIGH ? 'high' : null;
				return { group, n: g.n, rate: groupRate, ratio, flag, suppressed: false };
			})
	};
}

/**
 * Who counts as signalled: a band at or above `atLeast` (by minScore), or, with `atLeast` null,
 * any firing risk indicator.
 */
export function signalledBy(
	results: readonly { band: string | null; fired: readonly string[] }[],
	bands: readonly Band[],
	atLeast: string | null,
	riskIds: ReadonlySet<string>
): boolean[] {
	if (atLeast === null) return results.map((r) => r.fired.some((id) => riskIds.has(id)));
	const min = bands.find((b) => b.id === atLeast)?.minScore;
	if (min === undefined) throw new Error(`unknown band "${atLeast}"`);
	const high = new Set(bands.filter((b) => b.minScore >= min).map((b) => b.id));
	return results.map((r) => r.band !== null && high.has(r.band));
}

/** The band id per record of a what-if recount (null: no band), for areaTable and bandCounts. */
export function bandIdsOf(counted: Recount, bands: readonly Band[]): (string | null)[] {
	return Array.from(counted.bandIndex, (k) => (k < 0 ? null : bands[k].id));
}

/** signalledBy for a what-if: from the fired matrix and its recount, without evaluating again. */
export function signalledInMatrix(matrix: FiredMatrix, counted: Recount, bands: readonly Band[], atLeast: string | null): boolean[] {
	if (atLeast === null) {
		const risk = matrix.fired.filter((_, j) => matrix.kinds[j] === 'risk');
		return Array.from({ length: matrix.count }, (_, i) => risk.some((row) => row[i] === 1));
	}
	const min = bands.find((b) => b.id === atLeast)?.minScore;
	if (min === undefined) throw new Error(`unknown band "${atLeast}"`);
	return Array.from(counted.bandIndex, (k) => k >= 0 && bands[k].minScore >= min);
}

import { describe, expect, it } from 'vitest';
import { ageBand, areaTable, bandCounts, bandIdsOf, cellText, fairness, signalledBy, signalledInMatrix, suppress, type Cell } from './aggregate';
import { mulberry32, generateRecords } from './generator';
import { compileRuleSet, evaluate, firedMatrix, recount } from './evaluate';
import { demoRuleSet } from './demo-ruleset';

/** The attacker of the brief: repeatedly fill in a line (row or column, totals included) with one hidden cell. */
function subtractionAttack(grid: number[][], cells: Cell[][]): Set<string> {
	const known = cells.map((row) => row.map((c) => c.kind === 'count'));
	const solved = new Set<string>();
	const R = grid.length;
	const C = grid[0].length;
	for (let progress = true; progress; ) {
		progress = false;
		const lines: [number, number][][] = [
			...Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => [i, j] as [number, number])),
			...Array.from({ length: C }, (_, j) => Array.from({ length: R }, (_, i) => [i, j] as [number, number]))
		];
		for (const line of lines) {
			const unknown = line.filter(([i, j]) => !known[i][j]);
			if (unknown.length === 1) {
				const [i, j] = unknown[0];
				known[i][j] = true;
				solved.add(`${i},${j}`);
				progress = true;
			}
		}
	}
	return solved;
}

/** The stronger attacker: any linear combination of the shown lines (Gaussian elimination). */
function determinedCells(cells: Cell[][]): string[] {
	const R = cells.length;
	const C = cells[0].length;
	const hidden: [number, number][] = [];
	cells.forEach((row, i) => row.forEach((c, j) => c.kind !== 'count' && hidden.push([i, j])));
	const sign = (i: number, j: number) => (i === R - 1 ? -1 : 1) * (j === C - 1 ? -1 : 1);
	const equations: number[][] = [];
	for (let i = 0; i < R; i++) equations.push(hidden.map(([a, b]) => (a === i ? sign(a, b) : 0)));
	for (let j = 0; j < C; j++) equations.push(hidden.map(([a, b]) => (b === j ? sign(a, b) : 0)));
	const rank = (m: number[][]) => {
		const a = m.map((r) => [...r]);
		let rk = 0;
		for (let col = 0; col < (a[0]?.length ?? 0) && rk < a.length; col++) {
			const p = a.findIndex((r, k) => k >= rk && Math.abs(r[col]) > 1e-9);
			if (p < 0) continue;
			[a[rk], a[p]] = [a[p], a[rk]];
			for (let k = 0; k < a.length; k++)
				if (k !== rk) {
					const f = a[k][col] / a[rk][col];
					for (let c = col; c < a[k].length; c++) a[k][c] -= f * a[rk][c];
				}
			rk++;
		}
		return rk;
	};
	const base = rank(equations);
	return hidden.filter((_, k) => rank([...equations, hidden.map((__, m) => (m === k ? 1 : 0))]) === base).map(([i, j]) => `${i},${j}`);
}

function withTotals(counts: number[][]): number[][] {
	const g = counts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
	g.push(g[0].map((_, j) => g.reduce((a, r) => a + r[j], 0)));
	return g;
}

describe('suppress', { timeout: 60_000 }, () => {
	it('shows counts from 10, zeros, and "<10" for 1 to 9', () => {
		const cells = suppress([
			[20, 30],
			[15, 40]
		]);
		expect(cells.flat().map(cellText)).toEqual(['20', '30', '50', '15', '40', '55', '35', '70', '105']);
		expect(cellText({ kind: 'small' })).toBe('<10');
	});

	it('hides more cells so that a small one cannot be recomputed from the totals', () => {
		const counts = [
			[3, 40, 25],
			[30, 50, 20],
			[12, 60, 45]
		];
		const cells = suppress(counts);
		expect(cells[0][0]).toEqual({ kind: 'small' });
		const hidden = cells.flat().filter((c) => c.kind !== 'count').length;
		expect(hidden).toBe(4); // one rectangle: the small cell and three hidden ones
		expect(subtractionAttack(withTotals(counts), cells).size).toBe(0);
		expect(determinedCells(cells)).toEqual([]);
		// the rectangle hiding the fewest young people: 25, 30 and 20 (75, less than 25 + 12 + 45)
		expect(cells[0][2]).toEqual({ kind: 'hidden' });
		expect(cells[1][0]).toEqual({ kind: 'hidden' });
		expect(cells[1][2]).toEqual({ kind: 'hidden' });
	});

	it('leaves no hidden value derivable, on 300 random tables (subtraction chains and any linear combination)', () => {
		const random = mulberry32(99);
		for (let t = 0; t < 300; t++) {
			const rows = 1 + Math.floor(random() * 7);
			const cols = 1 + Math.floor(random() * 4);
			const counts = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < 0.3 ? Math.floor(random() * 10) : Math.floor(random() * 80))));
			const cells = suppress(counts);
			const grid = withTotals(counts);
			// primary rule holds
			grid.forEach((row, i) => row.forEach((v, j) => v > 0 && v < 10 && expect(cells[i][j].kind).not.toBe('count')));
			// shown cells are true
			cells.forEach((row, i) => row.forEach((c, j) => c.kind === 'count' && expect(c.value).toBe(grid[i][j])));
			expect(subtractionAttack(grid, cells).size, JSON.stringify(counts)).toBe(0);
			expect(determinedCells(cells), JSON.stringify(counts)).toEqual([]);
		}
	});
});

describe('areaTable and bandCounts', () => {
	const records = generateRecords(3_000, 5);
	const compiled = compileRuleSet(demoRuleSet);
	const bands = records.map((r) => evaluate(compiled, r, false).band);

	it('counts per band, lowest band first', () => {
		const counts = bandCounts(bands, demoRuleSet.bands);
		expect(counts.map((c) => c.band)).toEqual(['geen', 'aandacht', 'gesprek']);
		expect(counts.reduce((a, c) => a + c.count, 0)).toBe(3_000);
	});

	it('tables neighbourhoods by band with suppression, and its shown numbers are true', () => {
		const table = areaTable(records, bands, demoRuleSet.bands);
		expect(table.columns).toEqual(['geen', 'aandacht', 'gesprek']);
		expect(table.rows).toContain('Woensel-West');
		expect(table.total).toEqual({ kind: 'count', value: 3_000 });
		const cells = [...table.cells.map((row, i) => [...row, table.rowTotals[i]]), [...table.columnTotals, table.total]];
		expect(determinedCells(cells)).toEqual([]);
		table.rows.forEach((area, i) =>
			table.columns.forEach((band, j) => {
				const n = records.filter((r, k) => r.neighbourhood === area && bands[k] === band).length;
				const cell = table.cells[i][j];
				if (cell.kind === 'count') expect(cell.value).toBe(n);
				else if (cell.kind === 'small') expect(n).toBeGreaterThan(0);
				if (n > 0 && n < 10) expect(cell.kind).toBe('small');
			})
		);
	});
});

describe('fairness', () => {
	const records = [
		...Array.from({ length: 20 }, (_, k) => ({ gender: 'jongen', age: 13, district: 'Strijp', s: k < 10 })),
		...Array.from({ length: 20 }, (_, k) => ({ gender: 'meisje', age: 19, district: 'Strijp', s: k < 4 })),
		...Array.from({ length: 5 }, () => ({ gender: 'anders', age: 22, district: 'Gestel', s: true }))
	];
	const signalled = records.map((r) => r.s);

	it('gives the rate per group, its ratio to the overall rate, and flags outside 0.8–1.25', () => {
		const f = fairness(records, signalled, 'gender');
		expect(f.rate).toBeCloseTo(19 / 45);
		const boys = f.groups.find((g) => g.group === 'jongen')!;
		expect(boys.rate).toBe(0.5);
		expect(boys.ratio).toBeCloseTo(0.5 / (19 / 45));
		expect(boys.flag).toBe(null); // 1.18
		expect(f.groups.find((g) => g.group === 'meisje')).toMatchObject({ rate: 0.2, flag: 'low' });
	});

	it('hides groups under 10', () => {
		expect(fairness(records, signalled, 'gender').groups.find((g) => g.group === 'anders')).toEqual({ group: 'anders', n: 5, rate: null, ratio: null, flag: null, suppressed: true });
	});

	it('groups by age band and district', () => {
		expect(fairness(records, signalled, 'age_band').groups.map((g) => g.group)).toEqual(['12-14', '18-20', '21-23']);
		expect(fairness(records, signalled, 'district').groups.map((g) => [g.group, g.n])).toEqual([
			['Gestel', 5],
			['Strijp', 40]
		]);
		expect([ageBand(12), ageBand(15), ageBand(17), ageBand(18), ageBand(23), ageBand(null)]).toEqual(['12-14', '15-17', '15-17', '18-20', '21-23', null]);
	});

	it('counts as signalled a band at or above the chosen one, or any firing risk indicator', () => {
		const bands = [
			{ id: 'geen', label: 'g', minScore: -10 },
			{ id: 'aandacht', label: 'a', minScore: 2 },
			{ id: 'gesprek', label: 'g', minScore: 4 }
		];
		const results = [
			{ band: 'gesprek', fired: ['r'] },
			{ band: 'aandacht', fired: ['p'] },
			{ band: 'geen', fired: [] },
			{ band: null, fired: ['r'] }
		];
		expect(signalledBy(results, bands, 'aandacht', new Set(['r']))).toEqual([true, true, false, false]);
		expect(signalledBy(results, bands, null, new Set(['r']))).toEqual([true, false, false, true]);
		expect(() => signalledBy(results, bands, 'x', new Set())).toThrow('unknown band');
	});
});

describe('what-if aggregates', () => {
	it('give the same bands and signals from the fired matrix as from evaluating', () => {
		const records = generateRecords(2_000, 8);
		const compiled = compileRuleSet(demoRuleSet);
		const results = records.map((r) => evaluate(compiled, r, false));
		const matrix = firedMatrix(compiled, records);
		const counted = recount(
			matrix,
			demoRuleSet.indicators.map((i) => i.weight),
			demoRuleSet.bands
		);
		expect(bandIdsOf(counted, demoRuleSet.bands)).toEqual(results.map((r) => r.band));
		const risk = new Set(demoRuleSet.indicators.filter((i) => i.kind === 'risk').map((i) => i.id));
		for (const atLeast of ['aandacht', 'gesprek', null])
			expect(signalledInMatrix(matrix, counted, demoRuleSet.bands, atLeast)).toEqual(signalledBy(results, demoRuleSet.bands, atLeast, risk));
	});
});

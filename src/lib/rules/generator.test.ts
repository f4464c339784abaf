import { describe, expect, it } from 'vitest';
import { demoFields, EINDHOVEN, generatedKeys, generateRecords } from './generator';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('generateRecords', { timeout: 60_000 }, () => {
	const records = generateRecords(5_000, 42);

	it('is reproducible per seed and differs between seeds', () => {
		expect(generateRecords(50, 42)).toEqual(records.slice(0, 50));
		expect(generateRecords(50, 43)).not.toEqual(records.slice(0, 50));
	});

	it('gives every generated column a value of the field type, or null; never a special category', () => {
		expect(generatedKeys).not.toContain('migration_background');
		const wrong: unknown[] = [];
		const fields = demoFields.filter((d) => d.sensitivity !== 'special');
		for (const r of records) {
			if (Object.keys(r).join() !== generatedKeys.join()) wrong.push(r);
			for (const f of fields) {
				const v = r[f.key];
				const fits = v === null || (f.type === 'category' ? f.values!.includes(v as string) : typeof v === f.type);
				if (!fits) wrong.push([f.key, v]);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('keeps young people 12–23 in a neighbourhood of their own district, with some answers missing', () => {
		for (const r of records) {
			expect(r.age).toBeGreaterThanOrEqual(12);
			expect(r.age).toBeLessThanOrEqual(23);
			expect(EINDHOVEN[r.district as string].map(([n]) => n)).toContain(r.neighbourhood);
		}
		const missing = records.filter((r) => r.loneliness === null).length / records.length;
		expect(missing).toBeGreaterThan(0.03);
		expect(missing).toBeLessThan(0.2);
	});

	it('ties fields together: debts at home go with lower attendance and more loneliness', () => {
		const att = (debts: boolean) => mean(records.filter((r) => r.debts_at_home === debts && typeof r.attendance_pct === 'number').map((r) => r.attendance_pct as number));
		expect(att(true)).toBeLessThan(att(false) - 1);
		const lonely = (club: boolean) => mean(records.filter((r) => r.sports_club === club && typeof r.loneliness === 'number').map((r) => r.loneliness as number));
		expect(lonely(false)).toBeGreaterThan(lonely(true));
		// no school means no attendance figure, and only 16+ can be NEET
		for (const r of records) {
			if (r.school_type === 'geen') expect(r.attendance_pct).toBeNull();
			if (r.neet === true) expect(r.age).toBeGreaterThanOrEqual(16);
		}
	});
});

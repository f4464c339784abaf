import { describe, expect, it } from 'vitest';
import { pageWindow } from './paging';

describe('pageWindow', () => {
	it('cuts a list into pages of a size, the last one shorter', () => {
		expect(pageWindow(45, 20, 0)).toEqual({ page: 0, pages: 3, from: 0, to: 20 });
		expect(pageWindow(45, 20, 2)).toEqual({ page: 2, pages: 3, from: 40, to: 45 });
	});

	it('falls back to the last page when the list shrank under the reader', () => {
		expect(pageWindow(12, 20, 4)).toEqual({ page: 0, pages: 1, from: 0, to: 12 });
		expect(pageWindow(50, 20, 9)).toMatchObject({ page: 2, from: 40, to: 50 });
	});

	it('has one empty page for an empty list and ignores a negative page', () => {
		expect(pageWindow(0, 20, 3)).toEqual({ page: 0, pages: 1, from: 0, to: 0 });
		expect(pageWindow(30, 20, -1)).toMatchObject({ page: 0, from: 0, to: 20 });
	});
});

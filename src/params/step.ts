import type { ParamMatcher } from '@sveltejs/kit';

/** A step of a test run: 1, 2, ... (no leading zeros, at most three digits). */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,2}$/.test(param);

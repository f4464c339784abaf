import { randomInt } from 'node:crypto';

/**
 * Join codes young people type on a tablet: 8 characters from an alphabet without the pairs that
 * are mixed up when read from a projector or typed by a child (0/O, 1/I/L, 2/Z, 5/S, 8/B).
 * 26 characters to the 8th: about 2 * 10^11 codes, so guessing is hopeless at 10 tries a minute.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY345679';
export const CODE_LENGTH = 8;

export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/**
 * What someone typed, as a code: case, spaces and dashes do not matter. Returns null for anything
 * that cannot be a code (so it is not even looked up).
 */
export function normaliseJoinCode(input: unknown): string | null {
	if (typeof input !== 'string' || input.length > 40) return null;
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return null;
	for (const char of code) if (!CODE_ALPHABET.includes(char)) return null;
	return code;
}

/** For reading aloud and from a screen: ABCD-EFGH. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

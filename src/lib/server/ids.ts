import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** A random id of 80 bits, 16 base32 characters: unguessable and URL-safe. */
export function newId(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(10));
}

/** A random secret of `bytes` bytes in lower-case base32. */
export function newSecret(bytes = 20): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

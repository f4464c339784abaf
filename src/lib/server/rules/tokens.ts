/**
 * API tokens of a coalition, made and revoked by its coordinators. Like sessions: the token is
 * `<id>.<secret>`, only a SHA-256 of the secret is stored, it is compared in constant time and it is
 * shown once, when it is made.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DB } from '../db';
import { apiTokens } from '../db/schema';
import { newSecret } from '../ids';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text';
import { appendAudit } from './audit';
import type { Actor } from './service';

export const TOKEN_NAME_MAX = 80;
/** Shown before the token, so that a leaked one is recognisable in logs and code. */
export const TOKEN_PREFIX = 'mdn_';

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function createApiToken(db: DB, coalitionId: string, actor: Actor, rawName: unknown): Result<{ id: string; token: string }> {
	const name = oneLine(rawName);
	if (!name) return fail('error_name_required', 'name');
	if (name.length > TOKEN_NAME_MAX) return fail('error_name_too_long', 'name');
	const id = newSecret(10);
	const secret = newSecret(20);
	db.transaction((tx) => {
		tx.insert(apiTokens).values({ id, coalitionId, name, secretHash: Buffer.from(hashSecret(secret)), createdBy: actor.id }).run();
		appendAudit(tx as unknown as DB, { coalitionId, userId: actor.id, actor: actor.name, action: 'token_created', detail: { tokenId: id, name } });
	});
	return ok({ id, token: `${TOKEN_PREFIX}${id}.${secret}` });
}

export function revokeApiToken(db: DB, coalitionId: string, actor: Actor, tokenId: unknown): Result<null> {
	if (typeof tokenId !== 'string') return fail('error_not_found');
	return db.transaction((tx) => {
		const changed = tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, tokenId), eq(apiTokens.coalitionId, coalitionId), isNull(apiTokens.revokedAt)))
			.run().changes;
		if (!changed) return fail('error_not_found');
		appendAudit(tx as unknown as DB, { coalitionId, userId: actor.id, actor: actor.name, action: 'token_revoked', detail: { tokenId } });
		return ok(null);
	});
}

export function listApiTokens(db: DB, coalitionId: string) {
	return db
		.select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.where(eq(apiTokens.coalitionId, coalitionId))
		.orderBy(asc(apiTokens.createdAt))
		.all();
}

export type ApiCaller = { tokenId: string; coalitionId: string; name: string };

/** The coalition a bearer token speaks for; null for a malformed, unknown, wrong or revoked token. */
export function validateApiToken(db: DB, token: string, now = Date.now()): ApiCaller | null {
	if (typeof token !== 'string' || token.length > 128 || !token.startsWith(TOKEN_PREFIX)) return null;
	const parts = token.slice(TOKEN_PREFIX.length).split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	const [id, secret] = parts;
	const row = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
	if (!row || row.revokedAt) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	db.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(eq(apiTokens.id, id)).run();
	return { tokenId: id, coalitionId: row.coalitionId, name: row.name };
}

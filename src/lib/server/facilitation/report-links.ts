/**
 * Read-only links to a sprint's report for people outside the sprint. The token is 160 random bits,
 * shown once; only its SHA-256 is stored (a stolen database holds no working link). A link expires
 * (14 days by default, 1 to 90) and the facilitator can revoke it. Wrong tokens are counted per
 * address in memory, so guessing is slowed down on top of being hopeless.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { DB } from '../db';
import { reportLinks, users } from '../db/schema';
import { newId, newSecret } from '../ids';
import { fail, ok, type Result } from '../result';

export const DEFAULT_LINK_DAYS = 14;
export const MAX_LINK_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function createReportLink(db: DB, sprintId: string, userId: string, days: unknown = DEFAULT_LINK_DAYS, now = Date.now()): Result<{ id: string; token: string; expiresAt: number }> {
	const n = typeof days === 'string' && days.trim() ? Number(days) : typeof days === 'number' ? days : DEFAULT_LINK_DAYS;
	if (!Number.isInteger(n) || n < 1 || n > MAX_LINK_DAYS) return fail('error_report_link_days', 'days');
	const token = newSecret(20);
	const id = newId();
	const expiresAt = now + n * DAY;
	db.insert(reportLinks).values({ id, sprintId, tokenHash: hash(token), createdBy: userId, createdAt: new Date(now), expiresAt: new Date(expiresAt) }).run();
	return ok({ id, token, expiresAt });
}

export function listReportLinks(db: DB, sprintId: string, now = Date.now()) {
	return db
		.select({ id: reportLinks.id, createdAt: reportLinks.createdAt, expiresAt: reportLinks.expiresAt, revokedAt: reportLinks.revokedAt, createdBy: users.name })
		.from(reportLinks)
		.leftJoin(users, eq(users.id, reportLinks.createdBy))
		.where(eq(reportLinks.sprintId, sprintId))
		.orderBy(desc(reportLinks.createdAt))
		.all()
		.map((link) => ({ ...link, active: !link.revokedAt && link.expiresAt.getTime() > now }));
}

export function revokeReportLink(db: DB, sprintId: string, linkId: unknown, now = Date.now()): Result<null> {
	if (typeof linkId !== 'string') return fail('error_not_found');
	const changed = db.update(reportLinks).set({ revokedAt: new Date(now) }).where(and(eq(reportLinks.id, linkId), eq(reportLinks.sprintId, sprintId))).run();
	return changed.changes ? ok(null) : fail('error_not_found');
}

/** The sprint a token opens, or null (unknown, expired or revoked: the same answer for all three). */
export function resolveReportLink(db: DB, token: string, now = Date.now()): string | null {
	if (typeof token !== 'string' || !/^[a-z2-7]{32}$/.test(token)) return null;
	const row = db.select().from(reportLinks).where(eq(reportLinks.tokenHash, hash(token))).get();
	if (!row || row.revokedAt || row.expiresAt.getTime() <= now) return null;
	return row.sprintId;
}

/** 20 wrong tokens per address per 10 minutes; a right token is never counted. */
export function createLinkLimiter(points = 20, durationSeconds = 600) {
	const limiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: 'report-link' });
	return {
		async blocked(address: string): Promise<boolean> {
			const res = await limiter.get(address);
			return !!res && res.consumedPoints >= points;
		},
		async failed(address: string) {
			await limiter.penalty(address, 1).catch(() => {});
		}
	};
}

export const linkLimiter = createLinkLimiter();

/** Published versions: immutable (the database refuses updates), numbered per rule set from 1. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { ruleVersions } from '../db/schema';

export type VersionRow = typeof ruleVersions.$inferSelect;

/** A published version with its definition in the export format (meedoen.ruleset/1). */
export function getVersion<T = unknown>(db: DB, ruleSetId: string, number: number): (VersionRow & { definition: T }) | null {
	if (!Number.isInteger(number) || number < 1) return null;
	const row = db.select().from(ruleVersions).where(and(eq(ruleVersions.ruleSetId, ruleSetId), eq(ruleVersions.number, number))).get();
	return row ? (row as VersionRow & { definition: T }) : null;
}

/** The versions of a rule set, newest first, without their definitions. */
export function listVersions(db: DB, ruleSetId: string) {
	return db
		.select({ id: ruleVersions.id, number: ruleVersions.number, authorName: ruleVersions.authorName, publishedAt: ruleVersions.publishedAt })
		.from(ruleVersions)
		.where(eq(ruleVersions.ruleSetId, ruleSetId))
		.orderBy(desc(ruleVersions.number))
		.all();
}

export function latestVersion<T = unknown>(db: DB, ruleSetId: string): (VersionRow & { definition: T }) | null {
	const row = db.select().from(ruleVersions).where(eq(ruleVersions.ruleSetId, ruleSetId)).orderBy(desc(ruleVersions.number)).limit(1).get();
	return row ? (row as VersionRow & { definition: T }) : null;
}

export function allVersions<T = unknown>(db: DB, ruleSetId: string) {
	return db.select().from(ruleVersions).where(eq(ruleVersions.ruleSetId, ruleSetId)).orderBy(asc(ruleVersions.number)).all() as (VersionRow & { definition: T })[];
}

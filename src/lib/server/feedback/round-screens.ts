/**
 * Rounds that test a frozen prototype version: which versions a round may use (only this sprint's),
 * the version's screens as round items (start screen first), what a young person's step draws, and
 * which images a run may see (those in the versions its round tests, nothing else).
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { parseSnapshot, snapshotStart, type PrototypeSnapshot } from '$lib/prototype/snapshot';
import type { Screen } from '$lib/prototype/model';
import type { DB } from '../db';
import { prototypeImages, prototypes, prototypeVersions, testItems } from '../db/schema';
import type { Device } from '../prototypes/service';

export type RoundVersion = { id: string; prototypeName: string; number: number; name: string; snapshot: PrototypeSnapshot };

/** The sprint's frozen versions for the round form, newest first per prototype. */
export function sprintVersions(db: DB, sprintId: string) {
	return db
		.select({ id: prototypeVersions.id, prototypeName: prototypes.name, number: prototypeVersions.number, name: prototypeVersions.name })
		.from(prototypeVersions)
		.innerJoin(prototypes, eq(prototypes.id, prototypeVersions.prototypeId))
		.where(eq(prototypes.sprintId, sprintId))
		.orderBy(prototypes.name, desc(prototypeVersions.number))
		.all();
}

/** A version of one of this sprint's prototypes; null for any other id (another sprint's included). */
export function roundVersion(db: DB, sprintId: string, versionId: string): RoundVersion | null {
	const row = db
		.select({ id: prototypeVersions.id, prototypeName: prototypes.name, number: prototypeVersions.number, name: prototypeVersions.name, snapshot: prototypeVersions.snapshot })
		.from(prototypeVersions)
		.innerJoin(prototypes, eq(prototypes.id, prototypeVersions.prototypeId))
		.where(and(eq(prototypeVersions.id, versionId), eq(prototypes.sprintId, sprintId)))
		.get();
	const snapshot = row ? parseSnapshot(row.snapshot) : null;
	return row && snapshot ? { ...row, snapshot } : null;
}

/** The screens in the order young people see them: the start screen, then the others as stored. */
export function screenOrder(snap: PrototypeSnapshot): Screen[] {
	const start = snapshotStart(snap);
	return [...snap.screens.filter((s) => s.id === start), ...snap.screens.filter((s) => s.id !== start)];
}

/** How a screen item is named in results and exports: the prototype, its version and the screen. */
export function screenItemText(version: Pick<RoundVersion, 'prototypeName' | 'number'>, screen: Pick<Screen, 'name'>) {
	return `${version.prototypeName} v${version.number}: ${screen.name}`;
}

/**
 * What a young person's step draws for each screen item: the frozen screen (its notes for testers
 * removed here, so they never reach a young person's browser), the version's screen names, which
 * tabs need, and the device the prototype is drawn for.
 */
export function frozenScreens(db: DB, items: { id: string; kind: string; prototypeVersionId: string | null; screenId: string | null }[]) {
	const versionIds = [...new Set(items.flatMap((i) => (i.kind === 'screen' && i.prototypeVersionId ? [i.prototypeVersionId] : [])))];
	const snapshots = new Map(
		versionIds.length
			? db
					.select({ id: prototypeVersions.id, snapshot: prototypeVersions.snapshot, device: prototypes.device })
					.from(prototypeVersions)
					.innerJoin(prototypes, eq(prototypes.id, prototypeVersions.prototypeId))
					.where(inArray(prototypeVersions.id, versionIds))
					.all()
					.map((row) => [row.id, { snap: parseSnapshot(row.snapshot), device: row.device }])
			: []
	);
	const out = new Map<string, { screen: Screen; screens: Screen[]; device: Device }>();
	for (const item of items) {
		const version = item.prototypeVersionId ? snapshots.get(item.prototypeVersionId) : null;
		const snap = version?.snap;
		const screen = snap?.screens.find((s) => s.id === item.screenId);
		if (!version || !snap || !screen) continue;
		const screens = snap.screens.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type !== 'note') }));
		out.set(item.id, { screen: screens.find((s) => s.id === screen.id)!, screens, device: version.device });
	}
	return out;
}

/** An image for a run of this round: only when a version the round tests has a block showing it. */
export function roundImage(db: DB, roundId: string, imageId: string) {
	const versionIds = db
		.selectDistinct({ id: testItems.prototypeVersionId })
		.from(testItems)
		.where(and(eq(testItems.roundId, roundId), eq(testItems.kind, 'screen'), isNotNull(testItems.prototypeVersionId)))
		.all()
		.map((r) => r.id!);
	if (!versionIds.length) return null;
	for (const row of db.select().from(prototypeVersions).where(inArray(prototypeVersions.id, versionIds)).all()) {
		const snap = parseSnapshot(row.snapshot);
		if (!snap?.screens.some((s) => s.blocks.some((b) => b.type === 'image' && b.imageId === imageId))) continue;
		return db.select().from(prototypeImages).where(and(eq(prototypeImages.id, imageId), eq(prototypeImages.prototypeId, row.prototypeId))).get() ?? null;
	}
	return null;
}

/**
 * The prototype versions young people tested in this sprint's rounds, for the report: each screen
 * drawn as a picture (start screen first, as young people saw them) with that screen's results per
 * round. Notes for testers are left out, as they are for young people. Only the version's own images
 * are embedded, re-encoded small, so the page and the files stay light.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { m } from '$lib/paraglide/messages.js';
import { parseSnapshot } from '$lib/prototype/snapshot';
import type { DB } from '../db';
import { prototypeImages, prototypes, prototypeVersions, testItems, testRounds } from '../db/schema';
import { screenOrder } from '../feedback/round-screens';
import { IMAGE_MAX_PIXELS } from '../prototypes/images';
import { svgDataUri } from './board-svg';
import { screenLayout, type ScreenImage, type ScreenLayout } from './screen-layout';
import { screenSvg } from './screen-svg';

/** One item's outcome in one round, with the small-number rule applied (respondents null: too few). */
export type ReportResult = {
	respondents: number | null;
	wouldHelpYes: number | null;
	positive: number | null;
	verdict: 'validated' | 'not_validated' | 'insufficient';
	validated: boolean | null;
};
export type TestedScreen = { id: string; name: string; image: string; layout: ScreenLayout; results: (ReportResult & { roundTitle: string })[] };
export type TestedVersion = { id: string; prototypeId: string; number: number; label: string; screens: TestedScreen[] };

/** Thumbnails are this size at most: sharp enough for the page and for print at the size the report shows them. */
const THUMB = { width: 480, height: 380 };
/** Stored images never change (an id is one upload), so their thumbnails can be kept. */
const thumbs = new Map<string, Promise<ScreenImage | null>>();
const THUMBS_KEPT = 200;

function thumbnail(image: { id: string; bytes: Buffer }): Promise<ScreenImage | null> {
	let made = thumbs.get(image.id);
	if (!made) {
		made = (async () => {
			try {
				const input = sharp(image.bytes, { limitInputPixels: IMAGE_MAX_PIXELS, animated: false });
				const { hasAlpha } = await input.metadata();
				const resized = input.resize({ ...THUMB, fit: 'inside', withoutEnlargement: true });
				// PNG and JPEG only: what every PDF reader and browser shows (WebP is not one of them in a PDF).
				const { data, info } = await (hasAlpha ? resized.png({ compressionLevel: 9, palette: true }) : resized.jpeg({ quality: 78, mozjpeg: true })).toBuffer({ resolveWithObject: true });
				return { href: `data:image/${hasAlpha ? 'png' : 'jpeg'};base64,${data.toString('base64')}`, width: info.width, height: info.height };
			} catch {
				// A stored image that does not decode: the screen shows the placeholder instead.
				return null;
			}
		})();
		if (thumbs.size >= THUMBS_KEPT) thumbs.delete(thumbs.keys().next().value!);
		thumbs.set(image.id, made);
	}
	return made;
}

/** The sprint's tested versions; `results` maps a round item's id to its outcome. */
export async function testedVersions(db: DB, sprintId: string, results: ReadonlyMap<string, ReportResult & { roundTitle: string }>): Promise<TestedVersion[]> {
	const items = db
		.select({ id: testItems.id, versionId: testItems.prototypeVersionId, screenId: testItems.screenId })
		.from(testItems)
		.innerJoin(testRounds, eq(testRounds.id, testItems.roundId))
		.where(and(eq(testRounds.sprintId, sprintId), eq(testItems.kind, 'screen')))
		.orderBy(asc(testRounds.opensAt), asc(testItems.position))
		.all();
	const versionIds = [...new Set(items.flatMap((i) => (i.versionId ? [i.versionId] : [])))];
	if (!versionIds.length) return [];
	// Joined to this sprint's prototypes: an id from elsewhere draws nothing.
	const versions = db
		.select({ id: prototypeVersions.id, prototypeId: prototypeVersions.prototypeId, number: prototypeVersions.number, name: prototypeVersions.name, snapshot: prototypeVersions.snapshot })
		.from(prototypeVersions)
		.innerJoin(prototypes, eq(prototypes.id, prototypeVersions.prototypeId))
		.where(and(inArray(prototypeVersions.id, versionIds), eq(prototypes.sprintId, sprintId)))
		.orderBy(asc(prototypes.createdAt), asc(prototypeVersions.number))
		.all();
	const labels = { image: m.proto_image_missing(), button: m.proto_button_untitled() };
	const out: TestedVersion[] = [];
	for (const version of versions) {
		const snapshot = parseSnapshot(version.snapshot);
		if (!snapshot) continue;
		const screens = screenOrder(snapshot).map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type !== 'note') }));
		const imageIds = [...new Set(screens.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'image' && b.imageId ? [b.imageId] : []))))];
		const stored = imageIds.length
			? db
					.select({ id: prototypeImages.id, bytes: prototypeImages.bytes })
					.from(prototypeImages)
					.where(and(inArray(prototypeImages.id, imageIds), eq(prototypeImages.prototypeId, version.prototypeId)))
					.all()
			: [];
		const images = new Map<string, ScreenImage>();
		for (const image of stored) {
			const thumb = await thumbnail(image);
			if (thumb) images.set(image.id, thumb);
		}
		out.push({
			id: version.id,
			prototypeId: version.prototypeId,
			number: version.number,
			label: `v${version.number} · ${version.name}`,
			screens: screens.map((screen) => {
				const layout = screenLayout(screen, screens, images, labels);
				return {
					id: screen.id,
					name: screen.name,
					image: svgDataUri(screenSvg(layout)),
					layout,
					results: items.filter((i) => i.versionId === version.id && i.screenId === screen.id).flatMap((i) => results.get(i.id) ?? [])
				};
			})
		});
	}
	return out;
}

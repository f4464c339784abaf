/**
 * Images for prototypes. The uploaded bytes are never stored or served: sharp decodes them (within a
 * pixel limit, against decompression bombs) and encodes a fresh PNG, JPEG or WebP without metadata
 * (no GPS position from a phone photo). SVG (it can carry scripts) and anything else is refused.
 */
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { DB } from '../db';
import { prototypeImages } from '../db/schema';
import { newId } from '../ids';
import { fail, ok, type Result } from '../result';

export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** Decoded size limit: 24 megapixels (a 6000x4000 photo); a tiny file claiming more is refused. */
export const IMAGE_MAX_PIXELS = 24_000_000;
/** Stored images are at most this wide or high (enough for a tablet screen). */
export const IMAGE_MAX_SIDE = 1600;

const FORMATS = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;
type Format = keyof typeof FORMATS;

/** Re-encodes an upload; the error is a message key. */
export async function reencode(bytes: Uint8Array): Promise<Result<{ mime: (typeof FORMATS)[Format]; width: number; height: number; bytes: Buffer }>> {
	if (bytes.length === 0) return fail('proto_image_not_image');
	if (bytes.length > IMAGE_MAX_BYTES) return fail('proto_image_too_large');
	const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart().toLowerCase();
	if (head.startsWith('<?xml') || head.startsWith('<svg') || head.includes('<svg')) return fail('proto_image_svg');
	let format: string | undefined;
	try {
		const meta = await sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS }).metadata();
		format = meta.format;
		if (format === 'svg') return fail('proto_image_svg');
		if (!format || !(format in FORMATS)) return fail('proto_image_not_image');
		if (!meta.width || !meta.height || meta.width * meta.height > IMAGE_MAX_PIXELS) return fail('proto_image_too_many_pixels');
		const pipeline = sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS, animated: false })
			.rotate()
			.resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
		const encoded =
			format === 'png' ? pipeline.png({ compressionLevel: 9 }) : format === 'jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: true }) : pipeline.webp({ quality: 82 });
		const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
		return ok({ mime: FORMATS[format as Format], width: info.width, height: info.height, bytes: data });
	} catch (err) {
		const text = err instanceof Error ? err.message : '';
		return fail(/pixel limit/i.test(text) ? 'proto_image_too_many_pixels' : 'proto_image_not_image');
	}
}

export async function storeImage(db: DB, prototypeId: string, userId: string, bytes: Uint8Array): Promise<Result<{ id: string }>> {
	const image = await reencode(bytes);
	if (!image.ok) return image;
	const id = newId();
	db.insert(prototypeImages).values({ id, prototypeId, createdBy: userId, ...image.value }).run();
	return ok({ id });
}

export function getImage(db: DB, prototypeId: string, imageId: string) {
	return db.select().from(prototypeImages).where(and(eq(prototypeImages.id, imageId), eq(prototypeImages.prototypeId, prototypeId))).get() ?? null;
}

/** A stored image as a response: its own type, never sniffed, shown inline; the caller says how long it may be kept. */
export function imageResponse(image: { mime: string; bytes: Buffer }, cacheControl: string) {
	return new Response(new Uint8Array(image.bytes), {
		headers: { 'content-type': image.mime, 'content-length': String(image.bytes.length), 'x-content-type-options': 'nosniff', 'content-disposition': 'inline', 'cache-control': cacheControl }
	});
}

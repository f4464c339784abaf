import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES, reencode } from './images';

/** A PNG whose header says w x h, with almost no pixel data: a decompression bomb's shape. */
function pngClaiming(w: number, h: number): Buffer {
	const crc = (buf: Buffer) => {
		let c = ~0;
		for (const byte of buf) {
			c ^= byte;
			for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
		}
		return ~c >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		out.write(type, 4, 'latin1');
		data.copy(out, 8);
		out.writeUInt32BE(crc(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(w, 0);
	header.writeUInt32BE(h, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(100))), chunk('IEND', Buffer.alloc(0))]);
}

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#3366cc' } }).png().toBuffer();

describe('prototype images', () => {
	it('re-encodes PNG, JPEG and WebP, never passing the uploaded bytes on', async () => {
		const source = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff0000' } })
			.jpeg()
			.withMetadata({ exif: { IFD0: { Copyright: 'geheim' } } })
			.toBuffer();
		const jpeg = await reencode(source);
		if (!jpeg.ok) throw new Error(jpeg.error);
		expect(jpeg.value).toMatchObject({ mime: 'image/jpeg', width: 40, height: 30 });
		expect(jpeg.value.bytes.equals(source)).toBe(false);
		expect(jpeg.value.bytes.includes(Buffer.from('geheim'))).toBe(false);
		expect(await reencode(await png(10, 10))).toMatchObject({ ok: true, value: { mime: 'image/png' } });
		const webp = await sharp(await png(10, 10)).webp().toBuffer();
		expect(await reencode(webp)).toMatchObject({ ok: true, value: { mime: 'image/webp' } });
	});

	it('scales large images down', async () => {
		const big = await reencode(await png(3000, 1000));
		expect(big).toMatchObject({ ok: true, value: { width: 1600, height: 533 } });
	});

	it('refuses SVG, non-images, empty and too large files, and decompression bombs', async () => {
		expect(await reencode(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toMatchObject({ ok: false, error: 'proto_image_svg' });
		expect(await reencode(Buffer.from('<?xml version="1.0"?><svg/>'))).toMatchObject({ ok: false, error: 'proto_image_svg' });
		expect(await reencode(Buffer.from('%PDF-1.4 hello'))).toMatchObject({ ok: false, error: 'proto_image_not_image' });
		expect(await reencode(new Uint8Array())).toMatchObject({ ok: false, error: 'proto_image_not_image' });
		expect(await reencode(new Uint8Array(IMAGE_MAX_BYTES + 1))).toMatchObject({ ok: false, error: 'proto_image_too_large' });
		const gif = await sharp(await png(5, 5)).gif().toBuffer();
		expect(await reencode(gif)).toMatchObject({ ok: false, error: 'proto_image_not_image' });
		// A small file whose header claims 20000 x 20000 pixels (1.6 GB once decoded) is refused unread.
		const bomb = pngClaiming(20_000, 20_000);
		expect(await reencode(bomb)).toMatchObject({ ok: false, error: 'proto_image_too_many_pixels' });
	});
});

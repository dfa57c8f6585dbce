// Byte-level builders of each image format: valid images, and headers that claim whatever size
// a test needs (sharp cannot write BMP, nor lie in a header).
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { type Format, H, pixels, W } from './common.ts';

/** 24-bit BI_RGB BMP (sharp cannot write BMP). */
export function bmp(
  width: number,
  height: number,
  data?: Buffer,
  declared?: { w: number; h: number },
) {
  const row = Math.ceil((width * 3) / 4) * 4;
  const body = Buffer.alloc(row * height);
  const rgb = data ?? pixels(width, height, 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = ((height - 1 - y) * width + x) * 3;
      const d = y * row + x * 3;
      body[d] = rgb[s + 2] as number;
      body[d + 1] = rgb[s + 1] as number;
      body[d + 2] = rgb[s] as number;
    }
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + body.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(declared?.w ?? width, 18);
  header.writeInt32LE(declared?.h ?? height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(body.length, 34);
  return Buffer.concat([header, body]);
}

export async function encode(
  format: Format,
  width = W,
  height = H,
  channels: 3 | 4 = 3,
): Promise<Buffer> {
  if (format === 'bmp') return bmp(width, height);
  const image = sharp(pixels(width, height, channels), { raw: { width, height, channels } });
  switch (format) {
    case 'png':
      return image.png().toBuffer();
    case 'jpeg':
      return image.jpeg({ quality: 85 }).toBuffer();
    case 'tiff':
      return image.tiff({ compression: 'lzw' }).toBuffer();
    case 'webp':
      return image.webp({ quality: 80 }).toBuffer();
    case 'gif':
      return image.gif().toBuffer();
  }
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG whose IHDR claims width × height; `idat` is whatever pixel data follows (if any). */
export function pngHeader(width: number, height: number, idat = Buffer.alloc(0), colourType = 0) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colourType;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(idat.length ? [pngChunk('IDAT', idat)] : []),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inserts chunks right after IHDR of a real PNG. */
export function withPngChunks(png: Buffer, chunks: Buffer[]): Buffer {
  const afterIhdr = 8 + 8 + 13 + 4;
  return Buffer.concat([png.subarray(0, afterIhdr), ...chunks, png.subarray(afterIhdr)]);
}

export function jpegHeader(width: number, height: number, marker = 0xc0): Buffer {
  const sof = Buffer.from([
    0xff,
    marker,
    0x00,
    0x11,
    0x08,
    (height >> 8) & 255,
    height & 255,
    (width >> 8) & 255,
    width & 255,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

/** Inserts APPn segments after SOI. */
export function withJpegSegments(
  jpeg: Buffer,
  segments: { marker: number; data: Buffer }[],
): Buffer {
  const parts = segments.map(({ marker, data }) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([head, data]);
  });
  return Buffer.concat([jpeg.subarray(0, 2), ...parts, jpeg.subarray(2)]);
}

/**
 * A little-endian TIFF with `pages` IFDs of a w × h 8-bit grey strip each; `loop` points the last
 * IFD back at the first (an endless page chain); `declared` lies about the size of page one.
 */
export function tiff(
  pages: number,
  options: {
    w?: number;
    h?: number;
    loop?: boolean;
    declared?: { w: number; h: number };
    description?: Buffer;
  } = {},
): Buffer {
  const w = options.w ?? 8;
  const h = options.h ?? 8;
  const strip = pixels(w, h, 1);
  const tags = options.description ? 10 : 9;
  const ifdSize = 2 + tags * 12 + 4;
  const pageSize = ifdSize + strip.length;
  const description = options.description ?? Buffer.alloc(0);
  const out = Buffer.alloc(8 + pages * pageSize + description.length);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  const descriptionOffset = 8 + pages * pageSize;
  description.copy(out, descriptionOffset);
  for (let p = 0; p < pages; p++) {
    const at = 8 + p * pageSize;
    const stripAt = at + ifdSize;
    const width = p === 0 && options.declared ? options.declared.w : w;
    const height = p === 0 && options.declared ? options.declared.h : h;
    const entries: [number, number, number, number][] = [
      [256, 4, 1, width],
      [257, 4, 1, height],
      [258, 3, 1, 8],
      [259, 3, 1, 1],
      [262, 3, 1, 1],
      ...(options.description
        ? ([[270, 2, description.length, descriptionOffset]] as [number, number, number, number][])
        : []),
      [273, 4, 1, stripAt],
      [277, 3, 1, 1],
      [278, 4, 1, height],
      [279, 4, 1, strip.length],
    ];
    out.writeUInt16LE(entries.length, at);
    for (const [i, [tag, type, count, value]] of entries.entries()) {
      const e = at + 2 + i * 12;
      out.writeUInt16LE(tag, e);
      out.writeUInt16LE(type, e + 2);
      out.writeUInt32LE(count, e + 4);
      if (type === 3) out.writeUInt16LE(value, e + 8);
      else out.writeUInt32LE(value, e + 8);
    }
    const last = p === pages - 1;
    const next = last ? (options.loop ? 8 : 0) : at + pageSize;
    out.writeUInt32LE(next, at + 2 + entries.length * 12);
    strip.copy(out, stripAt);
  }
  return out;
}

export function gifHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(13 + 10 + 4);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  b[10] = 0;
  b[13] = 0x2c;
  b.writeUInt16LE(width, 18);
  b.writeUInt16LE(height, 20);
  b[23] = 2;
  b[24] = 0x3b;
  return b;
}

/** WebP lossless (VP8L) header claiming width × height (at most 16384 each). */
export function webpHeader(width: number, height: number): Buffer {
  const vp8l = Buffer.alloc(5 + 16);
  vp8l[0] = 0x2f;
  const bits = (width - 1) | ((height - 1) << 14);
  vp8l.writeUInt32LE(bits >>> 0, 1);
  const riff = Buffer.alloc(20);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(12 + vp8l.length, 4);
  riff.write('WEBPVP8L', 8, 'latin1');
  riff.writeUInt32LE(vp8l.length, 16);
  return Buffer.concat([riff, vp8l]);
}

/** Extended WebP (VP8X) canvas of width × height (up to 2^24 each), no image data. */
export function webpCanvas(width: number, height: number, exif?: Buffer): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = exif ? 0x08 : 0;
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    chunk('VP8X', vp8x),
    ...(exif ? [chunk('EXIF', exif)] : []),
  ]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/** An EXIF (TIFF-structured) block of about `size` bytes: one huge UserComment-like tag. */
export function exifBlock(size: number): Buffer {
  const payload = Buffer.alloc(size, 0x41);
  const head = Buffer.alloc(8 + 2 + 12 + 4);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(1, 8);
  head.writeUInt16LE(0x010e, 10); // ImageDescription
  head.writeUInt16LE(2, 12);
  head.writeUInt32LE(size, 14);
  head.writeUInt32LE(head.length, 18);
  return Buffer.concat([head, payload]);
}

// Hostile uploads, generated (never committed): truncated and bit-flipped images of every
// supported format, zero-byte files, wrong extensions, HTML/SVG with script, 100,000 × 100,000
// pixel headers, ZIP bombs and ZIPs with ../, absolute paths, symlinks and overlapping entries,
// huge EXIF/metadata, TIFFs with thousands of pages, and odd colour spaces.
//
//   npx tsx apps/api/test/hostile/generate-hostile-files.ts <out-dir>    # writes the files + index.json
//
// The hostile-upload test (hostile-uploads.test.ts) generates them into a temporary folder and
// pushes them through the real upload route into real ingest workers.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { writeZip, type ZipEntrySpec } from './zip-writer.ts';

export type Expectation =
  /** Must end FAILED, with a reason matching `reason` when given. */
  | { outcome: 'FAILED'; reason?: RegExp }
  /** Must end READY, decoded at this size when given. */
  | { outcome: 'READY'; width?: number; height?: number; pages?: number }
  /** Either, but READY only as a real image (renditions stored, sane size). */
  | { outcome: 'EITHER' };

export interface HostileFile {
  /** The file name the upload sends (unique within the run). */
  name: string;
  category: string;
  bytes: Buffer;
  expect: Expectation;
  /** ZIPs: what each entry (by name inside the archive) must end as. Unlisted entries: EITHER. */
  entries?: Record<string, Expectation>;
  /** ZIPs refused whole: the one FAILED row carrying the archive's name. */
  wholeArchive?: boolean;
}

export const FORMATS = ['png', 'jpeg', 'tiff', 'webp', 'gif', 'bmp'] as const;
type Format = (typeof FORMATS)[number];
const EXT: Record<Format, string> = {
  png: 'png',
  jpeg: 'jpg',
  tiff: 'tif',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
};

const W = 48;
const H = 40;
const FAILED = (reason?: RegExp): Expectation =>
  reason ? { outcome: 'FAILED', reason } : { outcome: 'FAILED' };
const READY = (width = W, height = H, pages?: number): Expectation => ({
  outcome: 'READY',
  width,
  height,
  ...(pages ? { pages } : {}),
});
const EITHER: Expectation = { outcome: 'EITHER' };

/** A deterministic PRNG (mulberry32), so every run tries the same bytes. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pixels(width: number, height: number, channels: number, seed = 1): Buffer {
  const random = prng(seed);
  const out = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < channels; c++)
        out[(y * width + x) * channels + c] =
          ((x * 5 + y * 3 + c * 60) & 255) ^ (random() < 0.1 ? 0x3f : 0);
  return out;
}

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

async function encode(format: Format, width = W, height = H, channels: 3 | 4 = 3): Promise<Buffer> {
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

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG whose IHDR claims width × height; `idat` is whatever pixel data follows (if any). */
function pngHeader(width: number, height: number, idat = Buffer.alloc(0), colourType = 0) {
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
function withPngChunks(png: Buffer, chunks: Buffer[]): Buffer {
  const afterIhdr = 8 + 8 + 13 + 4;
  return Buffer.concat([png.subarray(0, afterIhdr), ...chunks, png.subarray(afterIhdr)]);
}

function jpegHeader(width: number, height: number, marker = 0xc0): Buffer {
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
function withJpegSegments(jpeg: Buffer, segments: { marker: number; data: Buffer }[]): Buffer {
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

function gifHeader(width: number, height: number): Buffer {
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
function webpHeader(width: number, height: number): Buffer {
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
function webpCanvas(width: number, height: number, exif?: Buffer): Buffer {
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
function exifBlock(size: number): Buffer {
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

function flipBits(bytes: Buffer, seed: number, headerOnly: boolean): Buffer {
  const random = prng(seed);
  const out = Buffer.from(bytes);
  const flips = 1 + Math.floor(random() * 8);
  const span = headerOnly ? Math.min(64, out.length) : out.length;
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(random() * span);
    out[at] = (out[at] as number) ^ (1 << Math.floor(random() * 8));
  }
  return out;
}

/** Every hostile file, with what it must end as. Deterministic. */
export async function generateHostileFiles(): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (category: string, name: string, bytes: Buffer, expect: Expectation) =>
    files.push({ category, name: `${category}/${name}`, bytes, expect });
  const good = Object.fromEntries(
    await Promise.all(FORMATS.map(async (f) => [f, await encode(f)] as const)),
  ) as Record<Format, Buffer>;

  // Truncated: at fixed fractions and just past the header.
  for (const format of FORMATS) {
    const bytes = good[format];
    const cuts = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];
    for (let i = 1; i <= 16; i++) cuts.push(Math.floor((bytes.length * i) / 17));
    for (const cut of new Set(cuts)) {
      if (cut >= bytes.length) continue;
      add('truncated', `${format}-cut-${cut}.${EXT[format]}`, bytes.subarray(0, cut), EITHER);
    }
  }
  // Bit-flipped: 1-8 bits anywhere, or in the first 64 bytes (the header parsers).
  for (const [f, format] of FORMATS.entries()) {
    for (let i = 0; i < 125; i++) {
      const headerOnly = i % 2 === 0;
      add(
        'bit-flipped',
        `${format}-flip-${i}.${EXT[format]}`,
        flipBits(good[format], 1000 * (f + 1) + i, headerOnly),
        EITHER,
      );
    }
  }
  // Zero bytes, under every name.
  for (const name of [
    'empty.png',
    'empty.jpg',
    'empty.tif',
    'empty.webp',
    'empty.gif',
    'empty.bmp',
    'empty',
    'EMPTY.PNG',
    'empty.zip',
    '.png',
  ]) {
    add('zero-byte', name, Buffer.alloc(0), FAILED(/./));
  }
  // Wrong extensions: every format under every other extension (decoded by content), and
  // non-images under image extensions.
  for (const format of FORMATS) {
    for (const ext of [...Object.values(EXT), 'txt', 'exe', 'html']) {
      if (ext === EXT[format]) continue;
      add('wrong-extension', `${format}-as.${ext}`, good[format], READY());
    }
  }
  add(
    'wrong-extension',
    'zip-as.png',
    writeZip([{ name: 'a.png', data: good.png }]),
    FAILED(/supported format/),
  );
  add('wrong-extension', 'png-as.zip', good.png, FAILED(/not a readable ZIP/));
  add(
    'wrong-extension',
    'text-as.jpg',
    Buffer.from('just some notes\n'.repeat(40)),
    FAILED(/supported format/),
  );
  add(
    'wrong-extension',
    'pdf-as.tif',
    Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
    FAILED(/supported format/),
  );
  add(
    'wrong-extension',
    'elf-as.png',
    Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(500)]),
    FAILED(/supported format/),
  );

  // HTML and SVG with script (and XML tricks), under image and their own extensions.
  const html = Buffer.from(
    '<!doctype html><html><body><script>fetch("/graphql",{method:"POST"})</script><img src=x onerror=alert(1)></body></html>',
  );
  const svgScript = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="alert(1)"><script>alert(document.cookie)</script><rect width="40" height="40"/></svg>',
  );
  const svgXxe = Buffer.from(
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text y="20">&x;</text></svg>',
  );
  const svgHref = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40"><image xlink:href="file:///etc/passwd" width="40" height="40"/><image href="http://169.254.169.254/latest/meta-data/" width="40" height="40"/></svg>',
  );
  let laughs = '<!ENTITY a0 "lol">';
  for (let i = 1; i < 12; i++) laughs += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
  const svgLaughs = Buffer.from(
    `<?xml version="1.0"?><!DOCTYPE svg [${laughs}]><svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text>&a11;</text></svg>`,
  );
  const svgHuge = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="100000" height="100000"/></svg>',
  );
  for (const [what, bytes] of [
    ['html', html],
    ['svg-script', svgScript],
    ['svg-xxe', svgXxe],
    ['svg-external-href', svgHref],
    ['svg-billion-laughs', svgLaughs],
    ['svg-100000px', svgHuge],
  ] as const) {
    for (const ext of ['png', 'jpg', 'svg', what === 'html' ? 'html' : 'svgz']) {
      add(
        'html-svg',
        `${what}.${ext}`,
        bytes,
        FAILED(/supported format|not accepted|corrupt|pixels/),
      );
    }
  }
  // Polyglots: a real GIF that is also JavaScript; a JPEG with a PHP shell in a comment.
  add(
    'html-svg',
    'gifar-polyglot.gif',
    Buffer.concat([Buffer.from('GIF89a/*'), good.gif.subarray(8), Buffer.from('*/=alert(1);')]),
    EITHER,
  );
  add(
    'html-svg',
    'php-in-comment.jpg',
    withJpegSegments(good.jpeg, [
      { marker: 0xfe, data: Buffer.from('<?php system($_GET["c"]); ?>') },
    ]),
    READY(),
  );

  // Decompression bombs: 100,000 × 100,000 (or each format's largest) declared in the header.
  const tooLarge = FAILED(/pixels|corrupt|supported/);
  add(
    'pixel-bomb',
    'png-100000x100000.png',
    pngHeader(100_000, 100_000, deflateSync(Buffer.alloc(100_001))),
    tooLarge,
  );
  add(
    'pixel-bomb',
    'png-100000x100000-rgb.png',
    pngHeader(100_000, 100_000, undefined, 2),
    tooLarge,
  );
  add('pixel-bomb', 'png-1x300000000.png', pngHeader(1, 300_000_000), tooLarge);
  add('pixel-bomb', 'png-2147483647-square.png', pngHeader(2_147_483_647, 2_147_483_647), tooLarge);
  add('pixel-bomb', 'jpeg-65500x65500.jpg', jpegHeader(65_500, 65_500), tooLarge);
  add('pixel-bomb', 'jpeg-progressive-65500x65500.jpg', jpegHeader(65_500, 65_500, 0xc2), tooLarge);
  add(
    'pixel-bomb',
    'tiff-100000x100000.tif',
    tiff(1, { declared: { w: 100_000, h: 100_000 } }),
    tooLarge,
  );
  add('pixel-bomb', 'gif-65535x65535.gif', gifHeader(65_535, 65_535), tooLarge);
  add(
    'pixel-bomb',
    'bmp-100000x100000.bmp',
    bmp(4, 4, undefined, { w: 100_000, h: 100_000 }),
    tooLarge,
  );
  add(
    'pixel-bomb',
    'bmp-100000x-100000-topdown.bmp',
    bmp(4, 4, undefined, { w: 100_000, h: -100_000 }),
    tooLarge,
  );
  add('pixel-bomb', 'webp-16384x16384.webp', webpHeader(16_384, 16_384), tooLarge);
  add('pixel-bomb', 'webp-canvas-16777216.webp', webpCanvas(16_777_216, 16_777_216), tooLarge);
  add('pixel-bomb', 'png-100000x100000-as.jpg', pngHeader(100_000, 100_000), tooLarge);

  // Huge EXIF and metadata.
  add(
    'huge-metadata',
    'jpeg-exif-64k.jpg',
    withJpegSegments(good.jpeg, [
      { marker: 0xe1, data: Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock(65_000)]) },
    ]),
    READY(),
  );
  add(
    'huge-metadata',
    'jpeg-200-app1-segments.jpg',
    withJpegSegments(
      good.jpeg,
      Array.from({ length: 200 }, () => ({
        marker: 0xe1,
        data: Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock(65_000)]),
      })),
    ),
    EITHER,
  );
  add(
    'huge-metadata',
    'jpeg-exif-lying-offsets.jpg',
    withJpegSegments(good.jpeg, [
      {
        marker: 0xe1,
        data: Buffer.concat([
          Buffer.from('Exif\0\0II*\0', 'latin1'),
          Buffer.from([0xff, 0xff, 0xff, 0x7f]),
          Buffer.alloc(64, 0xff),
        ]),
      },
    ]),
    EITHER,
  );
  add(
    'huge-metadata',
    'jpeg-icc-garbage.jpg',
    withJpegSegments(good.jpeg, [
      {
        marker: 0xe2,
        data: Buffer.concat([
          Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'),
          Buffer.alloc(60_000, 0x7f),
        ]),
      },
    ]),
    EITHER,
  );
  add(
    'huge-metadata',
    'png-exif-8mb.png',
    withPngChunks(good.png, [pngChunk('eXIf', exifBlock(8_000_000))]),
    EITHER,
  );
  // Text chunks that inflate to 100 MB (libpng's chunk limits must hold).
  const textBomb = (type: string, keyword: string) =>
    withPngChunks(good.png, [
      pngChunk(
        type,
        Buffer.concat([
          Buffer.from(keyword, 'latin1'),
          deflateSync(Buffer.alloc(100_000_000, 0x20)),
        ]),
      ),
    ]);
  add('huge-metadata', 'png-ztxt-bomb.png', textBomb('zTXt', 'Comment\0\0'), EITHER);
  add(
    'huge-metadata',
    'png-itxt-bomb.png',
    textBomb('iTXt', 'XML:com.adobe.xmp\0\x01\0\0\0'),
    EITHER,
  );
  add(
    'huge-metadata',
    'png-10000-text-chunks.png',
    withPngChunks(
      good.png,
      Array.from({ length: 10_000 }, (_, i) =>
        pngChunk('tEXt', Buffer.from(`k${i}\0${'v'.repeat(100)}`, 'latin1')),
      ),
    ),
    EITHER,
  );
  add(
    'huge-metadata',
    'tiff-description-4mb.tif',
    tiff(1, { w: W, h: H, description: Buffer.alloc(4_000_000, 0x42) }),
    READY(W, H),
  );
  add('huge-metadata', 'webp-exif-4mb.webp', webpCanvas(W, H, exifBlock(4_000_000)), EITHER);

  // Multi-page: thousands of pages, an endless page chain, animated GIF/WebP with many frames.
  add('multi-page', 'tiff-3000-pages.tif', tiff(3000), READY(8, 8, 3000));
  add('multi-page', 'tiff-10000-pages.tif', tiff(10_000, { w: 2, h: 2 }), READY(2, 2, 10_000));
  add('multi-page', 'tiff-ifd-loop.tif', tiff(3, { loop: true }), EITHER);
  const frames = 2000;
  const stacked = pixels(8, 8 * frames, 3);
  const raw = { width: 8, height: 8 * frames, channels: 3 as const, pageHeight: 8 };
  add(
    'multi-page',
    'gif-2000-frames.gif',
    await sharp(stacked, { raw }).gif().toBuffer(),
    READY(8, 8, frames),
  );
  add(
    'multi-page',
    'webp-2000-frames.webp',
    await sharp(stacked, { raw }).webp({ lossless: true }).toBuffer(),
    READY(8, 8, frames),
  );

  // Odd colour spaces and pixel layouts: all must decode to a correct RGB image.
  const rgb = pixels(W, H, 3);
  const rgba = pixels(W, H, 4);
  const grey = pixels(W, H, 1);
  const img = (data: Buffer, channels: 1 | 2 | 3 | 4) =>
    sharp(data, { raw: { width: W, height: H, channels } });
  const colour: [string, Promise<Buffer>][] = [
    ['cmyk.jpg', img(rgb, 3).toColourspace('cmyk').jpeg().toBuffer()],
    ['cmyk.tif', img(rgb, 3).toColourspace('cmyk').tiff().toBuffer()],
    ['rgb16.png', img(rgb, 3).toColourspace('rgb16').png().toBuffer()],
    ['rgba16.png', img(rgba, 4).toColourspace('rgb16').png().toBuffer()],
    ['grey16.png', img(grey, 1).toColourspace('grey16').png().toBuffer()],
    ['grey16.tif', img(grey, 1).toColourspace('grey16').tiff().toBuffer()],
    ['rgb16.tif', img(rgb, 3).toColourspace('rgb16').tiff().toBuffer()],
    ['palette.png', img(rgb, 3).png({ palette: true, colours: 16 }).toBuffer()],
    ['palette-alpha.png', img(rgba, 4).png({ palette: true, colours: 16 }).toBuffer()],
    ['palette-2-colours.png', img(rgb, 3).png({ palette: true, colours: 2 }).toBuffer()],
    ['rgba.png', img(rgba, 4).png().toBuffer()],
    [
      'transparent.png',
      sharp({
        create: { width: W, height: H, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
      })
        .png()
        .toBuffer(),
    ],
    [
      'grey-alpha.png',
      img(pixels(W, H, 2), 2)
        .png()
        .toBuffer(),
    ],
    ['grey.jpg', img(grey, 1).jpeg().toBuffer()],
    ['progressive.jpg', img(rgb, 3).jpeg({ progressive: true }).toBuffer()],
    ['interlaced.png', img(rgb, 3).png({ progressive: true }).toBuffer()],
    ['rgba.webp', img(rgba, 4).webp({ lossless: true }).toBuffer()],
    ['rgba.tif', img(rgba, 4).tiff().toBuffer()],
    ['lab.tif', img(rgb, 3).toColourspace('lab').tiff().toBuffer()],
    [
      'float-grey.tif',
      sharp(Buffer.from(new Float32Array(W * H).map((_, i) => Math.sin(i) * 1e6).buffer), {
        raw: { width: W, height: H, channels: 1 },
      })
        .tiff()
        .toBuffer(),
    ],
    ['one-bit.png', img(grey, 1).threshold(128).png({ palette: true, colours: 2 }).toBuffer()],
    [
      'deflate-predictor.tif',
      img(rgb, 3).tiff({ compression: 'deflate', predictor: 'horizontal' }).toBuffer(),
    ],
    ['jpeg-in-tiff.tif', img(rgb, 3).tiff({ compression: 'jpeg' }).toBuffer()],
  ];
  for (const [name, bytes] of colour) {
    const unsure = name === 'lab.tif' || name === 'float-grey.tif';
    add('colour-space', name, await bytes, unsure ? EITHER : READY());
  }
  // A pixel flood under the limit (10,000 × 10,000 of one colour in a ~100 kB PNG): decodes, in time.
  const flood = 10_000;
  const scan = Buffer.alloc(flood + 1);
  const floodIdat = deflateSync(Buffer.concat(Array.from({ length: flood }, () => scan)), {
    level: 9,
  });
  add(
    'pixel-bomb',
    'png-10000x10000-flood.png',
    pngHeader(flood, flood, floodIdat),
    READY(flood, flood),
  );

  // ZIPs.
  const addZip = (
    name: string,
    bytes: Buffer,
    spec: Omit<HostileFile, 'name' | 'category' | 'bytes'>,
  ) => files.push({ category: 'zip', name: `zip/${name}`, bytes, ...spec });
  const ok = READY();
  addZip(
    'traversal.zip',
    writeZip([
      { name: 'figure1/a.png', data: good.png },
      { name: '../../../../../../tmp/twinspect-escape.png', data: good.png },
      { name: '..\\..\\..\\twinspect-escape-backslash.png', data: good.png },
      { name: '/tmp/twinspect-escape-absolute.png', data: good.png },
      { name: 'C:\\Windows\\twinspect-escape.png', data: good.png },
      { name: 'figure1/../../twinspect-escape-inner.png', data: good.png },
      { name: 'figure1/nul\0.png', data: good.png },
      {
        name: 'figure1/link.png',
        data: Buffer.from('/etc/passwd'),
        unixMode: 0o120777,
        deflate: false,
      },
      {
        name: 'figure1/link-dir',
        data: Buffer.from('../../..'),
        unixMode: 0o120777,
        deflate: false,
      },
      { name: 'figure1/b.jpg', data: good.jpeg },
    ]),
    {
      expect: EITHER,
      entries: {
        'figure1/a.png': ok,
        'figure1/b.jpg': ok,
        '../../../../../../tmp/twinspect-escape.png': FAILED(/unsafe path/),
        '/tmp/twinspect-escape-absolute.png': FAILED(/unsafe path/),
        'figure1/link.png': FAILED(/symbolic link/),
      },
    },
  );
  addZip(
    'ratio-bomb.zip',
    writeZip([
      { name: 'bomb.png', data: Buffer.alloc(50_000_000) },
      { name: 'ok.png', data: good.png },
    ]),
    {
      expect: EITHER,
      entries: { 'bomb.png': FAILED(/ZIP bomb/), 'ok.png': ok },
    },
  );
  addZip(
    'lying-size.zip',
    writeZip([{ name: 'small.png', data: Buffer.alloc(5_000_000, 1), declaredSize: 40_000 }]),
    {
      expect: EITHER,
      entries: { 'small.png': FAILED(/./) },
    },
  );
  addZip(
    'nested.zip',
    writeZip([
      { name: 'inner.zip', data: writeZip([{ name: 'bomb.png', data: Buffer.alloc(10_000_000) }]) },
    ]),
    {
      expect: EITHER,
      entries: { 'inner.zip': FAILED(/not an image file/) },
    },
  );
  addZip('encrypted.zip', writeZip([{ name: 'secret.png', data: good.png, encrypted: true }]), {
    expect: EITHER,
    entries: { 'secret.png': FAILED(/encrypted/) },
  });
  addZip(
    'overlapping.zip',
    writeZip([
      { name: 'p0.png', data: good.png },
      ...Array.from({ length: 300 }, (_, i) => ({
        name: `p${i + 1}.png`,
        data: good.png,
        sameDataAs: 0,
      })),
    ]),
    {
      expect: EITHER,
      entries: {
        'p0.png': ok,
        ...Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [`p${i + 1}.png`, FAILED(/overlaps/)]),
        ),
      },
    },
  );
  addZip(
    'too-many-entries.zip',
    writeZip(
      Array.from(
        { length: 20_001 },
        (_, i): ZipEntrySpec => ({ name: `e${i}.png`, data: Buffer.alloc(0), deflate: false }),
      ),
    ),
    {
      expect: FAILED(/entries, over the limit/),
      wholeArchive: true,
    },
  );
  addZip('empty.zip', writeZip([]), { expect: FAILED(/no image/i), wholeArchive: true });
  addZip(
    'only-folders-and-junk.zip',
    writeZip([
      { name: 'figs/', data: Buffer.alloc(0) },
      { name: '__MACOSX/figs/._a.png', data: Buffer.from('junk') },
      { name: 'figs/.DS_Store', data: Buffer.from('junk') },
    ]),
    { expect: FAILED(/no image/i), wholeArchive: true },
  );
  addZip('garbage.zip', Buffer.from('PK\x03\x04 this is not a zip at all'), {
    expect: FAILED(/ZIP/),
    wholeArchive: true,
  });
  addZip(
    'inner-corrupt-images.zip',
    writeZip(FORMATS.map((f) => ({ name: `cut.${EXT[f]}`, data: good[f].subarray(0, 20) }))),
    {
      expect: EITHER,
      entries: Object.fromEntries(FORMATS.map((f) => [`cut.${EXT[f]}`, FAILED(/./)])),
    },
  );
  addZip(
    'unicode-and-long-names.zip',
    writeZip([
      { name: `${'é'.repeat(300)}.png`, data: good.png },
      { name: 'fig\u202egnp.exe.png', data: good.png },
      { name: `${'a/'.repeat(200)}deep.png`, data: good.png },
    ]),
    { expect: EITHER },
  );
  const zipBase = writeZip([
    { name: 'a.png', data: good.png },
    { name: 'b.jpg', data: good.jpeg },
  ]);
  for (let i = 0; i < 6; i++) {
    addZip(`truncated-${i}.zip`, zipBase.subarray(0, Math.floor((zipBase.length * (i + 1)) / 7)), {
      expect: EITHER,
    });
  }
  for (let i = 0; i < 14; i++) {
    addZip(`bit-flipped-${i}.zip`, flipBits(zipBase, 9000 + i, i % 2 === 0), { expect: EITHER });
  }
  return files;
}

/** Writes every file (named by its index) and index.json describing them. */
export async function writeHostileFiles(dir: string): Promise<HostileFile[]> {
  const files = await generateHostileFiles();
  await Promise.all(files.map((f, i) => writeFile(path.join(dir, String(i)), f.bytes)));
  await writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify(
      files.map(({ bytes, ...rest }, i) => ({ file: String(i), bytes: bytes.length, ...rest })),
      null,
      1,
    ),
  );
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: generate-hostile-files.ts <out-dir>');
  const files = await writeHostileFiles(out);
  console.log(`${files.length} hostile files in ${out}`);
}

// Image families: truncated, bit-flipped, zero-byte and misnamed files, decompression bombs,
// thousands of pages, odd colour spaces and a pixel flood.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { writeZip } from '../zip-writer.ts';
import {
  type Add,
  EITHER,
  EXT,
  FAILED,
  FORMATS,
  flipBits,
  type Good,
  H,
  pixels,
  READY,
  W,
} from './common.ts';
import { bmp, gifHeader, jpegHeader, pngHeader, tiff, webpCanvas, webpHeader } from './formats.ts';

/** Truncated, bit-flipped, zero-byte and wrongly named files. */
export async function addDamagedImages(add: Add, good: Good): Promise<void> {
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
}

/** Headers declaring 100,000 × 100,000 pixels or each format's largest. */
export async function addPixelBombs(add: Add): Promise<void> {
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
}

/** Multi-page files, odd colour spaces and pixel layouts, a pixel flood under the limit. */
export async function addPagesAndColourSpaces(add: Add): Promise<void> {
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
}

// Document and metadata families: HTML and SVG with script, polyglots, huge EXIF and text
// chunks that inflate to 100 MB.
import { deflateSync } from 'node:zlib';
import { type Add, EITHER, FAILED, type Good, H, READY, W } from './common.ts';
import {
  exifBlock,
  pngChunk,
  tiff,
  webpCanvas,
  withJpegSegments,
  withPngChunks,
} from './formats.ts';

/** HTML and SVG with script or XML tricks, and image/script polyglots. */
export async function addScriptDocuments(add: Add, good: Good): Promise<void> {
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
}

/** Huge EXIF blocks, thousands of text chunks and text chunks that inflate to 100 MB. */
export async function addHugeMetadata(add: Add, good: Good): Promise<void> {
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
}

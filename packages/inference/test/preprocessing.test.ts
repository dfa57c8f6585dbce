import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeToModelInput, decodeToRgb } from '../src/index.ts';
import { bioDev, pythonReference, runPython, tempDir } from './helpers.ts';

// The TypeScript preprocessing must hand the encoder the tensor the training code built. Pillow's
// resampling is ported exactly (src/pil-resize.ts), so the tolerance is zero: any difference is a
// bug, not noise. (For the record, sharp's own linear resize differed from Pillow on bio-dev by up
// to 0.41 in normalised units — 26 grey levels — mean 0.006.)
const SIZE = 96;
const spec = { input: { size: SIZE, mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] } } as const;

function pick(folder: string, test: (name: string) => boolean, count: number): string[] {
  return readdirSync(path.join(bioDev, folder))
    .filter(test)
    .sort()
    .slice(0, count)
    .map((f) => path.join(bioDev, folder, f));
}

async function compare(files: string[]) {
  const refs = pythonReference(files, SIZE);
  const report: { file: string; maxRgb: number; maxX: number; meanX: number }[] = [];
  for (const [i, file] of files.entries()) {
    const ref = refs[i];
    if (!ref) throw new Error('missing reference');
    const rgb = await decodeToRgb(file);
    expect([rgb.width, rgb.height], path.basename(file)).toEqual([ref.width, ref.height]);
    let maxRgb = 0;
    for (let k = 0; k < ref.rgb.length; k++) {
      maxRgb = Math.max(maxRgb, Math.abs((ref.rgb[k] as number) - (rgb.data[k] as number)));
    }
    const x = await decodeToModelInput(file, spec);
    let maxX = 0;
    let sumX = 0;
    for (let k = 0; k < ref.x.length; k++) {
      const d = Math.abs((ref.x[k] as number) - (x[k] as number));
      maxX = Math.max(maxX, d);
      sumX += d;
    }
    report.push({ file: path.basename(file), maxRgb, maxX, meanX: sumX / ref.x.length });
  }
  return report;
}

function expectIdentical(report: Awaited<ReturnType<typeof compare>>) {
  console.table(report);
  for (const r of report) {
    expect(r.maxRgb, r.file).toBe(0);
    expect(r.maxX, r.file).toBe(0);
  }
}

describe('preprocessing matches the training code (Pillow) bit for bit', () => {
  it('on real bio-dev images: 8-bit PNG, RGBA PNG, JPEG, 16-bit TIFF and PNG, palette TIFF', async () => {
    const files = [
      ...pick('dsb2018', (f) => f.endsWith('.png'), 6), // RGBA PNG
      ...pick('cellprofiler', (f) => /\.jpe?g$/i.test(f), 3),
      ...pick('cellprofiler', (f) => /cherry\.tif$|ADSAStaph.*\.tif$|C01_w1.*\.tif$/.test(f), 3), // 16-bit TIFF
      ...pick('cellprofiler', (f) => /_N_G\.png$/.test(f), 1), // 16-bit grey PNG
      ...pick('cellprofiler', (f) => /WT_orig\.png$/.test(f), 1), // 8-bit RGB PNG
      ...pick('cellprofiler', (f) => /CometTails\.tif$/.test(f), 1), // palette TIFF
      ...pick('cellprofiler', (f) => /AS_09125.*\.tif$/.test(f), 1), // 8-bit grey TIFF
    ];
    expect(files.length).toBeGreaterThanOrEqual(15);
    const report = await compare(files);
    expectIdentical(report);
  });

  it('on synthetic edge cases: EXIF orientation, multi-page TIFF, GIF, WebP, BMP, tRNS, 16-bit RGB, LA, 1-bit', async () => {
    const dir = tempDir('edge');
    runPython(
      `
import sys, numpy as np
from PIL import Image
d = sys.argv[1]
rng = np.random.default_rng(7)
rgb = rng.integers(0, 256, (37, 53, 3), dtype=np.uint8)
# EXIF orientation 6 (rotate 90 CW to display) on a JPEG.
ex = Image.Exif(); ex[0x0112] = 6
Image.fromarray(rgb).save(f"{d}/oriented.jpg", exif=ex, quality=90)
ex8 = Image.Exif(); ex8[0x0112] = 3
Image.fromarray(rgb).save(f"{d}/oriented3.png", exif=ex8)
# Multi-page TIFF: only the first page counts.
pages = [Image.fromarray(rgb), Image.fromarray(255 - rgb)]
pages[0].save(f"{d}/pages.tif", save_all=True, append_images=pages[1:])
# GIF with a transparent palette index.
p = Image.fromarray(rgb).quantize(16); p.info["transparency"] = 3; p.save(f"{d}/transparent.gif", transparency=3)
Image.fromarray(rgb).save(f"{d}/lossless.webp", lossless=True)
Image.fromarray(rgb).save(f"{d}/lossy.webp", quality=80)
Image.fromarray(rgb).save(f"{d}/plain.bmp")
Image.fromarray(rgb).quantize(64).save(f"{d}/palette8.bmp")
Image.fromarray(rgb[:, :, 0] > 100).save(f"{d}/bilevel.bmp")
Image.fromarray(np.dstack([rgb, rgb[:, :, :1]])).save(f"{d}/rgba.bmp")
# Grey PNG with a tRNS key: Pillow keeps it aside and load_rgb ignores it.
Image.fromarray(rgb[:, :, 0]).save(f"{d}/grey-trns.png", transparency=17)
la = Image.merge("LA", [Image.fromarray(rgb[:, :, 0]), Image.fromarray(rgb[:, :, 1])]); la.save(f"{d}/la.png")
Image.fromarray(rgb[:, :, 0] > 128).save(f"{d}/bilevel.png")
Image.fromarray(np.full((20, 30), 1234, dtype=np.uint16)).save(f"{d}/flat16.tif")
Image.fromarray((rng.integers(0, 65536, (41, 29))).astype(np.uint16)).save(f"{d}/grey16.png")
`,
      [dir],
    );
    // Pillow cannot write 16-bit RGB; it reads it as its high bytes.
    const rgb16 = new Uint16Array(23 * 19 * 3).map((_, i) => (i * 7919) % 65536);
    await sharp(rgb16, { raw: { width: 23, height: 19, channels: 3 } })
      .toColourspace('rgb16')
      .png()
      .toFile(path.join(dir, 'rgb16.png'));
    const files = readdirSync(dir)
      .sort()
      .map((f) => path.join(dir, f));
    expect(files.length).toBe(16);
    const report = await compare(files);
    expectIdentical(report);
  });
});

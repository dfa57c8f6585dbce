// What every family of hostile files shares: the expectations, the formats, deterministic
// pixels and bit flips.

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
export type Format = (typeof FORMATS)[number];
export const EXT: Record<Format, string> = {
  png: 'png',
  jpeg: 'jpg',
  tiff: 'tif',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
};

export const W = 48;
export const H = 40;
export const FAILED = (reason?: RegExp): Expectation =>
  reason ? { outcome: 'FAILED', reason } : { outcome: 'FAILED' };
export const READY = (width = W, height = H, pages?: number): Expectation => ({
  outcome: 'READY',
  width,
  height,
  ...(pages ? { pages } : {}),
});
export const EITHER: Expectation = { outcome: 'EITHER' };

/** A deterministic PRNG (mulberry32), so every run tries the same bytes. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pixels(width: number, height: number, channels: number, seed = 1): Buffer {
  const random = prng(seed);
  const out = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < channels; c++)
        out[(y * width + x) * channels + c] =
          ((x * 5 + y * 3 + c * 60) & 255) ^ (random() < 0.1 ? 0x3f : 0);
  return out;
}

export function flipBits(bytes: Buffer, seed: number, headerOnly: boolean): Buffer {
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

/** Adds one file of a category (named `<category>/<name>`) with what it must end as. */
export type Add = (category: string, name: string, bytes: Buffer, expect: Expectation) => void;

/** One small, valid image of every format, to truncate, flip, rename and wrap. */
export type Good = Record<Format, Buffer>;

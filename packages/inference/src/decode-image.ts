import { open, readFile } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { type DecodedBmp, decodeBmp, isBmp, readBmpSize } from './bmp.ts';
import { InferenceError } from './errors.ts';

/**
 * The canonical decode: any accepted image file → 8-bit RGB, exactly as the training code's
 * `twinspect_training.imageio.load_rgb` (Pillow) does it, following the manifest's
 * `input.preprocessing`:
 *   - first page/frame; EXIF orientation applied;
 *   - grey replicated to RGB; alpha composited over black (rgb * alpha / max, rounded half-even);
 *   - 8-bit used as-is; single-channel >8-bit per-image min-max stretched to 0..255 (flat → 0);
 *   - multi-channel 16-bit keeps the high byte (Pillow's RGB;16 unpacking).
 * Embedded ICC profiles are ignored, as Pillow ignores them.
 */

export type ImageInput = string | Buffer | Uint8Array;

export interface DecodeOptions {
  /** Refuse (without decoding) images with more pixels than this. Default: sharp's 268M. */
  maxPixels?: number;
}

export interface SourceInfo {
  /** sharp's format name: png, jpeg, tiff, webp, gif, bmp (bmp via sharp's magick-free path). */
  format: string;
  /** Width and height after EXIF orientation. */
  width: number;
  height: number;
  /** Bits per sample of the decoded first page: 1, 8, 16, 32. */
  bitDepth: number;
  channels: number;
  pages: number;
  hasAlpha: boolean;
  /** EXIF orientation tag (1-8) when present. */
  orientation?: number;
  colourSpace: string;
}

export interface RgbImage {
  /** Interleaved 8-bit RGB, width × height × 3. */
  data: Uint8Array;
  width: number;
  height: number;
  source: SourceInfo;
}

export const DEFAULT_MAX_PIXELS = 268_402_689;

/** Formats the product accepts (sharp names). Anything else is UNSUPPORTED_IMAGE. */
export const ACCEPTED_FORMATS = new Set(['png', 'jpeg', 'tiff', 'webp', 'gif', 'bmp']);

const BIT_DEPTH: Record<string, number> = {
  uchar: 8,
  char: 8,
  ushort: 16,
  short: 16,
  uint: 32,
  int: 32,
  float: 32,
  double: 64,
};

function describe(input: ImageInput): string {
  return typeof input === 'string' ? input : `${input.byteLength}-byte buffer`;
}

/** Turns sharp/libvips errors into the three reasons a reviewer can act on. */
function classify(error: unknown, input: ImageInput, maxPixels: number): InferenceError {
  if (error instanceof InferenceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new InferenceError(
      'IMAGE_TOO_LARGE',
      `image has more pixels than the limit of ${maxPixels.toLocaleString('en-US')}`,
      { cause: error },
    );
  }
  if (/unsupported image format/i.test(message)) {
    return new InferenceError('UNSUPPORTED_IMAGE', 'not an image in a supported format', {
      cause: error,
    });
  }
  if (/ENOENT/.test(message)) {
    return new InferenceError('CORRUPT_IMAGE', `cannot read ${describe(input)}: no such file`, {
      cause: error,
    });
  }
  const firstLine = message.split('\n')[0]?.trim() ?? message;
  return new InferenceError('CORRUPT_IMAGE', `corrupt or truncated image (${firstLine})`, {
    cause: error,
  });
}

/**
 * PNG colour types 0 (grey) and 2 (RGB) only get an alpha channel from a tRNS chunk, which
 * Pillow keeps in `info` and `load_rgb` ignores. libvips turns it into a real alpha band, so we
 * drop it again to match.
 */
function pngAlphaIsTransparencyKey(bytes: Uint8Array): boolean {
  if (bytes.length < 26) return false;
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) return false;
  const colourType = bytes[25];
  return colourType === 0 || colourType === 2;
}

function stretchToUint8(values: ArrayLike<number>, n: number): Uint8Array {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = new Uint8Array(n);
  if (!(hi > lo)) return out;
  const k = 255 / (hi - lo);
  for (let i = 0; i < n; i++) out[i] = roundHalfEven(((values[i] as number) - lo) * k);
  return out;
}

/** numpy's rint: round half to even. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function typedView(buffer: Buffer, depth: string): ArrayLike<number> {
  const { buffer: ab, byteOffset, byteLength } = buffer;
  // sharp's raw buffers are aligned copies; slice if not, rather than misread.
  const aligned = byteOffset % 8 === 0 ? ab : ab.slice(byteOffset, byteOffset + byteLength);
  const offset = byteOffset % 8 === 0 ? byteOffset : 0;
  switch (depth) {
    case 'uchar':
      return new Uint8Array(aligned, offset, byteLength);
    case 'char':
      return new Int8Array(aligned, offset, byteLength);
    case 'ushort':
      return new Uint16Array(aligned, offset, byteLength / 2);
    case 'short':
      return new Int16Array(aligned, offset, byteLength / 2);
    case 'uint':
      return new Uint32Array(aligned, offset, byteLength / 4);
    case 'int':
      return new Int32Array(aligned, offset, byteLength / 4);
    case 'float':
      return new Float32Array(aligned, offset, byteLength / 4);
    case 'double':
      return new Float64Array(aligned, offset, byteLength / 8);
    default:
      throw new InferenceError('UNSUPPORTED_IMAGE', `unsupported sample format: ${depth}`);
  }
}

/** Reads just the header: format, size, depth. Cheap; refuses images over the pixel limit. */
export async function probeImage(
  input: ImageInput,
  options: DecodeOptions = {},
): Promise<SourceInfo> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  try {
    const head = await readHeader(input);
    if (isBmp(head)) {
      const { width, height, bits } = readBmpSize(head);
      if (width * height > maxPixels) {
        throw new InferenceError(
          'IMAGE_TOO_LARGE',
          `image is ${width}×${height} pixels, over the limit of ${maxPixels.toLocaleString('en-US')}`,
        );
      }
      return bmpInfo(width, height, bits, bits === 32 ? 4 : 3);
    }
    const meta = await sharp(input, { limitInputPixels: maxPixels }).metadata();
    return sourceInfo(meta, maxPixels);
  } catch (error) {
    throw classify(error, input, maxPixels);
  }
}

function sourceInfo(meta: Metadata, maxPixels: number): SourceInfo {
  const format = String(meta.format ?? 'unknown');
  if (!ACCEPTED_FORMATS.has(format)) {
    throw new InferenceError(
      'UNSUPPORTED_IMAGE',
      `format ${format} is not accepted (PNG, JPEG, TIFF, WebP, GIF or BMP)`,
    );
  }
  const w = meta.width ?? 0;
  const h = meta.pageHeight && (meta.pages ?? 1) > 1 ? meta.pageHeight : (meta.height ?? 0);
  if (w <= 0 || h <= 0) throw new InferenceError('CORRUPT_IMAGE', 'image has no pixels');
  if (w * h > maxPixels) {
    throw new InferenceError(
      'IMAGE_TOO_LARGE',
      `image is ${w}×${h} pixels, over the limit of ${maxPixels.toLocaleString('en-US')}`,
    );
  }
  const swap = (meta.orientation ?? 1) >= 5;
  return {
    format,
    width: swap ? h : w,
    height: swap ? w : h,
    bitDepth: meta.bitsPerSample ?? BIT_DEPTH[meta.depth ?? 'uchar'] ?? 8,
    channels: meta.channels ?? 3,
    pages: meta.pages ?? 1,
    hasAlpha: meta.hasAlpha ?? false,
    ...(meta.orientation ? { orientation: meta.orientation } : {}),
    colourSpace: String(meta.space ?? 'unknown'),
  };
}

/** Decodes the first page of an image to 8-bit RGB following the model's preprocessing. */
export async function decodeToRgb(
  input: ImageInput,
  options: DecodeOptions = {},
): Promise<RgbImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  try {
    if (isBmp(await readHeader(input))) {
      const bytes = typeof input === 'string' ? await readFile(input) : input;
      return fromBmp(decodeBmp(bytes, maxPixels), bytes);
    }
    const meta = await sharp(input, { limitInputPixels: maxPixels }).metadata();
    const source = sourceInfo(meta, maxPixels);
    const depth = meta.depth ?? 'uchar';
    const pipeline = sharp(input, {
      limitInputPixels: maxPixels,
      ignoreIcc: true,
      page: 0,
      pages: 1,
      failOn: 'error',
    }).autoOrient();
    // Without an explicit colourspace sharp converts >8-bit input to 8-bit sRGB; asking for the
    // input's own space (grey16, rgb16) keeps the raw samples Pillow sees.
    const { data, info } = await (depth === 'uchar'
      ? pipeline.raw()
      : pipeline.toColourspace(meta.space ?? 'grey16').raw({ depth: depth as 'ushort' })
    ).toBuffer({ resolveWithObject: true });
    const n = info.width * info.height;
    const values = typedView(data, depth);
    // A PNG tRNS key becomes an alpha band in libvips; Pillow keeps it aside and load_rgb
    // ignores it, so only a real alpha channel is composited.
    const alpha =
      (info.channels === 2 || info.channels === 4) &&
      !(meta.format === 'png' && pngAlphaIsTransparencyKey(await readHeader(input)));
    const colourBands = info.channels === 1 || info.channels === 2 ? 1 : 3;
    const stride = info.channels;

    // Map each sample to 8 bits the way Pillow's mode does.
    let eight: Uint8Array;
    if (depth === 'uchar') {
      eight = values as Uint8Array;
    } else if (colourBands === 1 && !alpha) {
      // Pillow modes I;16 / I / F: per-image min-max stretch of the raw values.
      const grey = new Float64Array(n);
      for (let i = 0; i < n; i++) grey[i] = values[i * stride] as number;
      const stretched = stretchToUint8(grey, n);
      return { data: replicate(stretched, n), width: info.width, height: info.height, source };
    } else if (depth === 'ushort') {
      // Pillow unpacks 16-bit RGB(A)/LA as their high byte.
      eight = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) eight[i] = (values[i] as number) >> 8;
    } else {
      throw new InferenceError(
        'UNSUPPORTED_IMAGE',
        `${info.channels}-channel ${depth} images are not supported`,
      );
    }

    const rgb = toRgb(eight, n, stride, colourBands, alpha);
    return { data: rgb, width: info.width, height: info.height, source };
  } catch (error) {
    throw classify(error, input, maxPixels);
  }
}

function bmpInfo(width: number, height: number, bits: number, channels: number): SourceInfo {
  return {
    format: 'bmp',
    width,
    height,
    bitDepth: bits,
    channels,
    pages: 1,
    hasAlpha: channels === 4,
    colourSpace: 'srgb',
  };
}

function fromBmp(bmp: DecodedBmp, bytes: Uint8Array): RgbImage {
  const n = bmp.width * bmp.height;
  const { bits } = readBmpSize(bytes);
  return {
    data: toRgb(bmp.data, n, bmp.channels, 3, bmp.channels === 4),
    width: bmp.width,
    height: bmp.height,
    source: bmpInfo(bmp.width, bmp.height, bits, bmp.channels),
  };
}

/** Interleaved 8-bit grey/RGB (+ alpha) → RGB, alpha composited over black like load_rgb. */
function toRgb(
  eight: Uint8Array,
  n: number,
  stride: number,
  colourBands: number,
  alpha: boolean,
): Uint8Array {
  const rgb = new Uint8Array(n * 3);
  for (let i = 0, p = 0, q = 0; i < n; i++, p += stride, q += 3) {
    const r = eight[p] as number;
    const g = colourBands === 1 ? r : (eight[p + 1] as number);
    const b = colourBands === 1 ? r : (eight[p + 2] as number);
    if (alpha) {
      const a = (eight[p + colourBands] as number) / 255;
      rgb[q] = roundHalfEven(r * a);
      rgb[q + 1] = roundHalfEven(g * a);
      rgb[q + 2] = roundHalfEven(b * a);
    } else {
      rgb[q] = r;
      rgb[q + 1] = g;
      rgb[q + 2] = b;
    }
  }
  return rgb;
}

async function readHeader(input: ImageInput): Promise<Uint8Array> {
  if (typeof input !== 'string') return input.subarray(0, 32);
  const handle = await open(input, 'r');
  try {
    const head = new Uint8Array(32);
    const { bytesRead } = await handle.read(head, 0, 32, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function replicate(grey: Uint8Array, n: number): Uint8Array {
  const rgb = new Uint8Array(n * 3);
  for (let i = 0, q = 0; i < n; i++, q += 3) {
    const v = grey[i] as number;
    rgb[q] = v;
    rgb[q + 1] = v;
    rgb[q + 2] = v;
  }
  return rgb;
}

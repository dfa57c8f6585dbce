import { InferenceError } from './errors.ts';

/**
 * A BMP decoder: sharp's prebuilt libvips has no BMP loader, and BMP is one of the formats the
 * product accepts. It covers what scanners and old acquisition software write — uncompressed 1/4/8
 * bit palettes, 16-bit 5-5-5 and bit fields, 24-bit, 32-bit — and maps samples as Pillow's
 * BmpImagePlugin does (32-bit BI_RGB ignores the fourth byte; an alpha mask makes RGBA).
 * RLE-compressed files are refused as unsupported.
 */

export interface DecodedBmp {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA), interleaved 8-bit. */
  channels: 3 | 4;
  data: Uint8Array;
}

export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

export function readBmpSize(bytes: Uint8Array): { width: number; height: number; bits: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 26) throw new InferenceError('CORRUPT_IMAGE', 'truncated BMP header');
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) {
    return {
      width: view.getUint16(18, true),
      height: view.getUint16(20, true),
      bits: view.getUint16(24, true),
    };
  }
  if (bytes.length < 54) throw new InferenceError('CORRUPT_IMAGE', 'truncated BMP header');
  return {
    width: view.getInt32(18, true),
    height: Math.abs(view.getInt32(22, true)),
    bits: view.getUint16(28, true),
  };
}

function maskShift(mask: number): { shift: number; max: number } {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

export function decodeBmp(bytes: Uint8Array, maxPixels: number): DecodedBmp {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => {
    throw new InferenceError('CORRUPT_IMAGE', `corrupt BMP (${why})`);
  };
  if (!isBmp(bytes) || bytes.length < 26) fail('bad signature');
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && headerSize < 40) fail(`header size ${headerSize}`);
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bits = view.getUint16(core ? 24 : 28, true);
  const compression = core ? 0 : view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height <= 0) fail('no pixels');
  if (width * height > maxPixels) {
    throw new InferenceError(
      'IMAGE_TOO_LARGE',
      `image is ${width}×${height} pixels, over the limit of ${maxPixels.toLocaleString('en-US')}`,
    );
  }
  if (compression !== 0 && compression !== 3) {
    throw new InferenceError(
      'UNSUPPORTED_IMAGE',
      `compressed BMP (compression ${compression}) is not supported; save it as PNG or TIFF`,
    );
  }

  // Palette (≤ 8 bits).
  let palette: Uint8Array | undefined;
  if (bits <= 8) {
    const entrySize = core ? 3 : 4;
    const declared = core ? 0 : view.getUint32(46, true);
    const count = declared || 1 << bits;
    const start = 14 + headerSize;
    palette = new Uint8Array(256 * 3);
    for (let i = 0; i < count && start + i * entrySize + 2 < bytes.length; i++) {
      const p = start + i * entrySize;
      palette[i * 3] = bytes[p + 2] as number;
      palette[i * 3 + 1] = bytes[p + 1] as number;
      palette[i * 3 + 2] = bytes[p] as number;
    }
  }

  // Bit-field masks (16/32-bit): after a 40-byte header for BITFIELDS, inside V4/V5 headers.
  let masks = [0, 0, 0, 0];
  if (bits === 16 || bits === 32) {
    if (compression === 3) {
      if (bytes.length < 14 + 40 + 12) fail('truncated bit fields');
      masks = [
        view.getUint32(54, true),
        view.getUint32(58, true),
        view.getUint32(62, true),
        headerSize >= 56 ? view.getUint32(66, true) : 0,
      ];
    } else if (bits === 16) {
      masks = [0x7c00, 0x03e0, 0x001f, 0];
    } else {
      masks = [0xff0000, 0xff00, 0xff, 0];
    }
  } else if (compression === 3) {
    fail(`bit fields with ${bits} bits per pixel`);
  }
  if (![1, 4, 8, 16, 24, 32].includes(bits)) {
    throw new InferenceError('UNSUPPORTED_IMAGE', `${bits}-bit BMP is not supported`);
  }

  const hasAlpha = masks[3] !== 0;
  const channels: 3 | 4 = hasAlpha ? 4 : 3;
  const rowBytes = Math.floor((bits * width + 31) / 32) * 4;
  if (dataOffset + rowBytes * height > bytes.length) fail('truncated pixel data');
  const out = new Uint8Array(width * height * channels);
  const fields = masks.map(maskShift);
  for (let y = 0; y < height; y++) {
    const srcRow = dataOffset + (topDown ? y : height - 1 - y) * rowBytes;
    let q = y * width * channels;
    for (let x = 0; x < width; x++, q += channels) {
      if (palette) {
        const bitPos = x * bits;
        const byte = bytes[srcRow + (bitPos >> 3)] as number;
        const index = (byte >> (8 - bits - (bitPos & 7))) & ((1 << bits) - 1);
        out[q] = palette[index * 3] as number;
        out[q + 1] = palette[index * 3 + 1] as number;
        out[q + 2] = palette[index * 3 + 2] as number;
      } else if (bits === 24) {
        const p = srcRow + x * 3;
        out[q] = bytes[p + 2] as number;
        out[q + 1] = bytes[p + 1] as number;
        out[q + 2] = bytes[p] as number;
      } else {
        const value =
          bits === 16 ? view.getUint16(srcRow + x * 2, true) : view.getUint32(srcRow + x * 4, true);
        for (let c = 0; c < channels; c++) {
          const { shift, max } = fields[c] as { shift: number; max: number };
          const v = max === 0 ? 0 : (value >>> shift) & max;
          // Pillow's BGR;15/16 unpackers scale 5/6-bit fields by bit replication like this.
          out[q + c] = max === 255 ? v : Math.floor((v * 255) / max);
        }
      }
    }
  }
  return { width, height, channels, data: out };
}

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeToRgb, InferenceError, probeImage } from '../src/index.ts';
import { tempDir } from './helpers.ts';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A 100-byte PNG that claims to be 100,000 × 100,000 pixels: a decompression bomb's header. */
function bombPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function reason(input: string | Buffer, maxPixels?: number) {
  const error = await decodeToRgb(input, maxPixels ? { maxPixels } : {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InferenceError);
  return error as InferenceError;
}

describe('bad files fail with a readable, typed reason', () => {
  it('refuses a decompression bomb from its header, before decoding', async () => {
    const error = await reason(bombPng());
    expect(error.code).toBe('IMAGE_TOO_LARGE');
    expect(error.message).toMatch(/more pixels than the limit/);
    await expect(probeImage(bombPng())).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
  });

  it('applies a configured pixel limit', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#808080' },
    })
      .png()
      .toBuffer();
    expect((await reason(png, 1000)).code).toBe('IMAGE_TOO_LARGE');
    expect((await decodeToRgb(png, { maxPixels: 1200 })).width).toBe(40);
  });

  it('reports truncated and corrupt images as CORRUPT_IMAGE', async () => {
    const jpeg = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    expect((await reason(jpeg.subarray(0, jpeg.length / 2))).code).toBe('CORRUPT_IMAGE');
    const png = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    const garbled = Buffer.from(png);
    garbled.fill(0x55, 40, 80);
    expect((await reason(garbled)).code).toBe('CORRUPT_IMAGE');
  });

  it('reports text and unknown formats as UNSUPPORTED_IMAGE', async () => {
    const dir = tempDir('bad');
    const file = path.join(dir, 'notes.png');
    writeFileSync(file, 'these are not pixels');
    const error = await reason(file);
    expect(error.code).toBe('UNSUPPORTED_IMAGE');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await reason(svg)).code).toBe('UNSUPPORTED_IMAGE');
  });

  it('reports a compressed BMP as unsupported and a truncated one as corrupt', async () => {
    const header = Buffer.alloc(54);
    header.write('BM', 0, 'latin1');
    header.writeUInt32LE(54, 10);
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(4, 18);
    header.writeInt32LE(4, 22);
    header.writeUInt16LE(8, 28);
    header.writeUInt32LE(1, 30); // RLE8
    expect((await reason(header)).code).toBe('UNSUPPORTED_IMAGE');
    header.writeUInt16LE(24, 28);
    header.writeUInt32LE(0, 30);
    expect((await reason(header)).code).toBe('CORRUPT_IMAGE');
  });
});

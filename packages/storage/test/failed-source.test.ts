import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '../src/index.ts';

// A body stream that failed, or closed early, before put() got to it (a corrupt ZIP entry whose
// inflate fails at once; a client that hangs up) must make put() fail, not wait forever.

const root = mkdtempSync(path.join(tmpdir(), 'twinspect-failed-source-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('put() with a source that is already done for', () => {
  it('rejects when the source errored before put() was called', async () => {
    const source = new PassThrough();
    source.on('error', () => {});
    source.destroy(new Error('invalid stored block lengths'));
    await new Promise((r) => setImmediate(r));
    await expect(new LocalStorage(root).put('a/errored', source)).rejects.toThrow(
      /invalid stored block lengths/,
    );
  });

  it('rejects when the source closed without ending', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from('half'));
    source.destroy();
    await new Promise((r) => setImmediate(r));
    await expect(new LocalStorage(root).put('a/closed', source)).rejects.toThrow(
      /premature close/i,
    );
  });

  it('rejects when the source fails midway, and leaves no partial file', async () => {
    const source = new PassThrough();
    const put = new LocalStorage(root).put('a/midway', source);
    source.write(Buffer.alloc(1000));
    setTimeout(() => source.destroy(new Error('connection reset')), 20);
    await expect(put).rejects.toThrow(/connection reset/);
    expect(readdirSync(path.join(root, 'a')).filter((f) => f.startsWith('midway'))).toEqual([]);
  });
});

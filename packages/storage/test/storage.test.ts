import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage, S3Storage, type Storage, StorageError } from '../src/index.ts';

// The same contract for both implementations. S3 runs against s3rver, a real S3-protocol HTTP
// server (the AWS SDK signs and streams exactly as it would against AWS or MinIO).

const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `twinspect-storage-${name}-`));

let s3rver: S3rver;
let s3Endpoint: string;

beforeAll(async () => {
  s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: temp('s3rver'),
    configureBuckets: [{ name: 'twinspect-test', configs: [] }],
  });
  const { port } = (await s3rver.run()) as { port: number };
  s3Endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await s3rver?.close();
});

const implementations: [string, () => Storage][] = [
  ['local disk', () => new LocalStorage(temp('local'))],
  [
    'S3',
    () =>
      new S3Storage({
        bucket: 'twinspect-test',
        prefix: 'run/',
        clientConfig: {
          endpoint: s3Endpoint,
          region: 'us-east-1',
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        },
      }),
  ],
];

describe.each(implementations)('%s storage', (_name, make) => {
  it('stores a stream and returns its size and sha256', async () => {
    const storage = make();
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    bytes.write('hello', 100);
    const result = await storage.put(
      'originals/org/img-1',
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
    );
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await storage.exists('originals/org/img-1')).toBe(true);
    expect((await storage.get('originals/org/img-1')).equals(bytes)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of await storage.stream('originals/org/img-1')) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('cuts off a body over the size limit and stores nothing', async () => {
    const storage = make();
    const error = await storage
      .put('uploads/too-big', Readable.from([Buffer.alloc(600_000), Buffer.alloc(600_000)]), {
        maxBytes: 1_000_000,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('TOO_LARGE');
    expect(await storage.exists('uploads/too-big')).toBe(false);
  });

  it('reports a missing object as NOT_FOUND, and deletes', async () => {
    const storage = make();
    await expect(storage.get('nothing/here')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await storage.put('a/b', Buffer.from('x'));
    await storage.delete('a/b');
    expect(await storage.exists('a/b')).toBe(false);
  });

  it('refuses keys that could leave the root', async () => {
    const storage = make();
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '.hidden', 'a/./b', '']) {
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toMatchObject({
        code: 'INVALID_KEY',
      });
    }
  });
});

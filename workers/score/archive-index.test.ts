import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStorage } from '@twinspect/storage';
import { describe, expect, it } from 'vitest';
import { ArchiveIndex, ArchiveIndexCache } from './archive-index.ts';

const dim = 16;
function vectors(n: number, seed: number) {
  let s = seed;
  const data = new Float32Array(n * dim);
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2 ** 32 - 0.5;
  }
  return { data, rows: n, dim };
}
const ids = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`,
  );

describe('[SCORE] archive ANN index', () => {
  it('finds nearest archive images, leaving out the set’s own', () => {
    const index = new ArchiveIndex(dim);
    const archive = vectors(300, 1);
    index.add(ids(300), archive);
    index.add(ids(300), archive); // already in: skipped
    expect(index.size).toBe(300);
    const query = { data: archive.data.slice(5 * dim, 6 * dim), rows: 1, dim };
    expect(index.search(query, 3, new Set())[0]?.[0]).toBe(5);
    const without = index.search(query, 3, new Set([ids(1, 5)[0] as string]))[0] ?? [];
    expect(without).toHaveLength(3);
    expect(without).not.toContain(5);
  });

  it('is saved to storage and restored by a fresh worker, instead of being rebuilt', async () => {
    const storage = new LocalStorage(mkdtempSync(path.join(tmpdir(), 'twinspect-ann-')));
    const index = new ArchiveIndex(dim);
    index.add(ids(500), vectors(500, 2));
    const prefix = ArchiveIndexCache.prefix('org', 'model');
    await index.saveSnapshot(storage, prefix);
    expect(index.addedSinceSnapshot).toBe(0);

    const restored = await new ArchiveIndexCache(storage).get('org', 'model', dim);
    expect(restored.size).toBe(500);
    expect(restored.imageIds).toEqual(index.imageIds);
    const queries = vectors(10, 3);
    expect(restored.search(queries, 5, new Set())).toEqual(index.search(queries, 5, new Set()));
    // A snapshot for another embedding size is not used.
    expect((await new ArchiveIndexCache(storage).get('org', 'model', dim * 2)).size).toBe(0);
  });
});

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Embeddings, fromBytes } from '@twinspect/inference';
import type { PrismaClient } from '@twinspect/prisma';
import { type Storage, StorageError } from '@twinspect/storage';
import type { Index } from 'usearch';

// usearch's ESM build finds its native binary from a stack trace, which breaks under bundlers
// and test transforms; its CommonJS build uses __dirname and always works.
const usearch = createRequire(import.meta.url)('usearch') as typeof import('usearch');

/**
 * An organization's archive of embeddings (one model version) behind an HNSW index (usearch,
 * chosen by measurement: see bench/archive-search.ts and the README). Kept per worker process and
 * topped up incrementally from the Embedding table, so a 1,000,000-image archive is read once,
 * not per job. Cosine distance: the head compares L2-normalised embeddings.
 */
export class ArchiveIndex {
  readonly index: Index;
  readonly imageIds: string[] = [];
  private readonly known = new Set<string>();
  /** Embedding rows newer than this are not in the index yet. */
  private syncedUntil = new Date(0);
  /** Images added since the last snapshot was saved. */
  addedSinceSnapshot = 0;

  constructor(readonly dim: number) {
    this.index = new usearch.Index({
      dimensions: dim,
      metric: usearch.MetricKind.Cos,
      quantization: usearch.ScalarKind.F32,
      connectivity: 16,
      expansion_add: 128,
      expansion_search: 128,
      multi: false,
    });
  }

  get size(): number {
    return this.imageIds.length;
  }

  /** Adds embeddings (skipping images already in). */
  add(imageIds: string[], e: Embeddings): void {
    const fresh: number[] = [];
    imageIds.forEach((id, r) => {
      if (!this.known.has(id)) fresh.push(r);
    });
    if (fresh.length === 0) return;
    const start = this.imageIds.length;
    const keys = new BigUint64Array(fresh.length);
    const added = new Float32Array(fresh.length * this.dim);
    fresh.forEach((r, k) => {
      const id = imageIds[r] as string;
      this.known.add(id);
      this.imageIds.push(id);
      keys[k] = BigInt(start + k);
      added.set(e.data.subarray(r * e.dim, (r + 1) * e.dim), k * this.dim);
    });
    // The index keeps its own copy; candidates' vectors are read back from the database when
    // rescored, so a 1,000,000-image archive costs one copy in memory, not two.
    this.index.add(keys, added);
    this.addedSinceSnapshot += fresh.length;
  }

  /**
   * Saves the index to storage (`indexes/<orgId>/<modelVersionId>/`), so a restarted worker
   * reloads a 1,000,000-image archive in seconds instead of rebuilding it (minutes of CPU).
   */
  async saveSnapshot(storage: Storage, prefix: string): Promise<void> {
    const dir = await mkdtemp(path.join(tmpdir(), 'twinspect-ann-'));
    try {
      const file = path.join(dir, 'index.usearch');
      this.index.save(file);
      await storage.put(`${prefix}/index.usearch`, createReadStream(file));
      const meta = {
        dim: this.dim,
        syncedUntil: this.syncedUntil.toISOString(),
        imageIds: this.imageIds,
      };
      await storage.put(`${prefix}/meta.json`, Buffer.from(JSON.stringify(meta)));
      this.addedSinceSnapshot = 0;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The saved snapshot, or null when there is none (or it does not fit this model). */
  static async loadSnapshot(
    storage: Storage,
    prefix: string,
    dim: number,
  ): Promise<ArchiveIndex | null> {
    let meta: { dim: number; syncedUntil: string; imageIds: string[] };
    try {
      meta = JSON.parse((await storage.get(`${prefix}/meta.json`)).toString('utf8'));
    } catch (error) {
      if (error instanceof StorageError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
    if (meta.dim !== dim) return null;
    const dir = await mkdtemp(path.join(tmpdir(), 'twinspect-ann-'));
    try {
      const file = path.join(dir, 'index.usearch');
      await pipeline(await storage.stream(`${prefix}/index.usearch`), createWriteStream(file));
      const loaded = new ArchiveIndex(dim);
      loaded.index.load(file);
      if (loaded.index.size() !== meta.imageIds.length) return null;
      loaded.imageIds.push(...meta.imageIds);
      for (const id of meta.imageIds) loaded.known.add(id);
      loaded.syncedUntil = new Date(meta.syncedUntil);
      return loaded;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Pulls embeddings written since the last sync (other workers' sets included). */
  async sync(
    prisma: PrismaClient,
    orgId: string,
    modelVersionId: string,
    pageSize = 20_000,
  ): Promise<void> {
    // Slack: rows committed late with an earlier createdAt are caught; duplicates are skipped.
    let since = new Date(this.syncedUntil.getTime() - 60_000);
    for (;;) {
      const rows = await prisma.embedding.findMany({
        where: { orgId, modelVersionId, createdAt: { gte: since }, image: { status: 'READY' } },
        select: { imageId: true, vector: true, createdAt: true },
        orderBy: [{ createdAt: 'asc' }, { imageId: 'asc' }],
        take: pageSize,
      });
      if (rows.length === 0) break;
      const data = new Float32Array(rows.length * this.dim);
      for (const [i, r] of rows.entries()) data.set(fromBytes(r.vector), i * this.dim);
      this.add(
        rows.map((r) => r.imageId),
        { data, rows: rows.length, dim: this.dim },
      );
      const last = rows[rows.length - 1]?.createdAt as Date;
      if (last > this.syncedUntil) this.syncedUntil = last;
      if (rows.length < pageSize) break;
      // Same-timestamp rows beyond a page boundary are re-read, never skipped.
      since = last.getTime() === since.getTime() ? new Date(last.getTime() + 1) : last;
    }
  }

  /**
   * The `k` nearest archive images of each query row, leaving out `exclude` (the set's own
   * images). Returns archive row numbers per query.
   */
  search(queries: Embeddings, k: number, exclude: Set<string>): number[][] {
    if (this.size === 0) return Array.from({ length: queries.rows }, () => []);
    const out: number[][] = [];
    for (let q = 0; q < queries.rows; q++) {
      const query = queries.data.subarray(q * this.dim, (q + 1) * this.dim);
      // Ask for a few more than k, and more again while the set's own images crowd them out.
      let want = Math.min(this.size, k + Math.min(exclude.size, k));
      let rows: number[] = [];
      for (;;) {
        const matches = this.index.search(query, want, 0);
        rows = [];
        for (const key of matches.keys) {
          const r = Number(key);
          if (!exclude.has(this.imageIds[r] as string)) rows.push(r);
          if (rows.length === k) break;
        }
        if (rows.length === k || want >= this.size) break;
        want = Math.min(this.size, want * 2);
      }
      out.push(rows);
    }
    return out;
  }
}

/** One index per organization and model version in this process, restored from its snapshot. */
export class ArchiveIndexCache {
  private readonly indexes = new Map<string, Promise<ArchiveIndex>>();

  constructor(private readonly storage?: Storage) {}

  static prefix(orgId: string, modelVersionId: string): string {
    return `indexes/${orgId}/${modelVersionId}`;
  }

  get(orgId: string, modelVersionId: string, dim: number): Promise<ArchiveIndex> {
    const key = `${orgId}/${modelVersionId}`;
    let index = this.indexes.get(key);
    if (!index) {
      const storage = this.storage;
      index = (async () =>
        (storage
          ? await ArchiveIndex.loadSnapshot(
              storage,
              ArchiveIndexCache.prefix(orgId, modelVersionId),
              dim,
            )
          : null) ?? new ArchiveIndex(dim))();
      index.catch(() => this.indexes.delete(key));
      this.indexes.set(key, index);
    }
    return index;
  }
}

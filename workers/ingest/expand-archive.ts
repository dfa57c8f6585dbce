import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline as streamPipeline, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import type { TIngestArchiveJob, TIngestResult } from '@twinspect/jobs';
import { StorageError, storageKeys } from '@twinspect/storage';
import { recountSetImages } from '@twinspect/uploads';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { WorkerDeps } from '../shared/deps.ts';
import { deterministicUuid } from '../shared/deterministic-id.ts';
import { scoreWhenIngested } from '../shared/set-progress.ts';
import { type EntryPlan, planEntry } from './zip-entries.ts';

const ZIP_OPTIONS = {
  lazyEntries: true,
  decodeStrings: false,
  validateEntrySizes: true,
  strictFileNames: false,
  autoClose: false,
} as const;

/**
 * An uploaded ZIP: each entry becomes an image of the set. Entries are planned from the central
 * directory first (limits, unsafe names), rows are created in one transaction with ids derived
 * from (archive, entry index), then entries are streamed into storage one by one and handed to
 * `ingest image` jobs. A retry after a crash re-creates nothing and extracts only what is missing.
 */
export async function expandArchive(
  deps: WorkerDeps,
  job: TIngestArchiveJob,
): Promise<TIngestResult> {
  const { prisma, storage, settings } = deps;
  const work = await mkdtemp(path.join(tmpdir(), 'twinspect-zip-'));
  try {
    const file = path.join(work, 'upload.zip');
    try {
      await pipeline(await storage.stream(job.archiveKey), createWriteStream(file));
    } catch (error) {
      if (error instanceof StorageError && error.code === 'NOT_FOUND') {
        return failWholeArchive(deps, job, 'the uploaded ZIP is missing');
      }
      throw error;
    }

    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(file, ZIP_OPTIONS);
    } catch (error) {
      return failWholeArchive(
        deps,
        job,
        `not a readable ZIP archive (${(error as Error).message})`,
      );
    }
    if (zip.entryCount > settings.zipMaxEntries) {
      zip.close();
      return failWholeArchive(
        deps,
        job,
        `ZIP has ${zip.entryCount} entries, over the limit of ${settings.zipMaxEntries}`,
      );
    }

    // Pass 1: the plan, from the central directory only.
    const limits = { maxEntryBytes: settings.maxUploadBytes, maxRatio: settings.zipMaxRatio };
    const plans: {
      index: number;
      imageId: string;
      plan: Exclude<EntryPlan, { action: 'skip' }>;
    }[] = [];
    let declaredTotal = 0;
    let index = 0;
    // Entries that share file data (an overlapping-entries bomb inflates one small stream many
    // times over) are refused: each entry must have its own local header.
    const localHeaders = new Set<number>();
    try {
      for await (const entry of zip.eachEntry()) {
        const i = index++;
        let plan = planEntry(entry, limits);
        if (plan.action === 'skip') continue;
        if (localHeaders.has(entry.relativeOffsetOfLocalHeader)) {
          plan = {
            action: 'reject',
            name: plan.name,
            reason: 'entry overlaps another entry of the ZIP: refused as a ZIP bomb',
          };
        }
        localHeaders.add(entry.relativeOffsetOfLocalHeader);
        if (plan.action === 'extract') {
          declaredTotal += entry.uncompressedSize;
          if (declaredTotal > settings.zipMaxTotalBytes) {
            plan = {
              action: 'reject',
              name: plan.name,
              reason: `the ZIP expands to more than ${settings.zipMaxTotalBytes} bytes: entry refused`,
            };
          }
        }
        plans.push({ index: i, imageId: deterministicUuid(job.setId, job.archiveKey, i), plan });
      }
    } catch (error) {
      zip.close();
      return failWholeArchive(deps, job, `corrupt ZIP archive (${(error as Error).message})`);
    }
    zip.close();
    // Nothing but folders and OS metadata: say so, or the upload would vanish without a trace.
    if (plans.length === 0) return failWholeArchive(deps, job, 'the ZIP contains no images');

    const displayName = (name: string) => `${job.archiveName}/${name}`;
    // Rows for every entry at once; ids derived from the entry, so a retry inserts nothing new.
    const base = { orgId: job.orgId, setId: job.setId, uploadedById: job.uploadedById };
    await prisma.image.createMany({
      skipDuplicates: true,
      data: plans.map((p) =>
        p.plan.action === 'reject'
          ? {
              ...base,
              id: p.imageId,
              originalName: displayName(p.plan.name),
              status: 'FAILED' as const,
              error: p.plan.reason,
              ingestedAt: new Date(),
            }
          : {
              ...base,
              id: p.imageId,
              originalName: displayName(p.plan.name),
              status: 'PENDING' as const,
            },
      ),
    });
    await recountSetImages(prisma, job.setId);

    // Pass 2: stream the accepted entries that are not stored yet.
    const todo = new Map(
      plans.filter((p) => p.plan.action === 'extract').map((p) => [p.index, p.imageId]),
    );
    const pending = await prisma.image.findMany({
      where: { id: { in: [...todo.values()] }, status: 'PENDING', storageKey: null },
      select: { id: true },
    });
    const pendingIds = new Set(pending.map((p) => p.id));
    const stored: string[] = [];
    zip = await yauzl.openPromise(file, ZIP_OPTIONS);
    try {
      index = 0;
      for await (const entry of zip.eachEntry()) {
        const imageId = todo.get(index++);
        if (!imageId) continue;
        if (!pendingIds.has(imageId)) {
          stored.push(imageId); // stored by an earlier attempt; its ingest job may need a nudge
          continue;
        }
        const outcome = await extractEntry(deps, zip, entry, job, imageId);
        if (outcome === 'stored') stored.push(imageId);
      }
    } finally {
      zip.close();
    }
    for (const imageId of stored) {
      await deps.producer.enqueueIngest({
        kind: 'image',
        orgId: job.orgId,
        setId: job.setId,
        imageId,
      });
    }
    await scoreWhenIngested(deps, job.setId);
    return { kind: 'archive', images: stored.length, rejected: plans.length - todo.size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function extractEntry(
  deps: WorkerDeps,
  zip: ZipFile,
  entry: Entry,
  job: TIngestArchiveJob,
  imageId: string,
): Promise<'stored' | 'failed'> {
  const { prisma, storage, settings } = deps;
  const key = storageKeys.original(job.orgId, imageId);
  // The declared sizes passed the plan; this guards the bytes actually inflated, and that they
  // match the declared size.
  const limit = Math.min(
    settings.maxUploadBytes,
    Math.max(1, entry.compressedSize) * settings.zipMaxRatio,
  );
  let inflated = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      inflated += chunk.length;
      if (inflated > limit)
        callback(new Error(`entry inflates past ${limit} bytes: refused as a ZIP bomb`));
      else if (inflated > entry.uncompressedSize)
        callback(new Error('entry is larger than the ZIP declares'));
      else callback(null, chunk);
    },
    flush(callback) {
      callback(
        inflated === entry.uncompressedSize
          ? null
          : new Error('entry is shorter than the ZIP declares'),
      );
    },
  });
  try {
    // Inflate here rather than in yauzl: its inflate stream re-emits errors through
    // setImmediate, and a corrupt entry could surface one after the pipe had moved on, as an
    // uncaught 'error' that killed the whole worker. pipeline() owns every stage's errors.
    const compressed = entry.isCompressed();
    const raw = await zip.openReadStreamPromise(entry, compressed ? { decompress: false } : {});
    const done = () => {
      // The error (if any) reaches storage.put through `guard`, which pipeline destroys with it.
    };
    if (compressed) streamPipeline(raw, createInflateRaw(), guard, done);
    else streamPipeline(raw, guard, done);
    const result = await storage.put(key, guard, {
      maxBytes: settings.maxUploadBytes,
    });
    await prisma.image.update({
      where: { id: imageId },
      data: { storageKey: key, contentHash: result.sha256, byteSize: result.bytes },
    });
    return 'stored';
  } catch (error) {
    if (error instanceof StorageError && error.code !== 'TOO_LARGE') throw error;
    const reason = `cannot extract from ZIP: ${(error as Error).message}`;
    await prisma.image.updateMany({
      where: { id: imageId, status: 'PENDING' },
      data: { status: 'FAILED', error: reason, ingestedAt: new Date() },
    });
    return 'failed';
  }
}

/**
 * The expansion ran out of retries. Its entries must not stay PENDING forever, or the set is never
 * scored: an entry not yet extracted fails with the reason; one already in storage is handed to
 * its ingest job (idempotent job id, so a job already queued is not doubled). If no entry row was
 * created at all, the archive itself fails as one image, as any unusable ZIP does.
 */
export async function failArchiveExpansion(
  deps: WorkerDeps,
  job: TIngestArchiveJob,
  reason: string,
): Promise<void> {
  const { prisma, settings } = deps;
  const ids = new Set(
    Array.from({ length: settings.zipMaxEntries }, (_, i) =>
      deterministicUuid(job.setId, job.archiveKey, i),
    ),
  );
  const rows = await prisma.image.findMany({
    where: {
      setId: job.setId,
      orgId: job.orgId,
      originalName: { startsWith: `${job.archiveName}/` },
    },
    select: { id: true, status: true, storageKey: true },
  });
  const entries = rows.filter((r) => ids.has(r.id));
  if (entries.length === 0) {
    await failWholeArchive(deps, job, reason);
    return;
  }
  const pending = entries.filter((e) => e.status === 'PENDING');
  await prisma.image.updateMany({
    where: { id: { in: pending.filter((e) => !e.storageKey).map((e) => e.id) }, status: 'PENDING' },
    data: { status: 'FAILED', error: reason, ingestedAt: new Date() },
  });
  for (const entry of pending.filter((e) => e.storageKey)) {
    await deps.producer.enqueueIngest({
      kind: 'image',
      orgId: job.orgId,
      setId: job.setId,
      imageId: entry.id,
    });
  }
  await scoreWhenIngested(deps, job.setId);
}

/** The whole upload is unusable: one FAILED image carrying the reason, so the editor sees it. */
async function failWholeArchive(
  deps: WorkerDeps,
  job: TIngestArchiveJob,
  reason: string,
): Promise<TIngestResult> {
  const id = deterministicUuid(job.setId, job.archiveKey, 'archive');
  await deps.prisma.image.createMany({
    skipDuplicates: true,
    data: [
      {
        id,
        orgId: job.orgId,
        setId: job.setId,
        originalName: job.archiveName,
        status: 'FAILED',
        error: reason,
        uploadedById: job.uploadedById,
        ingestedAt: new Date(),
      },
    ],
  });
  await scoreWhenIngested(deps, job.setId);
  return { kind: 'archive', images: 0, rejected: 1 };
}

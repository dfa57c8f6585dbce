import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Producer, TIngestJob } from '@twinspect/jobs';
import type { Prisma, PrismaClient } from '@twinspect/prisma';
import { type Storage, StorageError, storageKeys } from '@twinspect/storage';
import { recountSetImages } from './set-counters.ts';

export interface UploadDeps {
  prisma: PrismaClient;
  storage: Storage;
  producer: Producer;
}

export interface UploadTarget {
  orgId: string;
  setId: string;
  uploadedById: string | null;
}

export interface UploadFile {
  /** The client's file name (a path inside a folder upload is fine); shown, never used as a path. */
  fileName: string;
  body: Readable | Buffer;
  maxBytes: number;
}

export type UploadInput = UploadTarget & UploadFile;

/** A file in storage, not yet recorded in the set. */
export type StoredUpload =
  | { kind: 'image'; id: string; name: string; key: string; sha256: string; bytes: number }
  | { kind: 'archive'; name: string; key: string }
  | { kind: 'failed'; id: string; name: string; reason: string };

export type UploadOutcome =
  | { kind: 'image'; imageId: string; status: 'PENDING' | 'FAILED'; error?: string }
  | { kind: 'archive'; archiveKey: string; status: 'PENDING' | 'FAILED'; error?: string };

export function isZipName(fileName: string): boolean {
  return path.extname(fileName).toLowerCase() === '.zip';
}

function displayName(fileName: string): string {
  const printable = [...fileName].filter((c) => c >= ' ' && c !== '\u007f').join('');
  return printable.replace(/\\/g, '/').replace(/^\/+/, '').slice(-500) || '(unnamed)';
}

/**
 * Streams one uploaded file into storage (hashed, cut off at `maxBytes` on the way). Nothing is
 * recorded yet: a request that dies mid-stream leaves no half-image in the set.
 */
export async function storeUpload(
  storage: Storage,
  target: UploadTarget,
  file: UploadFile,
): Promise<StoredUpload> {
  const name = displayName(file.fileName);
  const id = randomUUID();
  const zip = isZipName(name);
  const key = zip
    ? storageKeys.upload(target.orgId, target.setId, `${id}.zip`)
    : storageKeys.original(target.orgId, id);
  try {
    const stored = await storage.put(key, file.body, {
      maxBytes: file.maxBytes,
      ...(zip ? { contentType: 'application/zip' } : {}),
    });
    return zip
      ? { kind: 'archive', name, key }
      : { kind: 'image', id, name, key, sha256: stored.sha256, bytes: stored.bytes };
  } catch (error) {
    if (!(error instanceof StorageError && error.code === 'TOO_LARGE')) throw error;
    return {
      kind: 'failed',
      id,
      name,
      reason: `${name} is larger than the upload limit of ${file.maxBytes} bytes`,
    };
  }
}

/**
 * Records stored files as images of the set in one statement, recounts the set, and queues their
 * ingest (ZIPs are expanded by the ingest worker). One round of database work per request, not
 * per file. A file over the limit still appears in the set, FAILED with the reason.
 */
export async function recordUploads(
  deps: UploadDeps,
  target: UploadTarget,
  stored: StoredUpload[],
): Promise<UploadOutcome[]> {
  const { prisma, producer } = deps;
  const rows = stored.flatMap((s): Prisma.ImageCreateManyInput[] => {
    const base = {
      orgId: target.orgId,
      setId: target.setId,
      uploadedById: target.uploadedById,
      originalName: s.name,
    };
    if (s.kind === 'image') {
      return [{ ...base, id: s.id, storageKey: s.key, contentHash: s.sha256, byteSize: s.bytes }];
    }
    if (s.kind === 'failed') {
      return [{ ...base, id: s.id, status: 'FAILED', error: s.reason, ingestedAt: new Date() }];
    }
    return [];
  });
  if (rows.length > 0) await prisma.image.createMany({ data: rows });
  if (stored.some((s) => s.kind !== 'failed')) {
    await prisma.imageSet.update({ where: { id: target.setId }, data: { status: 'INGESTING' } });
  }
  await recountSetImages(prisma, target.setId);
  const jobs: TIngestJob[] = stored.flatMap((s): TIngestJob[] => {
    if (s.kind === 'image')
      return [{ kind: 'image', orgId: target.orgId, setId: target.setId, imageId: s.id }];
    if (s.kind === 'archive') {
      return [
        {
          kind: 'archive',
          orgId: target.orgId,
          setId: target.setId,
          archiveKey: s.key,
          archiveName: s.name,
          uploadedById: target.uploadedById,
        },
      ];
    }
    return [];
  });
  await producer.enqueueIngestMany(jobs);
  return stored.map((s): UploadOutcome => {
    if (s.kind === 'image') return { kind: 'image', imageId: s.id, status: 'PENDING' };
    if (s.kind === 'archive') return { kind: 'archive', archiveKey: s.key, status: 'PENDING' };
    return isZipName(s.name)
      ? { kind: 'archive', archiveKey: '', status: 'FAILED', error: s.reason }
      : { kind: 'image', imageId: s.id, status: 'FAILED', error: s.reason };
  });
}

/** One file, stored and recorded: the demo seed and scripts use this. */
export async function addUpload(deps: UploadDeps, input: UploadInput): Promise<UploadOutcome> {
  const stored = await storeUpload(deps.storage, input, input);
  const [outcome] = await recordUploads(deps, input, [stored]);
  return outcome as UploadOutcome;
}

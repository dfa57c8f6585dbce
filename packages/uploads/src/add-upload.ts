import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Producer } from '@twinspect/jobs';
import type { PrismaClient } from '@twinspect/prisma';
import { type Storage, StorageError, storageKeys } from '@twinspect/storage';

export interface UploadDeps {
  prisma: PrismaClient;
  storage: Storage;
  producer: Producer;
}

export interface UploadInput {
  orgId: string;
  setId: string;
  uploadedById: string | null;
  /** The client's file name (a path inside a folder upload is fine); shown, never used as a path. */
  fileName: string;
  body: Readable | Buffer;
  maxBytes: number;
}

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
 * One uploaded file into a set. The bytes are streamed into storage first (hashed and cut off at
 * `maxBytes` on the way); only then is the image row created and its ingest enqueued, so a
 * request that dies mid-stream leaves no half-image in the set. A ZIP is stored whole and
 * expanded by the ingest worker.
 */
export async function addUpload(deps: UploadDeps, input: UploadInput): Promise<UploadOutcome> {
  const { prisma, storage, producer } = deps;
  const name = displayName(input.fileName);
  const id = randomUUID();
  if (isZipName(name)) {
    const archiveKey = storageKeys.upload(input.orgId, input.setId, `${id}.zip`);
    try {
      await storage.put(archiveKey, input.body, {
        maxBytes: input.maxBytes,
        contentType: 'application/zip',
      });
    } catch (error) {
      if (!(error instanceof StorageError && error.code === 'TOO_LARGE')) throw error;
      const reason = `${name} is larger than the upload limit of ${input.maxBytes} bytes`;
      await recordFailedUpload(prisma, input, id, name, reason);
      return { kind: 'archive', archiveKey, status: 'FAILED', error: reason };
    }
    await prisma.imageSet.update({ where: { id: input.setId }, data: { status: 'INGESTING' } });
    await producer.enqueueIngest({
      kind: 'archive',
      orgId: input.orgId,
      setId: input.setId,
      archiveKey,
      archiveName: name,
      uploadedById: input.uploadedById,
    });
    return { kind: 'archive', archiveKey, status: 'PENDING' };
  }

  const key = storageKeys.original(input.orgId, id);
  let stored: { bytes: number; sha256: string };
  try {
    stored = await storage.put(key, input.body, { maxBytes: input.maxBytes });
  } catch (error) {
    if (!(error instanceof StorageError && error.code === 'TOO_LARGE')) throw error;
    const reason = `file is larger than the upload limit of ${input.maxBytes} bytes`;
    await recordFailedUpload(prisma, input, id, name, reason);
    return { kind: 'image', imageId: id, status: 'FAILED', error: reason };
  }
  await recordImage(prisma, input, id, name, {
    storageKey: key,
    contentHash: stored.sha256,
    byteSize: stored.bytes,
  });
  await producer.enqueueIngest({
    kind: 'image',
    orgId: input.orgId,
    setId: input.setId,
    imageId: id,
  });
  return { kind: 'image', imageId: id, status: 'PENDING' };
}

/** Too large: the editor still sees the file in the set, FAILED with the reason. */
function recordFailedUpload(
  prisma: PrismaClient,
  input: UploadInput,
  id: string,
  name: string,
  reason: string,
) {
  return recordImage(prisma, input, id, name, {
    status: 'FAILED',
    error: reason,
    ingestedAt: new Date(),
  });
}

/** The image row and the set's counters, in one transaction. */
async function recordImage(
  prisma: PrismaClient,
  input: UploadInput,
  id: string,
  name: string,
  fields:
    | { storageKey: string; contentHash: string; byteSize: number }
    | { status: 'FAILED'; error: string; ingestedAt: Date },
) {
  const failed = 'status' in fields;
  await prisma.$transaction([
    prisma.image.create({
      data: {
        id,
        orgId: input.orgId,
        setId: input.setId,
        originalName: name,
        uploadedById: input.uploadedById,
        ...fields,
      },
    }),
    prisma.imageSet.update({
      where: { id: input.setId },
      data: failed
        ? { imagesTotal: { increment: 1 }, imagesFailed: { increment: 1 } }
        : { imagesTotal: { increment: 1 }, status: 'INGESTING' },
    }),
  ]);
}

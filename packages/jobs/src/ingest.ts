import { z } from 'zod';

/**
 * `ingest` jobs. Payloads carry ids and storage keys, never bytes: the original is already in
 * storage (the API streamed it there) and the Image row exists.
 */

/** One uploaded file → one image: decode, hash, renditions, READY or FAILED. */
export const ZIngestImageJob = z.object({
  kind: z.literal('image'),
  orgId: z.uuid(),
  setId: z.uuid(),
  imageId: z.uuid(),
});

/** An uploaded ZIP: validate and expand it into images, then one `image` job per entry. */
export const ZIngestArchiveJob = z.object({
  kind: z.literal('archive'),
  orgId: z.uuid(),
  setId: z.uuid(),
  /** Storage key of the uploaded ZIP. */
  archiveKey: z.string().min(1),
  /** The name the ZIP was uploaded under (for readable image names). */
  archiveName: z.string().min(1),
  uploadedById: z.uuid().nullable(),
});

export const ZIngestJob = z.discriminatedUnion('kind', [ZIngestImageJob, ZIngestArchiveJob]);

export type TIngestImageJob = z.infer<typeof ZIngestImageJob>;
export type TIngestArchiveJob = z.infer<typeof ZIngestArchiveJob>;
export type TIngestJob = z.infer<typeof ZIngestJob>;

export type TIngestResult =
  | {
      kind: 'image';
      imageId: string;
      status: 'READY' | 'FAILED';
      error?: string;
      duplicateOfId?: string;
    }
  | { kind: 'archive'; images: number; rejected: number };

/**
 * Deterministic job ids: enqueueing the same work twice (a retried upload request, a re-run
 * archive expansion) adds nothing while the first job is known to the queue.
 */
export const ingestJobId = (job: TIngestJob): string =>
  job.kind === 'image'
    ? `ingest-image-${job.imageId}`
    : `ingest-archive-${job.setId}-${hashKey(job.archiveKey)}`;

function hashKey(key: string): string {
  // FNV-1a: short and stable; the key itself may contain characters BullMQ ids should not.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

import type { PrismaClient } from '@twinspect/prisma';
import { recountSetImages } from '@twinspect/uploads';
import type { WorkerDeps } from './deps.ts';

/**
 * Moves one image out of PENDING/INGESTING. The WHERE makes it happen at most once per image, so
 * a retried job changes nothing; the set's counters are recounted afterwards (scoreWhenIngested).
 * Returns false when another attempt already finished the image.
 */
export async function finishImage(
  prisma: PrismaClient,
  image: { id: string },
  outcome: { status: 'READY' | 'FAILED'; data: Record<string, unknown> },
): Promise<boolean> {
  const moved = await prisma.image.updateMany({
    where: { id: image.id, status: { in: ['PENDING', 'INGESTING'] } },
    data: { ...outcome.data, status: outcome.status, ingestedAt: new Date() },
  });
  return moved.count > 0;
}

export const SCORE_DEBOUNCE_MS = 1_000;

/**
 * Recounts the set; when every image is ingested or failed, enqueues its scoring. Any ingest job may
 * be the last; the deterministic score job id (set + image count) makes the extra calls no-ops.
 */
export async function scoreWhenIngested(deps: WorkerDeps, setId: string): Promise<string | null> {
  const set = await recountSetImages(deps.prisma, setId);
  if (!set || set.imagesTotal === 0) return null;
  if (set.imagesIngested + set.imagesFailed < set.imagesTotal) return null;
  if (set.imagesIngested === 0) {
    await deps.prisma.imageSet.updateMany({
      where: { id: setId, status: { in: ['EMPTY', 'INGESTING'] } },
      data: { status: 'FAILED', error: 'no image of the set could be read' },
    });
    return null;
  }
  await deps.prisma.imageSet.updateMany({
    where: { id: setId, status: { in: ['EMPTY', 'INGESTING', 'READY', 'FAILED'] } },
    data: { status: 'EMBEDDING', error: null },
  });
  // A short delay: a folder arrives in several upload requests, and a set that looks complete
  // between two of them should not be scored twice (the job skips itself if more came).
  return deps.producer.enqueueScore(
    { orgId: set.orgId, setId, generation: set.imagesTotal },
    { delayMs: SCORE_DEBOUNCE_MS },
  );
}

import type { PrismaClient, PrismaTx } from '@twinspect/prisma';
import type { WorkerDeps } from './deps.ts';

/**
 * Moves one image out of PENDING/INGESTING and counts it, in one transaction: the UPDATE's
 * WHERE makes it happen at most once per image, so a retried job never counts twice.
 * Returns false when another attempt already finished the image.
 */
export async function finishImage(
  tx: PrismaTx,
  image: { id: string; setId: string },
  outcome: { status: 'READY' | 'FAILED'; data: Record<string, unknown> },
): Promise<boolean> {
  const moved = await tx.image.updateMany({
    where: { id: image.id, status: { in: ['PENDING', 'INGESTING'] } },
    data: { ...outcome.data, status: outcome.status, ingestedAt: new Date() },
  });
  if (moved.count === 0) return false;
  await tx.imageSet.update({
    where: { id: image.setId },
    data:
      outcome.status === 'READY'
        ? { imagesIngested: { increment: 1 } }
        : { imagesFailed: { increment: 1 } },
  });
  return true;
}

export const SCORE_DEBOUNCE_MS = 1_000;

/**
 * When every image of the set is ingested or failed, enqueue its scoring. Any ingest job may
 * be the last; the deterministic score job id (set + image count) makes the extra calls no-ops.
 */
export async function scoreWhenIngested(deps: WorkerDeps, setId: string): Promise<string | null> {
  const set = await deps.prisma.imageSet.findUnique({
    where: { id: setId },
    select: { orgId: true, imagesTotal: true, imagesIngested: true, imagesFailed: true },
  });
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

/** Adds images to a set's total (the API on upload, archive expansion). */
export async function addToSetTotal(db: PrismaClient | PrismaTx, setId: string, count: number) {
  if (count === 0) return;
  await db.imageSet.update({
    where: { id: setId },
    data: { imagesTotal: { increment: count }, status: 'INGESTING' },
  });
}

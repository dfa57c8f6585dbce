import type { Model } from '@twinspect/inference';
import { embedImages, row } from '@twinspect/inference';
import { recountSetImages } from '@twinspect/uploads';
import type { WorkerDeps } from '../shared/deps.ts';
import { saveEmbeddings } from './embeddings-store.ts';

/**
 * Embeds the set's READY images that have no embedding for this model version yet, one batch at
 * a time: each batch is committed before the next starts, so a worker killed mid-set resumes
 * after the last committed batch and never embeds an image twice.
 */
export async function embedSetImages(
  deps: WorkerDeps,
  model: Model,
  job: { orgId: string; setId: string },
  modelVersionId: string,
): Promise<number> {
  const { prisma, storage, settings } = deps;
  const missing = await prisma.image.findMany({
    where: {
      setId: job.setId,
      orgId: job.orgId,
      status: 'READY',
      embeddings: { none: { modelVersionId } },
    },
    select: { id: true, storageKey: true },
    orderBy: { id: 'asc' },
  });
  let embedded = 0;
  for (let start = 0; start < missing.length; start += settings.embedBatchSize) {
    const batch = missing.slice(start, start + settings.embedBatchSize);
    const bytes = await Promise.all(batch.map((image) => storage.get(image.storageKey as string)));
    const result = await embedImages(model, bytes, {
      maxPixels: settings.maxPixels,
      batchSize: settings.embedBatchSize,
    });
    await saveEmbeddings(
      prisma,
      result.ok.map((index, r) => ({
        orgId: job.orgId,
        imageId: (batch[index] as { id: string }).id,
        modelVersionId,
        vector: row(result.embeddings, r).slice(),
      })),
    );
    // Decoded at ingest but not now (the original changed or vanished): take it out of the set.
    for (const failure of result.failed) {
      const image = batch[failure.index] as { id: string };
      await prisma.image.updateMany({
        where: { id: image.id, status: 'READY' },
        data: { status: 'FAILED', error: `cannot be scored: ${failure.error.message}` },
      });
    }
    if (result.failed.length > 0) await recountSetImages(prisma, job.setId);
    embedded += result.ok.length;
    await refreshEmbeddedCount(deps, job.setId, modelVersionId);
  }
  return embedded;
}

/** imagesEmbedded is recounted, not incremented: correct after any crash or retry. */
export async function refreshEmbeddedCount(
  deps: WorkerDeps,
  setId: string,
  modelVersionId: string,
) {
  const count = await deps.prisma.embedding.count({
    where: { modelVersionId, image: { setId, status: 'READY' } },
  });
  await deps.prisma.imageSet.update({ where: { id: setId }, data: { imagesEmbedded: count } });
  return count;
}

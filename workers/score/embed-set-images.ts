import {
  decodeToModelInput,
  embed,
  InferenceError,
  type Model,
  normalizeForModel,
  row,
} from '@twinspect/inference';
import { StorageError, storageKeys } from '@twinspect/storage';
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
  const { prisma, settings } = deps;
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
    const prepared = await Promise.all(
      batch.map((image) => modelInput(deps, model, job.orgId, image)),
    );
    const ok = prepared.flatMap((x, index) => (x instanceof Float32Array ? [index] : []));
    const failed = prepared.flatMap((x, index) =>
      x instanceof InferenceError ? [{ index, error: x }] : [],
    );
    const embeddings = await embed(
      model,
      ok.map((index) => prepared[index] as Float32Array),
      {
        batchSize: settings.embedBatchSize,
      },
    );
    const result = { ok, failed, embeddings };
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

/**
 * One image's encoder input: the S×S bytes ingest saved for this model size when there are any
 * (no second decode), else decoded from the original. Both are the same tensor, bit for bit.
 */
async function modelInput(
  deps: WorkerDeps,
  model: Model,
  orgId: string,
  image: { id: string; storageKey: string | null },
): Promise<Float32Array | InferenceError> {
  const spec = model.manifest.input;
  try {
    const bytes = await deps.storage.get(storageKeys.modelInput(orgId, image.id, spec.size));
    if (bytes.length === spec.size * spec.size * 3) return normalizeForModel(bytes, spec);
  } catch (error) {
    if (!(error instanceof StorageError && error.code === 'NOT_FOUND')) throw error;
  }
  try {
    return await decodeToModelInput(
      await deps.storage.get(image.storageKey as string),
      model.manifest,
      {
        maxPixels: deps.settings.maxPixels,
      },
    );
  } catch (error) {
    if (error instanceof InferenceError) return error;
    if (error instanceof StorageError && error.code === 'NOT_FOUND') {
      return new InferenceError('CORRUPT_IMAGE', 'the original is missing from storage');
    }
    throw error;
  }
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

import {
  calibratedVerification,
  extractKeypoints,
  type ImageKeypoints,
  InferenceError,
  type Model,
  type TVerification,
  verifyCandidates,
} from '@twinspect/inference';
import { StorageError } from '@twinspect/storage';
import type { WorkerDeps } from '../shared/deps.ts';
import type { PairRow } from './store-pairs.ts';

/**
 * Geometric verification of the set's candidate pairs (packages/inference verify-candidates.ts):
 * each image's `verifyTopK` best pairs get a verified score and flag. A model whose manifest has
 * no calibrated combination (a retrained version, say) is not verified: its pairs keep the
 * model's score and threshold. Keypoints are read from each original once per job (`cache`).
 */
export async function verifyPairs(
  deps: WorkerDeps,
  model: Model,
  storageKeys: Map<string, string>,
  pairs: PairRow[],
  cache: Map<string, ImageKeypoints | null>,
): Promise<PairRow[]> {
  const verification = calibratedVerification(model.manifest.verification);
  if (!verification || deps.settings.verifyTopK === 0) return pairs;
  const keypointsOf = async (imageId: string) => {
    if (!cache.has(imageId))
      cache.set(imageId, await extract(deps, storageKeys.get(imageId), verification));
    return cache.get(imageId) ?? null;
  };
  const verified = await verifyCandidates(
    pairs.map((p) => ({ a: p.imageAId, b: p.imageBId, score: p.score })),
    keypointsOf,
    verification,
    deps.settings.verifyTopK,
  );
  return verified.map((v) => ({
    imageAId: v.a,
    imageBId: v.b,
    score: v.score,
    modelScore: v.modelScore,
    ...(v.inliers === null ? {} : { inliers: v.inliers }),
    flagged: v.flagged,
  }));
}

/** An original that cannot be read now counts as no geometric evidence, not as a failure. */
async function extract(
  deps: WorkerDeps,
  storageKey: string | undefined,
  params: TVerification,
): Promise<ImageKeypoints | null> {
  if (!storageKey) return null;
  try {
    const bytes = await deps.storage.get(storageKey);
    return await extractKeypoints(bytes, params, { maxPixels: deps.settings.maxPixels });
  } catch (error) {
    if (error instanceof InferenceError) return null;
    if (error instanceof StorageError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

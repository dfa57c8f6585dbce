import {
  combinedScore,
  extractKeypoints,
  type ImageKeypoints,
  InferenceError,
  type Model,
  verifyPair,
} from '@twinspect/inference';
import { StorageError } from '@twinspect/storage';
import type { WorkerDeps } from '../shared/deps.ts';
import type { PairRow } from './store-pairs.ts';

/**
 * The second stage of scoring: geometric verification of each image's best candidates.
 *
 * The model ranks; keypoints + RANSAC check (packages/inference/src/verify.ts). For every image,
 * its `verifyTopK` best pairs by model score are verified, and a verified pair's score becomes
 * the calibrated combination of model score and inliers (manifest `verification`), flagged above
 * the verified threshold. Pairs no image ranks that high keep the model's score, unflagged: with
 * verification on, only verified pairs reach the triage queue.
 *
 * A model whose manifest has no calibrated combination (a retrained version, say) is not
 * verified: its pairs keep the model's score and the model's threshold.
 */
export async function verifyPairs(
  deps: WorkerDeps,
  model: Model,
  images: Map<string, string>,
  pairs: PairRow[],
  cache: Map<string, ImageKeypoints | null> = new Map(),
): Promise<PairRow[]> {
  const verification = model.manifest.verification;
  const { combine, threshold } = verification ?? {};
  if (!verification || !combine || threshold === undefined || deps.settings.verifyTopK === 0)
    return pairs;

  const chosen = new Set<number>();
  const byImage = new Map<string, number[]>();
  pairs.forEach((p, i) => {
    for (const id of [p.imageAId, p.imageBId]) {
      const list = byImage.get(id);
      if (list) list.push(i);
      else byImage.set(id, [i]);
    }
  });
  for (const indexes of byImage.values()) {
    const best = indexes
      .sort((x, y) => (pairs[y] as PairRow).score - (pairs[x] as PairRow).score)
      .slice(0, deps.settings.verifyTopK);
    for (const i of best) chosen.add(i);
  }

  const keypoints = async (imageId: string): Promise<ImageKeypoints | null> => {
    if (!cache.has(imageId))
      cache.set(imageId, await extract(deps, images.get(imageId), verification));
    return cache.get(imageId) ?? null;
  };
  const out: PairRow[] = [];
  for (const [i, p] of pairs.entries()) {
    if (!chosen.has(i)) {
      out.push({ ...p, modelScore: p.score, flagged: false });
      continue;
    }
    const [a, b] = [await keypoints(p.imageAId), await keypoints(p.imageBId)];
    // An original that cannot be read now counts as no geometric evidence, not as a failure.
    const inliers = a && b ? await verifyPair(a, b, verification) : 0;
    const score = combinedScore(p.score, inliers, combine);
    out.push({ ...p, score, modelScore: p.score, inliers, flagged: score > threshold });
  }
  return out;
}

async function extract(
  deps: WorkerDeps,
  storageKey: string | undefined,
  params: Parameters<typeof extractKeypoints>[1],
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

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  calibratedVerification,
  DEFAULT_VERIFY_TOP_K,
  embedImages,
  extractKeypoints,
  type ImageKeypoints,
  listImages,
  type Model,
  modelOnly,
  scoreWithinSet,
  verifyCandidates,
} from '@twinspect/inference';

export interface ScanPair {
  rank: number;
  /** The verified score when the pair was verified, else the model's. */
  score: number;
  modelScore: number;
  /** Keypoint inliers; null when not verified. */
  inliers: number | null;
  flagged: boolean;
  /** Paths relative to the scanned folder. */
  a: string;
  b: string;
  identicalBytes: boolean;
}

export interface ScanResult {
  folder: string;
  model: string;
  threshold: number;
  images: number;
  failed: { file: string; reason: string }[];
  pairsScored: number;
  flagged: number;
  pairs: ScanPair[];
  seconds: number;
}

export interface ScanOptions {
  /** How many pairs to list (0 = every kept pair). */
  top: number;
  /** Best partners kept per image besides the flagged pairs (the score worker's default: 5). */
  perImage?: number;
  /** Each image's this many best pairs are geometrically verified, as the workers do. */
  verifyTopK?: number;
  /** Flag at this share of copies among candidate pairs instead of the manifest's. */
  flagPrevalence?: number;
  onProgress?: (message: string) => void;
}

/**
 * Ranks the pairs of a folder: every image embedded, every pair scored with the head, flagged
 * pairs and each image's best partners kept, then each image's best pairs geometrically verified
 * when the model calibrates verification: the same within-set path as the score worker.
 */
export async function scanFolder(
  model: Model,
  folder: string,
  options: ScanOptions,
): Promise<ScanResult> {
  const started = performance.now();
  const files = listImages(folder);
  const hashes = await Promise.all(
    files.map(async (f) =>
      createHash('sha256')
        .update(await readFile(f))
        .digest('hex'),
    ),
  );
  const embedded = await embedImages(model, files, {
    onProgress: (done) => options.onProgress?.(`embedded ${done}/${files.length}`),
  });
  const scored = await scoreWithinSet(model, embedded.embeddings, {
    floor: model.threshold,
    topK: options.perImage ?? 5,
  });
  const file = (row: number) => files[embedded.ok[row] as number] as string;
  const verification = calibratedVerification(model.manifest.verification, {
    flagPrevalence: options.flagPrevalence,
  });
  const keypoints = new Map<number, ImageKeypoints>();
  const ranked = verification
    ? await verifyCandidates(
        scored.pairs,
        async (row) => {
          if (!keypoints.has(row))
            keypoints.set(row, await extractKeypoints(file(row), verification));
          return keypoints.get(row) ?? null;
        },
        verification,
        options.verifyTopK ?? DEFAULT_VERIFY_TOP_K,
      )
    : scored.pairs.map((p) => modelOnly(p, model.threshold));
  // Flagged pairs first (verified, above the threshold), then the rest, each by score.
  ranked.sort((x, y) => Number(y.flagged) - Number(x.flagged) || y.score - x.score);
  const rel = (row: number) => path.relative(folder, file(row));
  const hash = (row: number) => hashes[embedded.ok[row] as number];
  const kept = options.top > 0 ? ranked.slice(0, options.top) : ranked;
  return {
    folder,
    model: model.version,
    threshold: verification?.flagAbove ?? model.threshold,
    images: files.length,
    failed: embedded.failed.map((f) => ({
      file: path.relative(folder, files[f.index] as string),
      reason: f.error.message,
    })),
    pairsScored: scored.pairsScored,
    flagged: ranked.filter((p) => p.flagged).length,
    pairs: kept.map((p, i) => ({
      rank: i + 1,
      score: p.score,
      modelScore: p.modelScore,
      inliers: p.inliers,
      flagged: p.flagged,
      a: rel(p.a),
      b: rel(p.b),
      identicalBytes: hash(p.a) === hash(p.b),
    })),
    seconds: (performance.now() - started) / 1000,
  };
}

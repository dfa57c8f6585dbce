import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { embedImages, listImages, type Model, scoreWithinSet } from '@twinspect/inference';

export interface ScanPair {
  rank: number;
  score: number;
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
  /** Best partners kept per image besides the flagged pairs. */
  perImage?: number;
  onProgress?: (message: string) => void;
}

/**
 * Ranks the pairs of a folder: every image embedded, every pair scored with the head (the same
 * within-set path as the score worker), flagged pairs and each image's best partner kept.
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
    topK: options.perImage ?? 1,
  });
  const flaggedCount = scored.pairs.filter((p) => p.score > model.threshold).length;
  const rel = (row: number) => path.relative(folder, files[embedded.ok[row] as number] as string);
  const hash = (row: number) => hashes[embedded.ok[row] as number];
  const kept = options.top > 0 ? scored.pairs.slice(0, options.top) : scored.pairs;
  return {
    folder,
    model: model.version,
    threshold: model.threshold,
    images: files.length,
    failed: embedded.failed.map((f) => ({
      file: path.relative(folder, files[f.index] as string),
      reason: f.error.message,
    })),
    pairsScored: scored.pairsScored,
    flagged: flaggedCount,
    pairs: kept.map((p, i) => ({
      rank: i + 1,
      score: p.score,
      flagged: p.score > model.threshold,
      a: rel(p.a),
      b: rel(p.b),
      identicalBytes: hash(p.a) === hash(p.b),
    })),
    seconds: (performance.now() - started) / 1000,
  };
}

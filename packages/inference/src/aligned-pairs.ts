import { availableParallelism } from 'node:os';
import { embed } from './embed.ts';
import { embeddings, sliceRows } from './embeddings.ts';
import type { Model } from './load-model.ts';
import { scoreBlock } from './score-block.ts';
import { decodeToModelInput } from './to-model-input.ts';
import { DEFAULT_VERIFICATION, type Geometry, type ImageKeypoints } from './verify.ts';
import { createVerifyPool } from './verify-pool.ts';

/** Two image files to judge as one pair (an evaluation or calibration pair set). */
export interface FilePair {
  a: string;
  b: string;
}

/**
 * M(a_i, b_i) of aligned pairs through the production path: each distinct file decoded and
 * embedded once (in batches, so memory holds embeddings, not images), then the head on each pair.
 */
export async function scoreAlignedPairs(model: Model, pairs: FilePair[]): Promise<number[]> {
  const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const index = new Map(files.map((file, i) => [file, i]));
  const all = new Float32Array(files.length * model.dim);
  const batch = 32;
  for (let start = 0; start < files.length; start += batch) {
    const inputs = await Promise.all(
      files.slice(start, start + batch).map((file) => decodeToModelInput(file, model.manifest)),
    );
    all.set((await embed(model, inputs)).data, start * model.dim);
  }
  const e = embeddings(all, model.dim);
  const scores: number[] = [];
  for (const p of pairs) {
    const [i, j] = [index.get(p.a) as number, index.get(p.b) as number];
    const s = await scoreBlock(model, sliceRows(e, i, i + 1), sliceRows(e, j, j + 1));
    scores.push(s[0] as number);
  }
  return scores;
}

/**
 * Geometric verification of aligned pairs with the model's verification settings, on worker
 * threads (one per core by default): what the workers compute for a verified pair.
 */
export async function verifyAlignedPairs(
  model: Model,
  pairs: FilePair[],
  threads = availableParallelism(),
): Promise<Geometry[]> {
  const params = model.manifest.verification ?? DEFAULT_VERIFICATION;
  const pool = createVerifyPool(threads);
  try {
    const one = async (p: FilePair) => {
      const [a, b] = await Promise.all([p.a, p.b].map((file) => pool.extract(file, params)));
      return pool.match(a as ImageKeypoints, b as ImageKeypoints, params);
    };
    const geometry: Geometry[] = [];
    for (let start = 0; start < pairs.length; start += 32)
      geometry.push(...(await Promise.all(pairs.slice(start, start + 32).map(one))));
    return geometry;
  } finally {
    await pool.close();
  }
}

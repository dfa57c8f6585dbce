import * as ort from 'onnxruntime-node';
import { type Embeddings, sliceRows } from './embeddings.ts';
import type { Model } from './load-model.ts';

export interface ScoreBlockOptions {
  /**
   * Pairs per head call. The head holds ~200 floats of intermediates per pair, so this bounds
   * memory (65,536 pairs ≈ 50 MB) whatever the block size.
   */
  maxPairsPerCall?: number;
}

export const DEFAULT_MAX_PAIRS_PER_CALL = 65_536;

/**
 * The tile of an n × m block scored per head call: about `maxPairs` pairs, as square as the block
 * allows. The head projects every row and column of its inputs (the factored first layer), so a
 * thin tile (a few rows × thousands of columns) would redo the columns' projections call after
 * call; a square tile keeps that overhead to a few % and the intermediates bounded.
 */
export function tileShape(n: number, m: number, maxPairs = DEFAULT_MAX_PAIRS_PER_CALL) {
  const side = Math.max(1, Math.floor(Math.sqrt(maxPairs)));
  let rows = Math.min(n, side);
  let cols = Math.min(m, Math.max(1, Math.floor(maxPairs / rows)));
  // A narrow block gives its unused width to the other side.
  rows = Math.min(n, Math.max(rows, Math.floor(maxPairs / cols)));
  cols = Math.min(m, Math.max(1, Math.floor(maxPairs / rows)));
  return { rows, cols };
}

/**
 * Scores every pair of the block A × B with the exported head: score[i*m + j] = M(A_i, B_j).
 * Never builds pair-by-pair concatenations in JavaScript.
 */
export async function scoreBlock(
  model: Model,
  a: Embeddings,
  b: Embeddings,
  options: ScoreBlockOptions = {},
): Promise<Float32Array> {
  const n = a.rows;
  const m = b.rows;
  const out = new Float32Array(n * m);
  if (n === 0 || m === 0) return out;
  if (a.dim !== model.dim || b.dim !== model.dim) {
    throw new Error(`embeddings have ${a.dim}/${b.dim} values, the model expects ${model.dim}`);
  }
  const { rows: step, cols: colStep } = tileShape(n, m, options.maxPairsPerCall);
  for (let j0 = 0; j0 < m; j0 += colStep) {
    const bPart = sliceRows(b, j0, Math.min(m, j0 + colStep));
    const bTensor = new ort.Tensor('float32', bPart.data, [bPart.rows, b.dim]);
    for (let i0 = 0; i0 < n; i0 += step) {
      const aPart = sliceRows(a, i0, Math.min(n, i0 + step));
      const result = await model.head.run({
        a: new ort.Tensor('float32', aPart.data, [aPart.rows, a.dim]),
        b: bTensor,
      });
      const score = result.score as ort.Tensor;
      const values = score.data as Float32Array;
      if (bPart.rows === m) {
        out.set(values, i0 * m);
      } else {
        for (let r = 0; r < aPart.rows; r++) {
          out.set(values.subarray(r * bPart.rows, (r + 1) * bPart.rows), (i0 + r) * m + j0);
        }
      }
      score.dispose();
    }
  }
  return out;
}

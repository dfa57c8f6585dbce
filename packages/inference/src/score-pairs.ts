import { type Embeddings, sliceRows } from './embeddings.ts';
import type { Model } from './load-model.ts';
import { DEFAULT_MAX_PAIRS_PER_CALL, scoreBlock } from './score-block.ts';
import { type PairSelectionOptions, PairSelector, type SelectedPair } from './select-pairs.ts';

export interface ScorePairsOptions extends PairSelectionOptions {
  maxPairsPerCall?: number;
  /** Called after each head call with pairs scored so far. */
  onProgress?: (pairsScored: number) => void | Promise<void>;
}

export interface ScorePairsResult {
  pairs: SelectedPair[];
  /** Every pair the head scored (n(n−1)/2 within a set, n·m across). */
  pairsScored: number;
}

/**
 * Every unordered pair of one set, scored once: row chunks against the columns at and after
 * them (the upper triangle), so a 5,000-image set costs 12.5M head evaluations, not 25M.
 * Indices in the result are rows of `e`.
 */
export async function scoreWithinSet(
  model: Model,
  e: Embeddings,
  options: ScorePairsOptions,
): Promise<ScorePairsResult> {
  const n = e.rows;
  const selector = new PairSelector(options);
  const budget = options.maxPairsPerCall ?? DEFAULT_MAX_PAIRS_PER_CALL;
  let i0 = 0;
  while (i0 < n - 1) {
    const cols = n - i0;
    const rows = Math.max(1, Math.min(n - i0 - 1, Math.floor(budget / cols)));
    const a = sliceRows(e, i0, i0 + rows);
    const b = sliceRows(e, i0, n);
    const scores = await scoreBlock(model, a, b, { maxPairsPerCall: budget });
    const base = i0;
    selector.offerBlock(
      scores,
      rows,
      cols,
      (r) => base + r,
      (c) => base + c,
      (i, j) => j > i,
    );
    i0 += rows;
    await options.onProgress?.(selector.pairsScored);
  }
  return { pairs: selector.result(), pairsScored: selector.pairsScored };
}

/**
 * Every pair of `a` (new images) × `b` (earlier images). In the result, a-rows are indices
 * 0..a.rows−1 and b-rows are a.rows + j. Only a-images get a top-k list by default.
 */
export async function scoreAcross(
  model: Model,
  a: Embeddings,
  b: Embeddings,
  options: ScorePairsOptions,
): Promise<ScorePairsResult> {
  const selector = new PairSelector({
    tracksTopK: (index) => index < a.rows,
    ...options,
  });
  const budget = options.maxPairsPerCall ?? DEFAULT_MAX_PAIRS_PER_CALL;
  // Column chunks bound the score buffer (a.rows × chunk) for archives of any size.
  const colStep = Math.max(1, Math.floor((budget * 16) / Math.max(1, a.rows)));
  for (let j0 = 0; j0 < b.rows; j0 += colStep) {
    const part = sliceRows(b, j0, Math.min(b.rows, j0 + colStep));
    const scores = await scoreBlock(model, a, part, { maxPairsPerCall: budget });
    selector.offerBlock(
      scores,
      a.rows,
      part.rows,
      (r) => r,
      (c) => a.rows + j0 + c,
    );
    await options.onProgress?.(selector.pairsScored);
  }
  return { pairs: selector.result(), pairsScored: selector.pairsScored };
}

import { combinedScore, type ImageKeypoints, type TVerification, verifyPair } from './verify.ts';

export interface Candidate<K> {
  a: K;
  b: K;
  /** The model's score. */
  score: number;
}

export interface VerifiedCandidate<K> extends Candidate<K> {
  /** The verified score for verified pairs, else the model's. */
  score: number;
  modelScore: number;
  /** null: not among either image's `topK` best, so not verified. */
  inliers: number | null;
  flagged: boolean;
}

/** A model's verification with its calibrated combination, or null when it has none. */
export function calibratedVerification(
  verification: TVerification | undefined,
): (TVerification & Required<Pick<TVerification, 'combine' | 'threshold'>>) | null {
  if (!verification?.combine || verification.threshold === undefined) return null;
  return { ...verification, combine: verification.combine, threshold: verification.threshold };
}

/**
 * The second stage of scoring, shared by the score worker and the CLI: each image's `topK` best
 * candidates (by model score) are geometrically verified; a verified pair's score becomes the
 * calibrated combination of model score and inliers, flagged above the verified threshold. The
 * rest keep the model's score, unflagged: with verification on, only verified pairs are flagged.
 * `keypointsOf` may return null for an image it cannot read now: no geometric evidence.
 */
export async function verifyCandidates<K>(
  pairs: Candidate<K>[],
  keypointsOf: (image: K) => Promise<ImageKeypoints | null>,
  verification: ReturnType<typeof calibratedVerification> & {},
  topK: number,
): Promise<VerifiedCandidate<K>[]> {
  const byImage = new Map<K, number[]>();
  pairs.forEach((p, i) => {
    for (const image of [p.a, p.b]) {
      const list = byImage.get(image);
      if (list) list.push(i);
      else byImage.set(image, [i]);
    }
  });
  const chosen = new Set<number>();
  for (const indexes of byImage.values()) {
    const best = indexes
      .sort((x, y) => (pairs[y] as Candidate<K>).score - (pairs[x] as Candidate<K>).score)
      .slice(0, topK);
    for (const i of best) chosen.add(i);
  }
  const out: VerifiedCandidate<K>[] = [];
  for (const [i, p] of pairs.entries()) {
    if (!chosen.has(i)) {
      out.push({ ...p, modelScore: p.score, inliers: null, flagged: false });
      continue;
    }
    const [a, b] = [await keypointsOf(p.a), await keypointsOf(p.b)];
    const inliers = a && b ? await verifyPair(a, b, verification) : 0;
    const score = combinedScore(p.score, inliers, verification.combine);
    out.push({
      ...p,
      score,
      modelScore: p.score,
      inliers,
      flagged: score > verification.threshold,
    });
  }
  return out;
}

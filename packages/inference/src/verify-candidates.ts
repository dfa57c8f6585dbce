import {
  combinedScore,
  type Geometry,
  type ImageKeypoints,
  strongestKeypoints,
  type TVerification,
  verifyPair,
} from './verify.ts';

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

/**
 * A model's verification with its calibrated combination, or null when it has none. `flagAbove`
 * is the combined score a verified pair is flagged above: the flag threshold calibrated for a
 * real case's prevalence, or the accuracy threshold for manifests calibrated before it existed.
 * `flagPrevalence` (a team's setting: the share of candidate pairs it expects to be copies)
 * moves the manifest's flag threshold to that prevalence; see flagThresholdAt.
 */
export function calibratedVerification(
  verification: TVerification | undefined,
  options: { flagPrevalence?: number | null } = {},
):
  | (TVerification &
      Required<Pick<TVerification, 'combine' | 'threshold'>> & {
        flagAbove: number;
      })
  | null {
  if (!verification?.combine || verification.threshold === undefined) return null;
  return {
    ...verification,
    combine: verification.combine,
    threshold: verification.threshold,
    flagAbove:
      flagThresholdAt(verification, options.flagPrevalence) ??
      verification.flagThreshold ??
      verification.threshold,
  };
}

/** The verification of a stored version's manifest (ModelVersion.manifest, unparsed JSON). */
export function manifestVerification(manifest: unknown): TVerification | undefined {
  return (manifest as { verification?: TVerification } | null)?.verification;
}

/**
 * The flag threshold of a stored version's manifest at a team's prevalence; null when the
 * version's pairs are not geometrically verified.
 */
export function manifestFlagThreshold(
  manifest: unknown,
  flagPrevalence?: number | null,
): number | null {
  return (
    calibratedVerification(manifestVerification(manifest), { flagPrevalence })?.flagAbove ?? null
  );
}

/**
 * The flag prevalences a team or the CLI may choose: from 1 copy in 1,000 candidate pairs to the
 * 40 % of the calibration pairs (beyond those the threshold extrapolates the calibration's fit).
 */
export const FLAG_PREVALENCE_RANGE = { min: 0.001, max: 0.4 } as const;

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The combined score at which a pair is as likely a copy as not when `prevalence` of candidate
 * pairs are copies. The combined score is a calibrated posterior, so moving between prevalences
 * shifts its log-odds by the difference of the priors' log-odds (Bayes' rule; calibrate.py
 * derives the manifest's flagThreshold the same way). Null without a prevalence, or for a
 * manifest that names no flag threshold and prevalence to start from.
 */
export function flagThresholdAt(
  verification: Pick<TVerification, 'flagThreshold' | 'flagPrevalence'>,
  prevalence: number | null | undefined,
): number | null {
  const { flagThreshold, flagPrevalence } = verification;
  if (prevalence == null || flagThreshold === undefined || flagPrevalence === undefined)
    return null;
  const z = logit(flagThreshold) + logit(flagPrevalence) - logit(prevalence);
  return 1 / (1 + Math.exp(-z));
}

/**
 * How many of each image's best pairs (by model score) verification checks, by default, in the
 * workers and the CLI. On a 1,000-image bio-dev set with 243 planted copies, 3 verified 1,838
 * pairs and flagged 103 of the copies, 10 verified 5,733 and flagged 176 (README, end to end).
 */
export const DEFAULT_VERIFY_TOP_K = 10;

/**
 * Screening of the pairs verification would otherwise skip: a match of each image's `keypoints`
 * strongest keypoints; a pair with at least `minInliers` inliers is verified too. On the
 * 1,000-image bench it found 29 more of the 243 planted copies for 59 more verified pairs.
 */
export const DEFAULT_SCREENING = { keypoints: 150, minInliers: 12 };

type Match = (a: ImageKeypoints, b: ImageKeypoints, params: TVerification) => Promise<Geometry>;

export type CalibratedVerification = NonNullable<ReturnType<typeof calibratedVerification>>;

const NO_EVIDENCE: Geometry = { inliers: 0, matches: 0, similarity: 0, keypoints: 0 };

/** A pair judged by the model alone: its score against the model's threshold, no inliers. */
export function modelOnly<K>(pair: Candidate<K>, threshold: number): VerifiedCandidate<K> {
  return { ...pair, modelScore: pair.score, inliers: null, flagged: pair.score > threshold };
}

/**
 * Which pairs verification checks: the indexes of each image's `topK` best pairs by model score
 * (ties by position, so the choice is deterministic).
 */
export function chooseForVerification<K>(pairs: Candidate<K>[], topK: number): Set<number> {
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
      .sort((x, y) => (pairs[y] as Candidate<K>).score - (pairs[x] as Candidate<K>).score || x - y)
      .slice(0, topK);
    for (const i of best) chosen.add(i);
  }
  return chosen;
}

/**
 * Which of `pairs` pass screening (indexes): their images' strongest keypoints already match.
 * A copy the model ranks low (below look-alike fields of one experiment) is found this way.
 * `keypoints: 0` screens nothing.
 */
export async function screenCandidates<K>(
  pairs: Candidate<K>[],
  keypointsOf: (image: K) => Promise<ImageKeypoints | null>,
  verification: TVerification,
  screening: {
    keypoints: number;
    minInliers: number;
    match?: Match;
    batchSize?: number;
    /** After each batch: how many pairs are screened so far, and how many of them passed. */
    onProgress?: (screened: number, passed: number) => Promise<void>;
  },
): Promise<Set<number>> {
  const passed = new Set<number>();
  if (screening.keypoints === 0) return passed;
  const match = screening.match ?? verifyPair;
  const size = screening.batchSize ?? 25;
  const n = screening.keypoints;
  const one = async (p: Candidate<K>) => {
    const [a, b] = await Promise.all([keypointsOf(p.a), keypointsOf(p.b)]);
    if (!a || !b) return 0;
    return (await match(strongestKeypoints(a, n), strongestKeypoints(b, n), verification)).inliers;
  };
  for (let start = 0; start < pairs.length; start += size) {
    const inliers = await Promise.all(pairs.slice(start, start + size).map(one));
    inliers.forEach((count, i) => {
      if (count >= screening.minInliers) passed.add(start + i);
    });
    await screening.onProgress?.(Math.min(start + size, pairs.length), passed.size);
  }
  return passed;
}

/**
 * One pair verified: the calibrated combination of its model score and geometry, flagged
 * above the verified flag threshold (the accuracy threshold for manifests without one). `keypointsOf` may return null for an image it cannot read now:
 * no geometric evidence. `match` is `verifyPair`, or a VerifyPool's on threads.
 */
export async function verifyCandidate<K>(
  pair: Candidate<K>,
  keypointsOf: (image: K) => Promise<ImageKeypoints | null>,
  verification: CalibratedVerification,
  match: Match = verifyPair,
): Promise<VerifiedCandidate<K>> {
  const [a, b] = await Promise.all([keypointsOf(pair.a), keypointsOf(pair.b)]);
  const geometry = a && b ? await match(a, b, verification) : NO_EVIDENCE;
  const score = combinedScore(pair.score, geometry, verification.combine);
  return {
    ...pair,
    score,
    modelScore: pair.score,
    inliers: geometry.inliers,
    flagged: score > verification.flagAbove,
  };
}

/**
 * The second stage of scoring a folder at once (the CLI; the workers verify a stored set in the
 * `verify` job with the same functions): each image's `topK` best candidates are verified, then
 * those of the rest that pass screening; the others keep the model's score, unflagged: with
 * verification on, only verified pairs are flagged.
 */
export async function verifyCandidates<K>(
  pairs: Candidate<K>[],
  keypointsOf: (image: K) => Promise<ImageKeypoints | null>,
  verification: CalibratedVerification,
  topK: number,
  screening = DEFAULT_SCREENING,
): Promise<VerifiedCandidate<K>[]> {
  const chosen = chooseForVerification(pairs, topK);
  const rest = [...pairs.keys()].filter((i) => !chosen.has(i));
  const screened = await screenCandidates(
    rest.map((i) => pairs[i] as Candidate<K>),
    keypointsOf,
    verification,
    screening,
  );
  for (const k of screened) chosen.add(rest[k] as number);
  const out: VerifiedCandidate<K>[] = [];
  for (const [i, p] of pairs.entries())
    out.push(
      chosen.has(i)
        ? await verifyCandidate(p, keypointsOf, verification)
        : modelOnly(p, Number.POSITIVE_INFINITY),
    );
  return out;
}

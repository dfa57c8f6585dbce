import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  calibratedVerification,
  combinedScore,
  createVerifyPool,
  DEFAULT_VERIFICATION,
  extractKeypoints,
  flagThresholdAt,
  type ImageKeypoints,
  InferenceError,
  strongestKeypoints,
  verifyCandidate,
  verifyPair,
} from '../src/index.ts';
import { repoRoot } from './helpers.ts';

const sample = (name: string) => readFileSync(path.join(repoRoot, 'workers/demo/sample', name));

describe('[VERIFY] geometric verification (AKAZE + RANSAC through opencv.js)', () => {
  let original: ImageKeypoints;
  let unrelated: ImageKeypoints;
  let originalBytes: Buffer;

  beforeAll(async () => {
    originalBytes = sample('panel-28.png');
    original = await extractKeypoints(originalBytes);
    unrelated = await extractKeypoints(sample('panel-03.png'));
  });

  it('finds keypoints on the image and on its mirror, at most maxKeypoints, with 61-byte descriptors', () => {
    for (const set of [original.upright, original.mirrored]) {
      expect(set.count).toBeGreaterThan(50);
      expect(set.count).toBeLessThanOrEqual(DEFAULT_VERIFICATION.maxKeypoints);
      expect(set.points.length).toBe(2 * set.count);
      expect(set.descriptors.length).toBe(61 * set.count);
    }
  });

  it('matches a cropped, rotated, mirrored and re-toned copy far above an unrelated image', async () => {
    const meta = await sharp(originalBytes).metadata();
    const [w, h] = [meta.width as number, meta.height as number];
    const copy = await sharp(originalBytes)
      .extract({
        left: Math.round(w * 0.1),
        top: Math.round(h * 0.15),
        width: Math.round(w * 0.75),
        height: Math.round(h * 0.7),
      })
      .rotate(90)
      .flop()
      .linear(1.2, -10)
      .jpeg({ quality: 75 })
      .toBuffer();
    const copied = await extractKeypoints(copy);
    const same = await verifyPair(original, copied);
    const different = await verifyPair(original, unrelated);
    expect(same.inliers).toBeGreaterThan(30);
    expect(same.matches).toBeGreaterThanOrEqual(same.inliers);
    // A quarter turn with a uniform rescale: a similarity.
    expect(same.similarity).toBeGreaterThan(0.9);
    expect(same.keypoints).toBe(Math.min(original.upright.count, copied.upright.count));
    expect(different.inliers).toBeLessThan(same.inliers / 3);
    // Exactly reproducible: OpenCV's RANSAC is seeded.
    expect(await verifyPair(original, copied)).toEqual(same);
  });

  it('screens with the strongest keypoints: a copy still matches, an unrelated image does not', async () => {
    const strongest = strongestKeypoints(original, 150);
    expect(strongest.upright.count).toBe(150);
    expect(strongest.upright.points).toEqual(original.upright.points.slice(0, 300));
    expect(strongest.mirrored.descriptors).toEqual(
      original.mirrored.descriptors.slice(0, 150 * 61),
    );
    const mirroredCopy = await extractKeypoints(await sharp(originalBytes).flop().png().toBuffer());
    const screened = await verifyPair(strongest, strongestKeypoints(mirroredCopy, 150));
    expect(screened.inliers).toBeGreaterThanOrEqual(12);
    expect((await verifyPair(strongest, strongestKeypoints(unrelated, 150))).inliers).toBeLessThan(
      12,
    );
  });

  it('refuses a corrupt file with the same error as the model path', async () => {
    const truncated = originalBytes.subarray(0, 200);
    await expect(extractKeypoints(truncated)).rejects.toBeInstanceOf(InferenceError);
  });

  it('gives the same keypoints and geometry on worker threads, and the same error for a corrupt file', async () => {
    const pool = createVerifyPool(2);
    try {
      const [a, b] = await Promise.all(
        [originalBytes, sample('panel-03.png')].map((bytes) =>
          pool.extract(bytes, DEFAULT_VERIFICATION),
        ),
      );
      expect(a).toEqual(original);
      expect(b).toEqual(unrelated);
      expect(await pool.match(original, unrelated, DEFAULT_VERIFICATION)).toEqual(
        await verifyPair(original, unrelated),
      );
      const failure = pool.extract(originalBytes.subarray(0, 200), DEFAULT_VERIFICATION);
      await expect(failure).rejects.toBeInstanceOf(InferenceError);
      await expect(failure).rejects.toMatchObject({ code: 'CORRUPT_IMAGE' });
    } finally {
      await pool.close();
    }
  });

  it('combines model score and geometry monotonically, as the calibrated logistic regression does', () => {
    const combine = { intercept: -5, model: 1, inliers: 1.5, similarityInliers: 2 };
    const geometry = (inliers: number, similarity = 1) => ({
      inliers,
      matches: 2 * inliers,
      similarity,
      keypoints: 500,
    });
    expect(combinedScore(0.5, geometry(0, 0), combine)).toBeCloseTo(1 / (1 + Math.exp(5)), 10);
    // An older manifest without a similarityInliers coefficient: similarity counts 0.
    const { similarityInliers: _, ...older } = combine;
    expect(combinedScore(0.9, geometry(10, 0.1), older)).toBe(
      combinedScore(0.9, geometry(10, 1), older),
    );
    expect(combinedScore(0.9, geometry(40), combine)).toBeGreaterThan(
      combinedScore(0.9, geometry(10), combine),
    );
    expect(combinedScore(0.9, geometry(10), combine)).toBeGreaterThan(
      combinedScore(0.6, geometry(10), combine),
    );
    expect(combinedScore(0.9, geometry(10, 1), combine)).toBeGreaterThan(
      combinedScore(0.9, geometry(10, 0.1), combine),
    );
    // Scores of exactly 0 or 1 stay finite.
    expect(Number.isFinite(combinedScore(1, geometry(0), combine))).toBe(true);
    expect(Number.isFinite(combinedScore(0, geometry(0), combine))).toBe(true);
  });

  it('flags a verified pair above the flag threshold, or the accuracy threshold of an older manifest', async () => {
    const combine = { intercept: 0, model: 1, inliers: 0, similarityInliers: 0 };
    const keypointsOf = async () => null; // no geometric evidence: the score is the model's
    const pair = { a: 'x', b: 'y', score: 0.9 };
    const flagging = calibratedVerification({
      ...DEFAULT_VERIFICATION,
      combine,
      threshold: 0.5,
      flagThreshold: 0.95,
    });
    const older = calibratedVerification({ ...DEFAULT_VERIFICATION, combine, threshold: 0.5 });
    if (!flagging || !older) throw new Error('both are calibrated');
    expect(flagging.flagAbove).toBe(0.95);
    expect(older.flagAbove).toBe(0.5);
    const judged = await verifyCandidate(pair, keypointsOf, flagging);
    expect(judged.score).toBeCloseTo(0.9, 10);
    expect(judged.flagged).toBe(false);
    expect((await verifyCandidate(pair, keypointsOf, older)).flagged).toBe(true);
    expect(calibratedVerification({ ...DEFAULT_VERIFICATION, threshold: 0.5 })).toBeNull();
  });

  it("moves the flag threshold to a team's prevalence by Bayes' rule", () => {
    const combine = { intercept: 0, model: 1, inliers: 0, similarityInliers: 0 };
    const manifest = {
      ...DEFAULT_VERIFICATION,
      combine,
      threshold: 0.5,
      flagThreshold: 0.97,
      flagPrevalence: 0.02,
    };
    const odds = (p: number) => p / (1 - p);
    // The manifest's own prevalence gives its own threshold.
    expect(flagThresholdAt(manifest, 0.02)).toBeCloseTo(0.97, 12);
    expect(calibratedVerification(manifest, { flagPrevalence: null })?.flagAbove).toBe(0.97);
    // At 10 % copies the threshold is lower; the posterior odds at it are even at 10 %:
    // odds(t10) / odds(t2) = odds(2 %) / odds(10 %).
    const t10 = calibratedVerification(manifest, { flagPrevalence: 0.1 })?.flagAbove ?? Number.NaN;
    expect(t10).toBeLessThan(0.97);
    expect(odds(t10) / odds(0.97)).toBeCloseTo(odds(0.02) / odds(0.1), 10);
    const t05 = flagThresholdAt(manifest, 0.005) ?? Number.NaN;
    expect(t05).toBeGreaterThan(0.97);
    expect(t05).toBeLessThan(1);
    // A manifest without a flag prevalence has nothing to move from: its threshold stands.
    const older = { ...manifest, flagPrevalence: undefined };
    expect(flagThresholdAt(older, 0.1)).toBeNull();
    expect(calibratedVerification(older, { flagPrevalence: 0.1 })?.flagAbove).toBe(0.97);
  });
});

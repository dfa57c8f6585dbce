import type { PrismaClient } from '@twinspect/prisma';

export interface PairRow {
  imageAId: string;
  imageBId: string;
  /** What the queue ranks by (verified score when verified, else the model's). */
  score: number;
  /** Set by verification (verify-pairs.ts); absent means model only. */
  modelScore?: number;
  inliers?: number;
  flagged?: boolean;
}

/**
 * Inserts scored pairs in batches. One row per unordered pair and model version (the unique key),
 * image A the smaller uuid (a CHECK); ON CONFLICT DO NOTHING keeps whatever a reviewer already
 * did with a pair stored by an earlier attempt or another set, and makes re-runs no-ops.
 * A pair is flagged as verification decided, else above the model's threshold.
 * Returns how many rows were new.
 */
export async function storePairs(
  prisma: PrismaClient,
  context: {
    orgId: string;
    setId: string;
    modelVersionId: string;
    scope: 'WITHIN_SET' | 'ARCHIVE';
    threshold: number;
  },
  pairs: PairRow[],
  batchSize: number,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < pairs.length; start += batchSize) {
    const batch = pairs
      .slice(start, start + batchSize)
      .map((p) =>
        p.imageAId < p.imageBId ? p : { ...p, imageAId: p.imageBId, imageBId: p.imageAId },
      );
    const a = batch.map((p) => p.imageAId);
    const b = batch.map((p) => p.imageBId);
    const scores = batch.map((p) => p.score);
    const modelScores = batch.map((p) => p.modelScore ?? p.score);
    const inliers = batch.map((p) => p.inliers ?? null);
    const flagged = batch.map((p) => p.flagged ?? p.score > context.threshold);
    inserted += await prisma.$executeRaw`
      INSERT INTO "Pair" ("orgId", "setId", "imageAId", "imageBId", "modelVersionId", "score", "modelScore", "inliers", "scope", "flagged", "updatedAt")
      SELECT ${context.orgId}::uuid, ${context.setId}::uuid, t.a, t.b, ${context.modelVersionId}::uuid, t.s, t.m, t.i,
             ${context.scope}::"PairScope", t.f, now()
      FROM unnest(${a}::uuid[], ${b}::uuid[], ${scores}::float8[], ${modelScores}::float8[], ${inliers}::int4[], ${flagged}::boolean[])
        AS t(a, b, s, m, i, f)
      ON CONFLICT ("imageAId", "imageBId", "modelVersionId") DO NOTHING`;
  }
  return inserted;
}

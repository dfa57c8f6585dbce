import type { PrismaClient } from '@twinspect/prisma';

export interface PairRow {
  imageAId: string;
  imageBId: string;
  /** The model's score. */
  score: number;
}

/**
 * Inserts scored pairs in batches. One row per unordered pair and model version (the unique key),
 * image A the smaller uuid (a CHECK); ON CONFLICT DO NOTHING keeps whatever a reviewer already
 * did with a pair stored by an earlier attempt or another set, and makes re-runs no-ops.
 * A pair is stored with the model's score; the verify job (verify-set.ts) replaces it, and sets
 * the flag, for the pairs it verifies.
 * Returns how many rows were new.
 */
export async function storePairs(
  prisma: PrismaClient,
  context: {
    orgId: string;
    setId: string;
    modelVersionId: string;
    scope: 'WITHIN_SET' | 'ARCHIVE';
    /** Flagged above this: the model's threshold, or +Infinity while verification decides. */
    flagAbove: number;
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
    const flagged = batch.map((p) => p.score > context.flagAbove);
    inserted += await prisma.$executeRaw`
      INSERT INTO "Pair" ("orgId", "setId", "imageAId", "imageBId", "modelVersionId", "score", "modelScore", "scope", "flagged", "updatedAt")
      SELECT ${context.orgId}::uuid, ${context.setId}::uuid, t.a, t.b, ${context.modelVersionId}::uuid, t.s, t.s,
             ${context.scope}::"PairScope", t.f, now()
      FROM unnest(${a}::uuid[], ${b}::uuid[], ${scores}::float8[], ${flagged}::boolean[])
        AS t(a, b, s, f)
      ON CONFLICT ("imageAId", "imageBId", "modelVersionId") DO NOTHING`;
  }
  return inserted;
}

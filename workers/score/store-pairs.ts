import type { PrismaClient } from '@twinspect/prisma';

export interface PairRow {
  imageAId: string;
  imageBId: string;
  score: number;
}

/**
 * Inserts scored pairs in batches. One row per unordered pair and model version (the unique key),
 * image A the smaller uuid (a CHECK); ON CONFLICT DO NOTHING keeps whatever a reviewer already
 * did with a pair stored by an earlier attempt or another set, and makes re-runs no-ops.
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
        p.imageAId < p.imageBId
          ? p
          : { imageAId: p.imageBId, imageBId: p.imageAId, score: p.score },
      );
    const a = batch.map((p) => p.imageAId);
    const b = batch.map((p) => p.imageBId);
    const scores = batch.map((p) => p.score);
    const flagged = batch.map((p) => p.score > context.threshold);
    inserted += await prisma.$executeRaw`
      INSERT INTO "Pair" ("orgId", "setId", "imageAId", "imageBId", "modelVersionId", "score", "scope", "flagged", "updatedAt")
      SELECT ${context.orgId}::uuid, ${context.setId}::uuid, t.a, t.b, ${context.modelVersionId}::uuid, t.s,
             ${context.scope}::"PairScope", t.f, now()
      FROM unnest(${a}::uuid[], ${b}::uuid[], ${scores}::float8[], ${flagged}::boolean[]) AS t(a, b, s, f)
      ON CONFLICT ("imageAId", "imageBId", "modelVersionId") DO NOTHING`;
  }
  return inserted;
}

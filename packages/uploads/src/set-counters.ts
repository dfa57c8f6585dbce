import type { PrismaClient } from '@twinspect/prisma';

export interface SetCounts {
  orgId: string;
  imagesTotal: number;
  imagesIngested: number;
  imagesFailed: number;
}

/**
 * Recounts a set's image counters from its Image rows: they are derived, never incremented, so
 * no retry, crash or race can leave them off by one. The set row is locked first, so the count
 * (a new snapshot in READ COMMITTED) sees every image update committed before — the last of
 * several concurrent recounts always writes the full picture.
 */
export async function recountSetImages(
  prisma: PrismaClient,
  setId: string,
): Promise<SetCounts | null> {
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw`SELECT 1 FROM "ImageSet" WHERE "id" = ${setId}::uuid FOR UPDATE`,
    prisma.$queryRaw<SetCounts[]>`
      UPDATE "ImageSet" AS s SET
        "imagesTotal" = c.total, "imagesIngested" = c.ready, "imagesFailed" = c.failed, "updatedAt" = now()
      FROM (
        SELECT count(*)::int AS total,
               (count(*) FILTER (WHERE "status" = 'READY'))::int AS ready,
               (count(*) FILTER (WHERE "status" = 'FAILED'))::int AS failed
        FROM "Image" WHERE "setId" = ${setId}::uuid
      ) AS c
      WHERE s."id" = ${setId}::uuid
      RETURNING s."orgId", s."imagesTotal", s."imagesIngested", s."imagesFailed"`,
  ]);
  return rows[0] ?? null;
}

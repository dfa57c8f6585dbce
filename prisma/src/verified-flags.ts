import type { PrismaTx } from './client.ts';
import { Prisma } from './generated/client/client.ts';

/**
 * Re-flagging is one UPDATE per model version over the team's verified pairs: 1.2-9.8 s for
 * 499,000 of them on this machine's 2 cores (more when more flags change), past Prisma's 5 s
 * default for an interactive transaction.
 */
export const REFLAG_TRANSACTION = { timeout: 120_000 } as const;

/**
 * Re-applies the flag threshold to an organization's geometrically verified pairs and recounts
 * its sets' flagged pairs: after a team changes its flag prevalence (the API), and when a verify
 * job finishes a set (`setId`), so that a change made while the job ran still reaches its pairs.
 *
 * `flagAbove` gives a version's threshold from its manifest at the team's prevalence, or null for
 * a version without verification (inference's manifestFlagThreshold). Pairs that were not
 * verified keep the model threshold's verdict, which the prevalence does not move. A pair someone
 * has worked on (annotated, decided, no longer OPEN) keeps its flag, so that raising the
 * threshold never hides work from the queue.
 *
 * Run it inside a transaction of REFLAG_TRANSACTION options: it reads the prevalence FOR SHARE, so
 * it waits for a concurrent settings change to commit and then applies the new value.
 */
export async function reapplyVerifiedFlags(
  tx: PrismaTx,
  orgId: string,
  flagAbove: (manifest: unknown, flagPrevalence: number | null) => number | null,
  setId?: string,
): Promise<void> {
  const [org] = await tx.$queryRaw<{ flagPrevalence: number | null }[]>`
    SELECT "flagPrevalence" FROM "Organization" WHERE "id" = ${orgId}::uuid FOR SHARE`;
  if (!org) return;
  const inSet = setId ? Prisma.sql`AND "setId" = ${setId}::uuid` : Prisma.empty;
  const used = await tx.pair.findMany({
    where: { orgId, inliers: { not: null }, ...(setId ? { setId } : {}) },
    distinct: ['modelVersionId'],
    select: { modelVersionId: true },
  });
  const versions = await tx.modelVersion.findMany({
    where: { id: { in: used.map((u) => u.modelVersionId) } },
    select: { id: true, manifest: true },
  });
  for (const version of versions) {
    const t = flagAbove(version.manifest, org.flagPrevalence);
    if (t === null) continue;
    await tx.$executeRaw`
      UPDATE "Pair" SET "flagged" = ("score" > ${t}), "updatedAt" = now()
      WHERE "orgId" = ${orgId}::uuid AND "modelVersionId" = ${version.id}::uuid
        AND "inliers" IS NOT NULL ${inSet}
        AND "flagged" <> ("score" > ${t})
        AND ("score" > ${t} OR ("status" = 'OPEN' AND "verdict" IS NULL AND "annotationCount" = 0))`;
  }
  await tx.$executeRaw`
    UPDATE "ImageSet" AS s SET "pairsFlagged" = (
      SELECT count(*)::int FROM "Pair" AS p
      WHERE p."setId" = s."id" AND p."modelVersionId" = s."modelVersionId" AND p."flagged")
    WHERE s."orgId" = ${orgId}::uuid ${setId ? Prisma.sql`AND s."id" = ${setId}::uuid` : Prisma.empty}`;
}

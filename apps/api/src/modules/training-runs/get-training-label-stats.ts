import type { PrismaClient } from '@twinspect/prisma';

/**
 * Confirmed labels of an organization: how many, of which kind, how many since the latest run,
 * how often annotators agreed without adjudication, and each annotator's agreement with the
 * confirmed label.
 */
export async function getTrainingLabelStats(prisma: PrismaClient, orgId: string) {
  const lastRun = await prisma.trainingRun.findFirst({
    where: { orgId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const groups = await prisma.confirmedLabel.groupBy({
    by: ['label', 'source'],
    where: { orgId },
    _count: { _all: true },
  });
  const count = (match: (g: (typeof groups)[number]) => boolean) =>
    groups.filter(match).reduce((sum, g) => sum + g._count._all, 0);
  const confirmed = count(() => true);
  const agreed = count((g) => g.source === 'AGREED');
  const sinceLastRun = await prisma.confirmedLabel.count({
    where: { orgId, ...(lastRun ? { createdAt: { gt: lastRun.createdAt } } : {}) },
  });
  const annotators = await prisma.$queryRaw<
    { annotatorId: string; total: number; matching: number }[]
  >`
    SELECT a."annotatorId", count(*)::int AS total,
           count(*) FILTER (WHERE a."label"::text = c."label"::text)::int AS matching
    FROM "Annotation" a JOIN "ConfirmedLabel" c ON c."pairId" = a."pairId" AND c."orgId" = a."orgId"
    WHERE a."orgId" = ${orgId}::uuid
    GROUP BY a."annotatorId"
    ORDER BY total DESC`;
  return {
    confirmed,
    same: count((g) => g.label === 'SAME'),
    different: count((g) => g.label === 'DIFFERENT'),
    agreed,
    adjudicated: confirmed - agreed,
    agreementRate: confirmed ? agreed / confirmed : null,
    sinceLastRun,
    lastRunAt: lastRun?.createdAt ?? null,
    annotators: annotators.map((row) => ({
      annotatorId: row.annotatorId,
      annotations: row.total,
      agreementRate: row.total ? row.matching / row.total : 0,
    })),
  };
}

import type { PrismaClient } from '@twinspect/prisma';

/**
 * An image set of `images` READY images (rows only: no files) with every pair among them, each
 * with a score, in a few SQL statements: 448 images give 100,128 pairs in seconds. For fault
 * tests and the load benchmark, which need many pairs to review, not real pictures.
 */
export async function seedSyntheticPairs(
  prisma: PrismaClient,
  input: {
    orgId: string;
    createdById: string;
    modelVersionId: string;
    images: number;
    name?: string;
  },
): Promise<{ setId: string; pairs: number }> {
  const set = await prisma.imageSet.create({
    data: {
      orgId: input.orgId,
      name: input.name ?? `synthetic ${input.images}`,
      createdById: input.createdById,
      status: 'READY',
      imagesTotal: input.images,
      imagesIngested: input.images,
      imagesEmbedded: input.images,
    },
  });
  await prisma.$executeRaw`
    INSERT INTO "Image" ("orgId", "setId", "originalName", "status", "width", "height", "format", "updatedAt")
    SELECT ${input.orgId}::uuid, ${set.id}::uuid, 'synthetic-' || i || '.png', 'READY', 64, 64, 'png', now()
    FROM generate_series(1, ${input.images}::int) AS i`;
  const pairs = await prisma.$executeRaw`
    INSERT INTO "Pair" ("orgId", "setId", "imageAId", "imageBId", "modelVersionId", "score", "scope", "flagged", "updatedAt")
    SELECT a."orgId", a."setId", a.id, b.id, ${input.modelVersionId}::uuid, s.score, 'WITHIN_SET', s.score > 0.5, now()
    FROM "Image" a JOIN "Image" b ON a."setId" = b."setId" AND a.id < b.id
    CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || b.id::text)) / 2147483648.0 AS score) s
    WHERE a."setId" = ${set.id}::uuid`;
  await prisma.imageSet.update({
    where: { id: set.id },
    data: { pairsTotal: pairs, pairsScored: pairs },
  });
  return { setId: set.id, pairs };
}

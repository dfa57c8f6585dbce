import { type Embeddings, fromBytes, stack, toBytes } from '@twinspect/inference';
import type { PrismaClient } from '@twinspect/prisma';

export interface StoredEmbeddings {
  /** Image ids, in row order (sorted, so every run sees the same order). */
  imageIds: string[];
  embeddings: Embeddings;
}

/** Embeddings of one model version for the READY images matching `where`, ordered by image id. */
export async function loadEmbeddings(
  prisma: PrismaClient,
  modelVersionId: string,
  dim: number,
  where: { setId: string } | { orgId: string; notSetId: string },
): Promise<StoredEmbeddings> {
  const rows = await prisma.embedding.findMany({
    where: {
      modelVersionId,
      image:
        'setId' in where
          ? { setId: where.setId, status: 'READY' }
          : { orgId: where.orgId, setId: { not: where.notSetId }, status: 'READY' },
    },
    select: { imageId: true, vector: true },
    orderBy: { imageId: 'asc' },
  });
  return {
    imageIds: rows.map((r) => r.imageId),
    embeddings: stack(
      rows.map((r) => fromBytes(r.vector)),
      dim,
    ),
  };
}

/** Inserts embeddings; an image that already has one for this version keeps it (retries). */
export async function saveEmbeddings(
  prisma: PrismaClient,
  rows: { orgId: string; imageId: string; modelVersionId: string; vector: Float32Array }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await prisma.embedding.createMany({
    skipDuplicates: true,
    data: rows.map((r) => ({
      orgId: r.orgId,
      imageId: r.imageId,
      modelVersionId: r.modelVersionId,
      dim: r.vector.length,
      vector: toBytes(r.vector),
    })),
  });
  return result.count;
}

import {
  type Embeddings,
  fromBytes,
  type Model,
  PairSelector,
  scoreAcross,
  scoreBlock,
  stack,
} from '@twinspect/inference';
import type { WorkerDeps } from '../shared/deps.ts';
import { ArchiveIndexCache } from './archive-index.ts';
import { loadEmbeddings } from './embeddings-store.ts';
import type { PairRow } from './store-pairs.ts';

export interface ArchiveScoring {
  method: 'none' | 'exact' | 'ann';
  archiveImages: number;
  pairsScored: number;
  pairs: PairRow[];
}

/**
 * Each image of the set against every earlier image of the organization. Exact (every pair
 * through the head) while n × archive stays under `archiveExactMaxPairs`; past that, the ANN
 * index proposes `archiveCandidates` neighbours per image and only those pairs are scored by the
 * head. Either way the kept pairs follow the same floor + top-k rule as within a set.
 */
export async function scoreAgainstArchive(
  deps: WorkerDeps,
  model: Model,
  indexes: ArchiveIndexCache,
  context: { orgId: string; setId: string; modelVersionId: string; floor: number },
  set: { imageIds: string[]; embeddings: Embeddings },
  onProgress: (pairsScored: number) => Promise<void>,
): Promise<ArchiveScoring> {
  const { prisma, settings } = deps;
  const n = set.imageIds.length;
  const archiveCount = await prisma.embedding.count({
    where: {
      orgId: context.orgId,
      modelVersionId: context.modelVersionId,
      image: { setId: { not: context.setId }, status: 'READY' },
    },
  });
  if (n === 0 || archiveCount === 0)
    return { method: 'none', archiveImages: 0, pairsScored: 0, pairs: [] };
  const selection = {
    floor: context.floor,
    topK: settings.topK,
    maxPerImage: settings.maxPairsPerImage,
  };

  if (n * archiveCount <= settings.archiveExactMaxPairs) {
    const archive = await loadEmbeddings(prisma, context.modelVersionId, model.dim, {
      orgId: context.orgId,
      notSetId: context.setId,
    });
    const result = await scoreAcross(model, set.embeddings, archive.embeddings, {
      ...selection,
      onProgress,
    });
    return {
      method: 'exact',
      archiveImages: archive.imageIds.length,
      pairsScored: result.pairsScored,
      pairs: result.pairs.map((p) => ({
        imageAId: set.imageIds[p.a] as string,
        imageBId: archive.imageIds[p.b - n] as string,
        score: p.score,
      })),
    };
  }

  const index = await indexes.get(context.orgId, context.modelVersionId, model.dim);
  await index.sync(prisma, context.orgId, context.modelVersionId);
  // Snapshot once enough is new (10% of the archive, at least `annSnapshotEvery` images).
  if (index.addedSinceSnapshot >= Math.max(settings.annSnapshotEvery, index.size * 0.1)) {
    await index.saveSnapshot(
      deps.storage,
      ArchiveIndexCache.prefix(context.orgId, context.modelVersionId),
    );
  }
  const own = new Set(set.imageIds);
  const candidates = index.search(set.embeddings, settings.archiveCandidates, own);
  // Score the union of candidates once as a block, then keep only each image's own candidates.
  const wanted = [...new Set(candidates.flat())];
  const stored = await prisma.embedding.findMany({
    where: {
      modelVersionId: context.modelVersionId,
      imageId: { in: wanted.map((r) => index.imageIds[r] as string) },
    },
    select: { imageId: true, vector: true },
  });
  const byImage = new Map(stored.map((e) => [e.imageId, fromBytes(e.vector)]));
  // Images removed since they were indexed drop out here.
  const union = wanted
    .filter((r) => byImage.has(index.imageIds[r] as string))
    .sort((x, y) => x - y);
  const column = new Map(union.map((r, c) => [r, c]));
  const unionEmbeddings = stack(
    union.map((r) => byImage.get(index.imageIds[r] as string) as Float32Array),
    model.dim,
  );
  const scores = await scoreBlock(model, set.embeddings, unionEmbeddings);
  const selector = new PairSelector({ ...selection, tracksTopK: (i) => i < n });
  candidates.forEach((rows, i) => {
    for (const r of rows) {
      const c = column.get(r);
      if (c === undefined) continue;
      selector.offer(i, n + r, scores[i * union.length + c] as number);
    }
  });
  await onProgress(selector.pairsScored);
  return {
    method: 'ann',
    archiveImages: index.size - own.size,
    pairsScored: selector.pairsScored,
    pairs: selector.result().map((p) => ({
      imageAId: set.imageIds[p.a] as string,
      imageBId: index.imageIds[p.b - n] as string,
      score: p.score,
    })),
  };
}

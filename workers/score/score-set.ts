import { calibratedVerification, scoreWithinSet } from '@twinspect/inference';
import type { TScoreSetJob, TScoreSetResult } from '@twinspect/jobs';
import { findActiveModelVersion } from '@twinspect/prisma';
import { UnrecoverableError } from 'bullmq';
import type { WorkerDeps } from '../shared/deps.ts';
import type { ArchiveIndexCache } from './archive-index.ts';
import { embedSetImages, refreshEmbeddedCount } from './embed-set-images.ts';
import { loadEmbeddings } from './embeddings-store.ts';
import type { ModelCache } from './model-cache.ts';
import { scoreAgainstArchive } from './score-archive.ts';
import { storePairs } from './store-pairs.ts';

export interface ScoreSetContext {
  models: ModelCache;
  indexes: ArchiveIndexCache;
}

/**
 * Scores one set with a model version: embed what is missing, every pair within the set, each
 * image against the organization's archive, store the pairs worth review (flagged above the
 * calibrated threshold, unless geometric verification will decide), then queue their
 * verification. Every step is idempotent (skip what is stored, insert-or-ignore), so a retried or
 * restarted job converges on the same rows.
 */
export async function scoreSet(
  deps: WorkerDeps,
  context: ScoreSetContext,
  job: TScoreSetJob,
): Promise<TScoreSetResult> {
  const { prisma, settings, logger } = deps;
  const set = await prisma.imageSet.findFirst({ where: { id: job.setId, orgId: job.orgId } });
  if (!set) throw new UnrecoverableError(`image set ${job.setId} not found`);
  if (set.imagesIngested + set.imagesFailed < set.imagesTotal) {
    // More uploads arrived after this job was queued; the last of their ingests queues the next.
    return {
      setId: set.id,
      skipped: 'still-ingesting',
      modelVersionId: job.modelVersionId ?? '',
      imagesEmbedded: 0,
      pairsScored: 0,
      pairsStored: 0,
      pairsFlagged: 0,
      archive: { images: 0, method: 'none' },
    };
  }
  const version = job.modelVersionId
    ? await prisma.modelVersion.findFirst({
        where: { id: job.modelVersionId, OR: [{ orgId: job.orgId }, { orgId: null }] },
      })
    : await findActiveModelVersion(prisma, job.orgId);
  if (!version) throw new UnrecoverableError('no active model version: register one (see README)');

  const model = await context.models.get(version);
  const threshold = version.threshold;
  const floor = settings.pairFloor === 'threshold' ? threshold : settings.pairFloor;
  await prisma.imageSet.update({
    where: { id: set.id },
    data: { status: 'EMBEDDING', modelVersionId: version.id, error: null },
  });

  await embedSetImages(deps, model, job, version.id);
  await refreshEmbeddedCount(deps, set.id, version.id);
  const own = await loadEmbeddings(prisma, version.id, model.dim, { setId: set.id });
  const n = own.imageIds.length;
  const archiveCount = await prisma.embedding.count({
    where: {
      orgId: job.orgId,
      modelVersionId: version.id,
      image: { setId: { not: set.id }, status: 'READY' },
    },
  });
  const archivePairs =
    n * archiveCount <= settings.archiveExactMaxPairs
      ? n * archiveCount
      : n * Math.min(archiveCount, settings.archiveCandidates);
  const withinPairs = (n * (n - 1)) / 2;
  await prisma.imageSet.update({
    where: { id: set.id },
    data: { status: 'SCORING', pairsTotal: withinPairs + archivePairs, pairsScored: 0 },
  });

  // Progress is written at most once a second: visible through GraphQL, cheap for the database.
  let lastWrite = 0;
  const progress = (offset: number) => async (scored: number) => {
    const now = Date.now();
    if (now - lastWrite < 1000) return;
    lastWrite = now;
    await prisma.imageSet.update({ where: { id: set.id }, data: { pairsScored: offset + scored } });
  };

  const within = await scoreWithinSet(model, own.embeddings, {
    floor,
    topK: settings.topK,
    maxPerImage: settings.maxPairsPerImage,
    onProgress: progress(0),
  });
  // With verification on, only verified pairs are flagged (verify-set.ts, after READY): the
  // model alone flags far too many look-alike fields of one experiment.
  const verify = calibratedVerification(model.manifest.verification) && settings.verifyTopK > 0;
  const pairContext = {
    orgId: job.orgId,
    setId: set.id,
    modelVersionId: version.id,
    flagAbove: verify ? Number.POSITIVE_INFINITY : threshold,
  };
  const candidates = within.pairs.map((p) => ({
    imageAId: own.imageIds[p.a] as string,
    imageBId: own.imageIds[p.b] as string,
    score: p.score,
  }));
  let stored = await storePairs(
    prisma,
    { ...pairContext, scope: 'WITHIN_SET' },
    candidates,
    settings.pairInsertBatchSize,
  );

  const archive = await scoreAgainstArchive(
    deps,
    model,
    context.indexes,
    { orgId: job.orgId, setId: set.id, modelVersionId: version.id, floor },
    own,
    progress(within.pairsScored),
  );
  stored += await storePairs(
    prisma,
    { ...pairContext, scope: 'ARCHIVE' },
    archive.pairs,
    settings.pairInsertBatchSize,
  );

  // Geometric verification comes after READY: pairs are visible at once, ranked by the model's
  // score; the verify job checks every stored pair (verifies it, or screens it) and flags as it
  // goes. Its size is known now, for progress.
  const pairsToVerify = verify
    ? await prisma.pair.count({ where: { setId: set.id, modelVersionId: version.id } })
    : 0;
  const pairsScored = within.pairsScored + archive.pairsScored;
  const pairsFlagged = await prisma.pair.count({
    where: { setId: set.id, modelVersionId: version.id, flagged: true },
  });
  await prisma.imageSet.update({
    where: { id: set.id },
    data: {
      status: 'READY',
      pairsScored,
      pairsTotal: pairsScored,
      pairsFlagged,
      pairsToVerify,
      pairsVerified: 0,
      scoredAt: new Date(),
    },
  });
  if (verify)
    await deps.producer.enqueueVerify({
      orgId: job.orgId,
      setId: set.id,
      modelVersionId: version.id,
      generation: job.generation,
    });
  logger.info(
    { setId: set.id, images: n, pairsScored, stored, pairsFlagged, archive: archive.method },
    'set scored',
  );
  return {
    setId: set.id,
    modelVersionId: version.id,
    imagesEmbedded: n,
    pairsScored,
    pairsStored: stored,
    pairsFlagged,
    archive: { images: archive.archiveImages, method: archive.method },
  };
}

import {
  type CalibratedVerification,
  calibratedVerification,
  chooseForVerification,
  type ImageKeypoints,
  InferenceError,
  manifestFlagThreshold,
  screenCandidates,
  type VerifyPool,
  verifyCandidate,
} from '@twinspect/inference';
import type { TVerifySetJob, TVerifySetResult } from '@twinspect/jobs';
import { REFLAG_TRANSACTION, reapplyVerifiedFlags } from '@twinspect/prisma';
import { StorageError } from '@twinspect/storage';
import { UnrecoverableError } from 'bullmq';
import type { WorkerDeps } from '../shared/deps.ts';
import type { ModelCache } from './model-cache.ts';

/** Keypoints kept in memory at most (each image about 140 kB): bounds a large set's job. */
const KEYPOINT_CACHE = 2_000;

/**
 * The `verify` job: geometric verification (packages/inference verify-candidates.ts) of a READY
 * set's stored pairs, after the score job made them visible, ranked by the model's score.
 * Within each scope (within the set, against the archive), each image's `verifyTopK` best pairs by
 * model score get the calibrated combined score and the verified flag, likeliest first; then the
 * other stored pairs are screened with each image's strongest keypoints, and those that match are
 * verified too. A verified pair is flagged at the team's flag prevalence (Organization
 * .flagPrevalence, else the manifest's). The rest are not flagged (rows flagged by a model-only
 * scoring before are unflagged). Results are written in batches and verification is
 * deterministic, so a retried or restarted job skips what is done and converges.
 */
export async function verifySet(
  deps: WorkerDeps,
  context: { models: ModelCache; pool: VerifyPool },
  job: TVerifySetJob,
): Promise<TVerifySetResult> {
  const { prisma, logger } = deps;
  const set = await prisma.imageSet.findFirst({ where: { id: job.setId, orgId: job.orgId } });
  if (!set) throw new UnrecoverableError(`image set ${job.setId} not found`);
  const version = await prisma.modelVersion.findFirst({
    where: { id: job.modelVersionId, OR: [{ orgId: job.orgId }, { orgId: null }] },
  });
  if (!version) throw new UnrecoverableError(`model version ${job.modelVersionId} not found`);
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: set.orgId },
    select: { flagPrevalence: true },
  });
  const verification = calibratedVerification(
    (await context.models.get(version)).manifest.verification,
    { flagPrevalence: org.flagPrevalence },
  );
  // A later scoring with another model now owns the set's progress; its own job verifies.
  if (set.modelVersionId !== version.id || !verification || deps.settings.verifyTopK === 0)
    return { setId: set.id, pairsVerified: 0, pairsFlagged: set.pairsFlagged };

  const countFlagged = () =>
    prisma.pair.count({ where: { setId: set.id, modelVersionId: version.id, flagged: true } });
  const rows = await prisma.pair.findMany({
    where: { setId: set.id, modelVersionId: version.id },
    select: {
      id: true,
      imageAId: true,
      imageBId: true,
      score: true,
      modelScore: true,
      inliers: true,
      flagged: true,
      scope: true,
    },
    orderBy: { id: 'asc' },
  });
  const pairs = rows.map((row) => ({
    row,
    candidate: { a: row.imageAId, b: row.imageBId, score: row.modelScore ?? row.score },
  }));
  const chosen = (['WITHIN_SET', 'ARCHIVE'] as const).flatMap((scope) => {
    const inScope = pairs.filter((p) => p.row.scope === scope);
    const picked = chooseForVerification(
      inScope.map((p) => p.candidate),
      deps.settings.verifyTopK,
    );
    return inScope.filter((_, i) => picked.has(i));
  });
  const isChosen = new Set(chosen);
  // A pair verified by an earlier job (before more images arrived, say) keeps its verdict.
  const unflag = pairs
    .filter((p) => p.row.flagged && p.row.inliers === null && !isChosen.has(p))
    .map((p) => p.row.id);
  if (unflag.length > 0)
    await prisma.pair.updateMany({ where: { id: { in: unflag } }, data: { flagged: false } });
  const keypointsOf = keypointReader(
    deps,
    context.pool,
    verification,
    await storageKeys(
      deps,
      pairs.map((p) => p.candidate),
    ),
  );
  // Progress counts pairs checked: verified, or screened and let go.
  type Pending = (typeof pairs)[number];
  const byModelScore = (x: Pending, y: Pending) => y.candidate.score - x.candidate.score;
  const first = chosen.filter((p) => p.row.inliers === null).sort(byModelScore);
  const rest = pairs.filter((p) => p.row.inliers === null && !isChosen.has(p));
  // Every pair is checked once: verified, or screened (and verified if screening passes it).
  let checked = pairs.filter((p) => p.row.inliers !== null).length;
  const total = pairs.length;
  const progress = async () =>
    prisma.imageSet.update({
      where: { id: set.id },
      data: { pairsToVerify: total, pairsVerified: checked, pairsFlagged: await countFlagged() },
    });
  await progress();
  const verifyAll = async (list: Pending[]) => {
    const size = deps.settings.verifyBatchSize;
    for (let start = 0; start < list.length; start += size) {
      const batch = list.slice(start, start + size);
      const results = await Promise.all(
        batch.map((p) =>
          verifyCandidate(p.candidate, keypointsOf, verification, context.pool.match),
        ),
      );
      await prisma.$executeRaw`
        UPDATE "Pair" AS p SET "score" = t.s, "modelScore" = t.m, "inliers" = t.n, "flagged" = t.f, "updatedAt" = now()
        FROM unnest(${batch.map((p) => p.row.id)}::uuid[], ${results.map((r) => r.score)}::float8[],
                    ${results.map((r) => r.modelScore)}::float8[], ${results.map((r) => r.inliers)}::int4[],
                    ${results.map((r) => r.flagged)}::boolean[]) AS t(id, s, m, n, f)
        WHERE p."id" = t.id`;
      checked += batch.length;
      await progress();
    }
  };
  // The likeliest copies first, so that their flags reach the triage queue first.
  await verifyAll(first);
  // Then a copy the model ranks low: verified too if a cheap match of the strongest keypoints
  // finds it (the model confuses look-alike fields of one experiment with an image's copy).
  const before = checked;
  const passed = await screenCandidates(
    rest.map((p) => p.candidate),
    keypointsOf,
    verification,
    {
      keypoints: deps.settings.screenKeypoints,
      minInliers: deps.settings.screenMinInliers,
      match: context.pool.match,
      batchSize: deps.settings.verifyBatchSize,
      // A pair screening passes counts once it is verified below.
      onProgress: async (screened, passedSoFar) => {
        checked = before + screened - passedSoFar;
        await progress();
      },
    },
  );
  await verifyAll(rest.filter((_, i) => passed.has(i)).sort(byModelScore));

  // A flag prevalence the team changed while the job ran also reaches the pairs written since
  // (this recounts the set's pairsFlagged too).
  await prisma.$transaction(
    (tx) => reapplyVerifiedFlags(tx, set.orgId, manifestFlagThreshold, set.id),
    REFLAG_TRANSACTION,
  );
  const pairsFlagged = await countFlagged();
  logger.info({ setId: set.id, pairsChecked: checked, pairsFlagged }, 'set verified');
  return { setId: set.id, pairsVerified: checked, pairsFlagged };
}

/**
 * Keypoints of an image's original, read and extracted once while cached (the promise is cached,
 * so pairs verified at once share one extraction). An original that cannot be read now counts as
 * no geometric evidence, not as a failure.
 */
function keypointReader(
  deps: WorkerDeps,
  pool: VerifyPool,
  params: CalibratedVerification,
  storageKeys: Map<string, string>,
): (imageId: string) => Promise<ImageKeypoints | null> {
  const cache = new Map<string, Promise<ImageKeypoints | null>>();
  const extract = async (imageId: string): Promise<ImageKeypoints | null> => {
    const storageKey = storageKeys.get(imageId);
    if (!storageKey) return null;
    try {
      const bytes = await deps.storage.get(storageKey);
      return await pool.extract(bytes, params, { maxPixels: deps.settings.maxPixels });
    } catch (error) {
      if (error instanceof InferenceError) return null;
      if (error instanceof StorageError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  };
  return (imageId) => {
    const cached = cache.get(imageId);
    if (cached) return cached;
    const keypoints = extract(imageId);
    // Oldest first out: Map iterates in insertion order.
    if (cache.size >= KEYPOINT_CACHE) cache.delete(cache.keys().next().value as string);
    cache.set(imageId, keypoints);
    return keypoints;
  };
}

/** Where the original of every image in `pairs` is stored. */
async function storageKeys(
  deps: WorkerDeps,
  pairs: { a: string; b: string }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const images = await deps.prisma.image.findMany({
    where: { id: { in: ids } },
    select: { id: true, storageKey: true },
  });
  return new Map(images.flatMap((i) => (i.storageKey ? [[i.id, i.storageKey] as const] : [])));
}

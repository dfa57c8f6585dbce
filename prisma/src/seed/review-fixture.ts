import type { PrismaClient } from '../generated/client/client.ts';

/**
 * A small reviewed case for tests and UI work that must not wait for the scoring pipeline:
 * a set with three images, two scored pairs (one annotated and decided), an active and a
 * candidate model version, a finished training run and an audit entry. Not part of db:seed.
 */
export async function seedReviewFixture(
  prisma: PrismaClient,
  input: { orgId: string; adminId: string; editorId: string; annotatorId: string; label?: string },
) {
  const { orgId, adminId, editorId, annotatorId } = input;
  const label = input.label ?? 'fixture';
  return prisma.$transaction(async (tx) => {
    const active = await tx.modelVersion.create({
      data: {
        orgId,
        name: `${label}-active`,
        artifactDir: `models/${label}-active`,
        manifest: { embeddingDim: 4 },
        metrics: { auc: 0.91 },
        threshold: 0.5,
        status: 'ACTIVE',
        active: true,
        activatedAt: new Date(),
      },
    });
    const candidate = await tx.modelVersion.create({
      data: {
        orgId,
        name: `${label}-candidate`,
        parentId: active.id,
        artifactDir: `models/${label}-candidate`,
        manifest: { embeddingDim: 4 },
        threshold: 0.6,
      },
    });
    const set = await tx.imageSet.create({
      data: {
        orgId,
        name: `${label} case`,
        status: 'READY',
        createdById: editorId,
        modelVersionId: active.id,
        imagesTotal: 3,
        imagesIngested: 3,
        imagesEmbedded: 3,
        pairsTotal: 3,
        pairsScored: 3,
        pairsFlagged: 2,
      },
    });
    const images = [];
    for (const n of [1, 2, 3]) {
      images.push(
        await tx.image.create({
          data: {
            orgId,
            setId: set.id,
            originalName: `${label}-${n}.png`,
            contentHash: n.toString(16).repeat(64),
            width: 64,
            height: 64,
            format: 'png',
            bitDepth: 8,
            channels: 3,
            pages: 1,
            status: 'READY',
            storageKey: `${orgId}/${set.id}/${n}`,
          },
        }),
      );
    }
    images.sort((a, b) => (a.id < b.id ? -1 : 1));
    const [a, b, c] = images as [(typeof images)[0], (typeof images)[0], (typeof images)[0]];
    const pairData = (x: typeof a, y: typeof a, score: number) => ({
      orgId,
      setId: set.id,
      imageAId: x.id,
      imageBId: y.id,
      modelVersionId: active.id,
      score,
      scope: 'WITHIN_SET' as const,
      flagged: score >= active.threshold,
    });
    const topPair = await tx.pair.create({
      data: {
        ...pairData(a, b, 0.97),
        status: 'DECIDED',
        annotationCount: 1,
        verdict: 'CONFIRMED_DUPLICATE',
        decidedAt: new Date(),
      },
    });
    const openPair = await tx.pair.create({ data: pairData(a, c, 0.81) });
    const lowPair = await tx.pair.create({ data: pairData(b, c, 0.12) });
    const annotation = await tx.annotation.create({
      data: { orgId, pairId: topPair.id, annotatorId, label: 'SAME', alterations: ['ROTATION'] },
    });
    const decision = await tx.decision.create({
      data: {
        orgId,
        pairId: topPair.id,
        editorId,
        verdict: 'CONFIRMED_DUPLICATE',
        comment: 'reused panel',
      },
    });
    const trainingRun = await tx.trainingRun.create({
      data: {
        orgId,
        status: 'SUCCEEDED',
        trigger: 'MANUAL',
        triggeredById: adminId,
        baseModelVersionId: active.id,
        modelVersionId: candidate.id,
        params: { epochs: 1 },
        progress: { epoch: 1, of: 1 },
        metrics: { auc: 0.9 },
        startedAt: new Date(),
        finishedAt: new Date(),
      },
    });
    const auditEntry = await tx.auditLog.create({
      data: {
        orgId,
        actorId: editorId,
        action: 'decision.record',
        targetType: 'Pair',
        targetId: topPair.id,
      },
    });
    return {
      set,
      images,
      pairs: { topPair, openPair, lowPair },
      annotation,
      decision,
      modelVersions: { active, candidate },
      trainingRun,
      auditEntry,
    };
  });
}

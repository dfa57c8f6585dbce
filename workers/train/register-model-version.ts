import type { Prisma, PrismaClient } from '@twinspect/prisma';
import type { TDatasetSnapshot } from './build-dataset.ts';
import type { TGateDecision } from './decide-promotion.ts';
import type { TModelEvaluation } from './evaluate-model.ts';
import type { TTrainingProgress } from './training-progress.ts';

export interface TRunEvaluation {
  decision: TGateDecision;
  candidate: TModelEvaluation;
  active: TModelEvaluation | null;
  activeModelVersionId: string | null;
}

interface RegisterInput {
  run: { id: string; orgId: string | null; triggeredById: string | null };
  artifactDir: string;
  manifest: { version: string; threshold: number; metrics?: { validation?: unknown } };
  parentId: string | null;
  snapshot: TDatasetSnapshot;
  evaluation: TRunEvaluation;
  progress: TTrainingProgress;
  log: string;
}

const json = (value: unknown) => value as Prisma.InputJsonObject;

/**
 * Registers the run's candidate, and promotes it when the gate said so: in one transaction, so
 * the registry, the run and the audit log never disagree. Promotion retires the previous active
 * version of the same scope (the organization's own, or the platform's for a platform-wide run);
 * scoring workers resolve the active version per job, so they switch without a restart.
 */
export async function registerModelVersion(prisma: PrismaClient, input: RegisterInput) {
  const { run, evaluation, manifest } = input;
  const promote = evaluation.decision.promote;
  return prisma.$transaction(async (tx) => {
    const metrics = {
      validation: manifest.metrics?.validation ?? null,
      heldOut: evaluation.candidate.heldOut.metrics ?? null,
      standard: evaluation.candidate.standard.metrics ?? null,
      gate: { promote, reason: evaluation.decision.reason },
    };
    let modelVersion = await tx.modelVersion.create({
      data: {
        orgId: run.orgId,
        name: manifest.version,
        parentId: input.parentId,
        artifactDir: input.artifactDir,
        manifest: json(manifest),
        metrics: json(metrics),
        threshold: manifest.threshold,
        status: 'CANDIDATE',
        dataSnapshot: json(input.snapshot),
      },
    });
    const audit = (
      action: string,
      targetType: string,
      targetId: string,
      data: Prisma.InputJsonObject,
    ) => tx.auditLog.create({ data: { orgId: run.orgId, action, targetType, targetId, data } });
    await audit('model.register', 'ModelVersion', modelVersion.id, {
      name: modelVersion.name,
      trainingRunId: run.id,
      parentId: input.parentId,
    });
    if (promote) {
      const previous = await tx.modelVersion.findFirst({
        where: { orgId: run.orgId, active: true },
      });
      await tx.modelVersion.updateMany({
        where: { orgId: run.orgId, active: true },
        data: { active: false, status: 'RETIRED' },
      });
      modelVersion = await tx.modelVersion.update({
        where: { id: modelVersion.id },
        data: { active: true, status: 'ACTIVE', activatedAt: new Date() },
      });
      await audit('model.promote', 'ModelVersion', modelVersion.id, {
        name: modelVersion.name,
        by: 'evaluation-gate',
        reason: evaluation.decision.reason,
        previousId: previous?.id ?? null,
        previousName: previous?.name ?? null,
      });
    }
    await tx.trainingRun.update({
      where: { id: run.id },
      data: {
        status: 'SUCCEEDED',
        modelVersionId: modelVersion.id,
        metrics: json(metrics),
        evaluation: json(evaluation),
        progress: json(input.progress),
        log: input.log,
        error: null,
        finishedAt: new Date(),
      },
    });
    await audit('training.succeed', 'TrainingRun', run.id, {
      modelVersionId: modelVersion.id,
      promoted: promote,
    });
    return { modelVersion, promoted: promote };
  });
}

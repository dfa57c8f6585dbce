import { type TrainProducer, ZTrainingParams } from '@twinspect/jobs';
import { findActiveModelVersion, type Prisma, type PrismaClient } from '@twinspect/prisma';
import { initialProgress } from './training-progress.ts';

export interface ScheduleCheck {
  newLabels: number;
  minNewLabels: number;
  trainingRunId: string | null;
  reason: string;
}

/**
 * The job an organization's scheduler fires: starts a run (trigger SCHEDULE) when at least
 * `minNewLabels` confirmed labels arrived since its last run began. A run already in flight wins
 * (the database allows one per organization), so overlapping checks start nothing twice.
 */
export async function checkTrainingSchedule(
  prisma: PrismaClient,
  producer: TrainProducer,
  orgId: string,
): Promise<ScheduleCheck> {
  const schedule = await prisma.trainingSchedule.findUnique({ where: { orgId } });
  if (!schedule?.enabled) {
    return { newLabels: 0, minNewLabels: 0, trainingRunId: null, reason: 'no enabled schedule' };
  }
  const lastRun = await prisma.trainingRun.findFirst({
    where: { orgId },
    orderBy: { createdAt: 'desc' },
  });
  const newLabels = await prisma.confirmedLabel.count({
    where: { orgId, ...(lastRun ? { createdAt: { gt: lastRun.createdAt } } : {}) },
  });
  const base = { newLabels, minNewLabels: schedule.minNewLabels };
  await prisma.trainingSchedule.update({ where: { orgId }, data: { lastCheckAt: new Date() } });
  if (newLabels < schedule.minNewLabels) {
    return {
      ...base,
      trainingRunId: null,
      reason: `${newLabels} new confirmed labels, fewer than ${schedule.minNewLabels}`,
    };
  }
  const params = ZTrainingParams.parse(schedule.params);
  const active = await findActiveModelVersion(prisma, orgId);
  let runId: string;
  try {
    runId = await prisma.$transaction(async (tx) => {
      const run = await tx.trainingRun.create({
        data: {
          orgId,
          trigger: 'SCHEDULE',
          baseModelVersionId: active?.id ?? null,
          params: params as Prisma.InputJsonObject,
          progress: initialProgress(params.epochs ?? 0) as unknown as Prisma.InputJsonObject,
        },
      });
      await tx.trainingSchedule.update({ where: { orgId }, data: { lastRunAt: new Date() } });
      await tx.auditLog.create({
        data: {
          orgId,
          action: 'training.start',
          targetType: 'TrainingRun',
          targetId: run.id,
          data: { trigger: 'SCHEDULE', newLabels, params: params as Prisma.InputJsonObject },
        },
      });
      return run.id;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      return { ...base, trainingRunId: null, reason: 'a run is already queued or running' };
    }
    throw error;
  }
  await producer.enqueueRun({ trainingRunId: runId, orgId });
  return { ...base, trainingRunId: runId, reason: `${newLabels} new confirmed labels` };
}

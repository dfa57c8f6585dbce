import { z } from 'zod';
import type { Actor, ApiDeps } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { visibleRunScope } from './training-params.ts';

export const ZCancelTrainingRunInput = z.object({ trainingRunId: z.uuid() });

/**
 * ADMIN. A queued run ends CANCELLED at once and its job is dropped. A running one gets a cancel
 * request: the train worker (maybe on another machine) polls it, stops the training process and
 * ends the run CANCELLED, leaving the active model as it was.
 */
export async function cancelTrainingRun(
  deps: Pick<ApiDeps, 'prisma' | 'config' | 'jobs'>,
  actor: Actor,
  input: z.input<typeof ZCancelTrainingRunInput>,
) {
  const { prisma, config, jobs } = deps;
  const { trainingRunId } = ZCancelTrainingRunInput.parse(input);
  const run = await prisma.trainingRun.findFirst({
    where: { id: trainingRunId, ...visibleRunScope(config, actor) },
  });
  if (!run) throw notFound('Training run');
  if (run.status !== 'QUEUED' && run.status !== 'RUNNING') {
    throw conflict(`The run has already ended (${run.status.toLowerCase()})`);
  }
  const now = new Date();
  const dropped = await prisma.trainingRun.updateMany({
    where: { id: run.id, status: 'QUEUED' },
    data: {
      status: 'CANCELLED',
      cancelRequestedAt: now,
      finishedAt: now,
      error: `cancelled by ${actor.email} before it started`,
    },
  });
  if (dropped.count === 1) {
    // A job a worker has just locked cannot be removed; the worker sees CANCELLED and stops.
    await jobs.train.removeRun({ trainingRunId: run.id, orgId: run.orgId }).catch(() => {});
  } else {
    await prisma.trainingRun.updateMany({
      where: { id: run.id, status: 'RUNNING', cancelRequestedAt: null },
      data: { cancelRequestedAt: now },
    });
  }
  return prisma.$transaction(async (tx) => {
    await recordAuditEntry(tx, actor, {
      action: 'training.cancel',
      targetType: 'TrainingRun',
      targetId: run.id,
      data: { status: run.status },
    });
    return tx.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
  });
}

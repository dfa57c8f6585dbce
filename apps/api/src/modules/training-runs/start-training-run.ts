import type { Prisma, PrismaClient } from '@twinspect/prisma';
import { findActiveModelVersion } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor, ApiDeps } from '../../context.ts';
import { conflict, forbidden } from '../../errors.ts';
import type { StartTrainingRunInput } from '../../generated/graphql.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { isPlatformAdmin, toTrainingParams } from './training-params.ts';

const ZPlatformWide = z.boolean().nullish();

/**
 * ADMIN: "Retrain now". Creates the run row (the database allows one queued or running run per
 * organization, so a double click cannot start two) and queues it on `train`.
 */
export async function startTrainingRun(
  deps: Pick<ApiDeps, 'prisma' | 'config' | 'jobs'>,
  actor: Actor,
  input: StartTrainingRunInput,
) {
  const { prisma, config, jobs } = deps;
  const params = toTrainingParams(input.params);
  const platformWide = ZPlatformWide.parse(input.platformWide) ?? false;
  if (platformWide && !isPlatformAdmin(config, actor)) {
    throw forbidden(
      'Platform-wide runs read every organization’s data: only platform admins start them',
    );
  }
  const orgId = platformWide ? null : actor.orgId;
  const base = orgId
    ? await findActiveModelVersion(prisma, orgId)
    : await prisma.modelVersion.findFirst({ where: { orgId: null, active: true } });
  const run = await createRun(prisma, actor, {
    orgId,
    baseModelVersionId: base?.id ?? null,
    params: params as Prisma.InputJsonObject,
  });
  try {
    await jobs.train.enqueueRun({ trainingRunId: run.id, orgId });
  } catch (error) {
    await prisma.trainingRun.update({
      where: { id: run.id },
      data: {
        status: 'FAILED',
        error: 'could not be queued (is Redis reachable?)',
        finishedAt: new Date(),
      },
    });
    throw error;
  }
  return run;
}

async function createRun(
  prisma: PrismaClient,
  actor: Actor,
  data: { orgId: string | null; baseModelVersionId: string | null; params: Prisma.InputJsonObject },
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const run = await tx.trainingRun.create({
        data: { ...data, trigger: 'MANUAL', triggeredById: actor.userId },
      });
      await recordAuditEntry(tx, actor, {
        action: 'training.start',
        targetType: 'TrainingRun',
        targetId: run.id,
        data: { trigger: 'MANUAL', platformWide: data.orgId === null, params: data.params },
      });
      return run;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw conflict(
        data.orgId
          ? 'A training run is already queued or running for this organization'
          : 'A platform-wide training run is already queued or running',
      );
    }
    throw error;
  }
}

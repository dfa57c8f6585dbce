import { findActiveModelVersion, type PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor, ApiDeps } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZRescoreImageSetInput = z.object({ imageSetId: z.uuid() });

/**
 * EDITOR or ADMIN: scores a set again with the organization's active version (after a promotion
 * or a rollback). Pairs are stored per version, so the old scores stay, each saying which version
 * made it; the job id includes the version, so asking twice queues it once.
 */
export async function rescoreImageSet(
  deps: { prisma: PrismaClient; jobs: ApiDeps['jobs'] },
  actor: Actor,
  input: z.input<typeof ZRescoreImageSetInput>,
) {
  const { prisma, jobs } = deps;
  const { imageSetId } = ZRescoreImageSetInput.parse(input);
  const imageSet = await prisma.imageSet.findFirst({
    where: { id: imageSetId, orgId: actor.orgId },
  });
  if (!imageSet) throw notFound('Image set');
  const modelVersion = await findActiveModelVersion(prisma, actor.orgId);
  if (!modelVersion) throw conflict('No model version is active to score with');
  const generation = await prisma.image.count({ where: { setId: imageSet.id, status: 'READY' } });
  await jobs.pipeline.enqueueScore({
    orgId: actor.orgId,
    setId: imageSet.id,
    modelVersionId: modelVersion.id,
    generation,
  });
  await prisma.$transaction((tx) =>
    recordAuditEntry(tx, actor, {
      action: 'imageSet.rescore',
      targetType: 'ImageSet',
      targetId: imageSet.id,
      data: { modelVersionId: modelVersion.id, modelVersionName: modelVersion.name },
    }),
  );
  return { imageSet, modelVersion };
}

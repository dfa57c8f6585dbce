import { findActiveModelVersion, type PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { badInput, notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZSetActiveModelVersionInput = z.object({ modelVersionId: z.uuid() });

/**
 * ADMIN: activates (or rolls back to) one of the organization's versions; the previous one is
 * retired. Choosing the active platform version drops the organization's own active version,
 * so it falls back to the platform default. Scoring workers read the active version per job,
 * so the swap needs no restart.
 */
export async function setActiveModelVersion(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZSetActiveModelVersionInput>,
) {
  const { modelVersionId } = ZSetActiveModelVersionInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const target = await tx.modelVersion.findFirst({
      where: { id: modelVersionId, OR: [{ orgId: actor.orgId }, { orgId: null }] },
    });
    if (!target) throw notFound('Model version');
    if (target.orgId === null && !target.active) {
      throw badInput(
        'Only the active platform version can be chosen; register a copy for your organization',
      );
    }
    const previous = await findActiveModelVersion(tx, actor.orgId);
    // Retire first: the partial unique index allows one active version per organization.
    await tx.modelVersion.updateMany({
      where: { orgId: actor.orgId, active: true, id: { not: target.id } },
      data: { active: false, status: 'RETIRED' },
    });
    const activated =
      target.orgId === null || target.active
        ? target
        : await tx.modelVersion.update({
            where: { id: target.id },
            data: {
              active: true,
              status: 'ACTIVE',
              activatedAt: new Date(),
              activatedById: actor.userId,
            },
          });
    await recordAuditEntry(tx, actor, {
      action: 'model.activate',
      targetType: 'ModelVersion',
      targetId: activated.id,
      data: {
        name: activated.name,
        previousId: previous?.id ?? null,
        previousName: previous?.name ?? null,
      },
    });
    return activated;
  });
}

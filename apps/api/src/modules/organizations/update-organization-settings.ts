import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZUpdateOrganizationSettingsInput = z.object({
  /** Independent labels a pair needs before consensus; 1 turns consensus off. */
  annotationsRequired: z.number().int().min(1).max(5),
});

/**
 * ADMIN only (checked by the resolver). The new count applies to labels recorded from now on;
 * pairs already confirmed or sent to adjudication keep their outcome.
 */
export async function updateOrganizationSettings(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZUpdateOrganizationSettingsInput>,
) {
  const { annotationsRequired } = ZUpdateOrganizationSettingsInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId } });
    const organization = await tx.organization.update({
      where: { id: actor.orgId },
      data: { annotationsRequired },
    });
    await recordAuditEntry(tx, actor, {
      action: 'organization.settings',
      targetType: 'Organization',
      targetId: actor.orgId,
      data: { annotationsRequired: { from: before.annotationsRequired, to: annotationsRequired } },
    });
    return organization;
  });
}

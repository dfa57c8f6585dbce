import { FLAG_PREVALENCE_RANGE, manifestFlagThreshold } from '@twinspect/inference';
import { type PrismaClient, REFLAG_TRANSACTION, reapplyVerifiedFlags } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZUpdateOrganizationSettingsInput = z.object({
  /** Independent labels a pair needs before consensus; 1 turns consensus off. */
  annotationsRequired: z.number().int().min(1).max(5).nullish(),
  /** The share of candidate pairs the team expects to be copies; null: the model's own. */
  flagPrevalence: z
    .number()
    .min(FLAG_PREVALENCE_RANGE.min)
    .max(FLAG_PREVALENCE_RANGE.max)
    .nullish(),
});

/**
 * ADMIN only (checked by the resolver); omitted fields keep their value. A new annotation count
 * applies to labels recorded from now on: pairs already confirmed or sent to adjudication keep
 * their outcome. A new flag prevalence re-flags the team's verified pairs in the same transaction
 * (prisma reapplyVerifiedFlags).
 */
export async function updateOrganizationSettings(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZUpdateOrganizationSettingsInput>,
) {
  const parsed = ZUpdateOrganizationSettingsInput.parse(input);
  const data = {
    // null is no value for a count: it keeps the current one, like an omitted field.
    ...(parsed.annotationsRequired != null && { annotationsRequired: parsed.annotationsRequired }),
    ...(parsed.flagPrevalence !== undefined && { flagPrevalence: parsed.flagPrevalence }),
  };
  return prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId } });
    const organization = await tx.organization.update({ where: { id: actor.orgId }, data });
    const changes = Object.fromEntries(
      (Object.keys(data) as (keyof typeof data)[])
        .filter((key) => before[key] !== organization[key])
        .map((key) => [key, { from: before[key], to: organization[key] }]),
    );
    if (Object.keys(changes).length === 0) return organization;
    if ('flagPrevalence' in changes)
      await reapplyVerifiedFlags(tx, actor.orgId, manifestFlagThreshold);
    await recordAuditEntry(tx, actor, {
      action: 'organization.settings',
      targetType: 'Organization',
      targetId: actor.orgId,
      data: changes,
    });
    return organization;
  }, REFLAG_TRANSACTION);
}

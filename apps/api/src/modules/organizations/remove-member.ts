import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { lockAdminMembershipIds } from './lock-admins.ts';

export const ZRemoveMemberInput = z.object({ memberId: z.uuid() });

/**
 * ADMIN only (checked by the resolver). Their work (annotations, decisions) stays; their API
 * tokens for this organization are revoked at once.
 */
export async function removeMember(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZRemoveMemberInput>,
) {
  const { memberId } = ZRemoveMemberInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const admins = await lockAdminMembershipIds(tx, actor.orgId);
    const member = await tx.membership.findFirst({ where: { id: memberId, orgId: actor.orgId } });
    if (!member) throw notFound('Member');
    if (member.role === 'ADMIN' && admins.length <= 1) {
      throw conflict('The organization needs at least one ADMIN');
    }
    await tx.membership.delete({ where: { id: memberId } });
    await tx.apiToken.updateMany({
      where: { orgId: actor.orgId, userId: member.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAuditEntry(tx, actor, {
      action: 'member.remove',
      targetType: 'Membership',
      targetId: memberId,
      data: { userId: member.userId, role: member.role },
    });
    return memberId;
  });
}

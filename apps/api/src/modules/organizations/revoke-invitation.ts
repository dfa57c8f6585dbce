import type { PrismaClient } from '@twinspect/prisma';
import type { Actor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export async function revokeInvitation(prisma: PrismaClient, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id, orgId: actor.orgId } });
    if (!invitation) throw notFound('Invitation');
    const revoked =
      invitation.revokedAt || invitation.acceptedAt
        ? invitation
        : await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEntry(tx, actor, {
      action: 'member.invite_revoke',
      targetType: 'Invitation',
      targetId: id,
    });
    return revoked;
  });
}

import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { ZRole } from './invite-member.ts';
import { lockAdminMembershipIds } from './lock-admins.ts';

export const ZChangeMemberRoleInput = z.object({ memberId: z.uuid(), role: ZRole });

/** ADMIN only (checked by the resolver). An organization always keeps at least one ADMIN. */
export async function changeMemberRole(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZChangeMemberRoleInput>,
) {
  const { memberId, role } = ZChangeMemberRoleInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const admins = await lockAdminMembershipIds(tx, actor.orgId);
    const member = await tx.membership.findFirst({ where: { id: memberId, orgId: actor.orgId } });
    if (!member) throw notFound('Member');
    if (member.role === 'ADMIN' && role !== 'ADMIN' && admins.length <= 1) {
      throw conflict('The organization needs at least one ADMIN');
    }
    const updated = await tx.membership.update({ where: { id: memberId }, data: { role } });
    await recordAuditEntry(tx, actor, {
      action: 'member.role_change',
      targetType: 'Membership',
      targetId: memberId,
      data: { userId: member.userId, from: member.role, to: role },
    });
    return updated;
  });
}

import type { PrismaClient } from '@twinspect/prisma';
import { type Actor, rankOf } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

/** Members revoke their own tokens; ADMINs any token of the organization. */
export async function revokeApiToken(prisma: PrismaClient, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, orgId: actor.orgId } });
    if (!token || (token.userId !== actor.userId && rankOf(actor.role) < rankOf('ADMIN'))) {
      throw notFound('API token');
    }
    const revoked = token.revokedAt
      ? token
      : await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEntry(tx, actor, {
      action: 'api_token.revoke',
      targetType: 'ApiToken',
      targetId: id,
    });
    return revoked;
  });
}

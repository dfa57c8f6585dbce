import type { PrismaClient } from '@twinspect/prisma';
import { type Actor, rankOf } from '../../context.ts';

/** The actor's own tokens; an ADMIN sees every token of the organization. */
export function listApiTokens(prisma: PrismaClient, actor: Actor) {
  const everyone = rankOf(actor.role) >= rankOf('ADMIN');
  return prisma.apiToken.findMany({
    where: { orgId: actor.orgId, ...(everyone ? {} : { userId: actor.userId }) },
    orderBy: { createdAt: 'desc' },
  });
}

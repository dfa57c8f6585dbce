import type { Pair, PrismaClient } from '@twinspect/prisma';
import { hasRole } from '../../access.ts';
import type { Actor } from '../../context.ts';

/**
 * Annotators label independently: until they have labelled a pair, they see no one else's
 * annotation of it (nor the confirmed label that reveals them). Editors and admins see all.
 */
export async function canSeeOthersLabels(
  prisma: PrismaClient,
  actor: Actor,
  pairId: string,
): Promise<boolean> {
  if (hasRole(actor, 'EDITOR')) return true;
  const own = await prisma.annotation.findUnique({
    where: { pairId_annotatorId: { pairId, annotatorId: actor.userId } },
    select: { id: true },
  });
  return own !== null;
}

export async function listVisibleAnnotations(prisma: PrismaClient, actor: Actor, pair: Pair) {
  const all = await canSeeOthersLabels(prisma, actor, pair.id);
  return prisma.annotation.findMany({
    where: { pairId: pair.id, orgId: actor.orgId, ...(all ? {} : { annotatorId: actor.userId }) },
    orderBy: { createdAt: 'asc' },
  });
}

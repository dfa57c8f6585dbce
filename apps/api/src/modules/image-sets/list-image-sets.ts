import type { PrismaClient } from '@twinspect/prisma';
import type { Actor } from '../../context.ts';
import { afterCreatedAt, createdAtCursorOf } from '../common/keyset.ts';
import { pageSize, toConnection, ZPageArgs } from '../common/pagination.ts';

/** The organization's sets, newest first. */
export async function listImageSets(
  prisma: PrismaClient,
  actor: Actor,
  args: { first?: number | null; after?: string | null },
) {
  const { first, after } = ZPageArgs.parse(args);
  const size = pageSize(first);
  const where = { orgId: actor.orgId };
  const [rows, totalCount] = await Promise.all([
    prisma.imageSet.findMany({
      where: { ...where, ...afterCreatedAt(after, 'desc') },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: size + 1,
    }),
    prisma.imageSet.count({ where }),
  ]);
  return { ...toConnection(rows, size, createdAtCursorOf), totalCount };
}

import type { ImageStatus, PrismaClient } from '@twinspect/prisma';
import type { Actor } from '../../context.ts';
import { afterCreatedAt, createdAtCursorOf } from '../common/keyset.ts';
import { pageSize, toConnection, ZPageArgs } from '../common/pagination.ts';

/** A set's images in upload order. */
export async function listImages(
  prisma: PrismaClient,
  actor: Actor,
  setId: string,
  args: { first?: number | null; after?: string | null; status?: ImageStatus | null },
) {
  const { first, after } = ZPageArgs.parse(args);
  const size = pageSize(first);
  const where = { orgId: actor.orgId, setId, ...(args.status ? { status: args.status } : {}) };
  const [rows, totalCount] = await Promise.all([
    prisma.image.findMany({
      where: { ...where, ...afterCreatedAt(after, 'asc') },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: size + 1,
    }),
    prisma.image.count({ where }),
  ]);
  return { ...toConnection(rows, size, createdAtCursorOf), totalCount };
}

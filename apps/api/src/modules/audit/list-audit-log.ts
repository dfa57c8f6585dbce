import type { Prisma, PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { decodeCursor, pageSize, toConnection, ZPageArgs } from '../common/pagination.ts';

export const ZAuditLogFilter = z
  .object({
    action: z.string().max(100).nullish(),
    actorId: z.uuid().nullish(),
    targetType: z.string().max(100).nullish(),
    targetId: z.string().max(100).nullish(),
    since: z.date().nullish(),
    until: z.date().nullish(),
  })
  .nullish();

/** ADMIN: the organization's audit log, newest first, keyset-paginated on the sequence id. */
export async function listAuditLog(
  prisma: PrismaClient,
  actor: Actor,
  args: { filter?: z.input<typeof ZAuditLogFilter>; first?: number | null; after?: string | null },
) {
  const { first, after } = ZPageArgs.parse(args);
  const filter = ZAuditLogFilter.parse(args.filter) ?? {};
  const size = pageSize(first);
  const action = filter.action
    ? filter.action.endsWith('.')
      ? { startsWith: filter.action }
      : { equals: filter.action }
    : undefined;
  const where: Prisma.AuditLogWhereInput = {
    orgId: actor.orgId,
    ...(action ? { action } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    createdAt: {
      ...(filter.since ? { gte: filter.since } : {}),
      ...(filter.until ? { lte: filter.until } : {}),
    },
    ...(after ? { id: { lt: BigInt(decodeCursor(after, z.string().regex(/^\d{1,19}$/))) } } : {}),
  };
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: size + 1 });
  return toConnection(rows, size, (entry) => entry.id.toString());
}

import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { listAuditLog } from './list-audit-log.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_parent, args, ctx) => listAuditLog(ctx.prisma, requireRole(ctx, 'ADMIN'), args),
    auditLogEntry: (_parent, { id }, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      if (!/^\d{1,19}$/.test(id)) return null;
      return ctx.prisma.auditLog.findFirst({ where: { id: BigInt(id), orgId: actor.orgId } });
    },
  },
  AuditLogEntry: {
    id: (entry) => entry.id.toString(),
    actor: (entry, _args, ctx) => (entry.actorId ? ctx.loaders.user.load(entry.actorId) : null),
  },
};

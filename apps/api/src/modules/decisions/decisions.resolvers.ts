import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { isUuid, mustLoad } from '../../loaders.ts';
import { recordDecision } from './record-decision.ts';

export const decisionsResolvers: Resolvers = {
  Query: {
    decision: (_parent, { id }, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return isUuid(id)
        ? ctx.prisma.decision.findFirst({ where: { id, orgId: actor.orgId } })
        : null;
    },
  },
  Mutation: {
    recordDecision: (_parent, { input }, ctx) =>
      recordDecision(ctx.prisma, requireRole(ctx, 'EDITOR'), input),
  },
  Pair: {
    decisions: (pair, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return ctx.prisma.decision.findMany({
        where: { pairId: pair.id, orgId: actor.orgId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  },
  Decision: {
    pair: (decision, _args, ctx) => mustLoad(ctx.loaders.pair, decision.pairId),
    editor: (decision, _args, ctx) => mustLoad(ctx.loaders.user, decision.editorId),
  },
};

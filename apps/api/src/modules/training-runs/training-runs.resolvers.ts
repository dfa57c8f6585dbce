import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { isUuid } from '../../loaders.ts';

export const trainingRunsResolvers: Resolvers = {
  Query: {
    trainingRuns: (_parent, { first }, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      return ctx.prisma.trainingRun.findMany({
        where: { orgId: actor.orgId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: Math.min(Math.max(first ?? 50, 1), 200),
      });
    },
    trainingRun: (_parent, { id }, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      return isUuid(id)
        ? ctx.prisma.trainingRun.findFirst({ where: { id, orgId: actor.orgId } })
        : null;
    },
  },
  TrainingRun: {
    triggeredBy: (run, _args, ctx) =>
      run.triggeredById ? ctx.loaders.user.load(run.triggeredById) : null,
    baseModelVersion: (run, _args, ctx) =>
      run.baseModelVersionId ? ctx.loaders.modelVersion.load(run.baseModelVersionId) : null,
    modelVersion: (run, _args, ctx) =>
      run.modelVersionId ? ctx.loaders.modelVersion.load(run.modelVersionId) : null,
  },
};

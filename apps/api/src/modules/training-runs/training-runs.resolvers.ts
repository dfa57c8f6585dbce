import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { isUuid } from '../../loaders.ts';
import { cancelTrainingRun } from './cancel-training-run.ts';
import { getTrainingLabelStats } from './get-training-label-stats.ts';
import { setTrainingSchedule } from './set-training-schedule.ts';
import { startTrainingRun } from './start-training-run.ts';
import { visibleRunScope } from './training-params.ts';
import { datasetView, gateView, progressView } from './training-run-views.ts';

export const trainingRunsResolvers: Resolvers = {
  Query: {
    trainingRuns: (_parent, { first }, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      return ctx.prisma.trainingRun.findMany({
        where: visibleRunScope(ctx.config, actor),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: Math.min(Math.max(first ?? 50, 1), 200),
      });
    },
    trainingRun: (_parent, { id }, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      return isUuid(id)
        ? ctx.prisma.trainingRun.findFirst({ where: { id, ...visibleRunScope(ctx.config, actor) } })
        : null;
    },
    trainingLabelStats: async (_parent, _args, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      const stats = await getTrainingLabelStats(ctx.prisma, actor.orgId);
      const users = await ctx.loaders.user.loadMany(stats.annotators.map((a) => a.annotatorId));
      return {
        ...stats,
        annotators: stats.annotators.flatMap((a, i) => {
          const user = users[i];
          return user && !(user instanceof Error) ? [{ ...a, annotator: user }] : [];
        }),
      };
    },
    trainingSchedule: (_parent, _args, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      return ctx.prisma.trainingSchedule.findUnique({ where: { orgId: actor.orgId } });
    },
  },
  Mutation: {
    startTrainingRun: async (_parent, { input }, ctx) => ({
      trainingRun: await startTrainingRun(ctx, requireRole(ctx, 'ADMIN'), input),
    }),
    cancelTrainingRun: async (_parent, { input }, ctx) => ({
      trainingRun: await cancelTrainingRun(ctx, requireRole(ctx, 'ADMIN'), input),
    }),
    setTrainingSchedule: async (_parent, { input }, ctx) => ({
      trainingSchedule: await setTrainingSchedule(ctx, requireRole(ctx, 'ADMIN'), input),
    }),
  },
  TrainingRun: {
    isPlatformWide: (run) => run.orgId === null,
    triggeredBy: (run, _args, ctx) =>
      run.triggeredById ? ctx.loaders.user.load(run.triggeredById) : null,
    baseModelVersion: (run, _args, ctx) =>
      run.baseModelVersionId ? ctx.loaders.modelVersion.load(run.baseModelVersionId) : null,
    modelVersion: (run, _args, ctx) =>
      run.modelVersionId ? ctx.loaders.modelVersion.load(run.modelVersionId) : null,
    live: (run) => progressView(run),
    dataset: (run) => datasetView(run.dataSnapshot),
    gate: async (run, _args, ctx) => {
      const gate = gateView(run.evaluation);
      if (!gate) return null;
      const { comparedWithId, ...rest } = gate;
      return {
        ...rest,
        comparedWith: comparedWithId ? await ctx.loaders.modelVersion.load(comparedWithId) : null,
      };
    },
  },
  TrainingSchedule: {
    updatedBy: (schedule, _args, ctx) =>
      schedule.updatedById ? ctx.loaders.user.load(schedule.updatedById) : null,
  },
};

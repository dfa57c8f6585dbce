import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { isUuid, mustLoad } from '../../loaders.ts';
import { adjudicatePair } from './adjudicate-pair.ts';
import { recordAnnotation } from './record-annotation.ts';
import { canSeeOthersLabels, listVisibleAnnotations } from './visible-annotations.ts';

export const annotationsResolvers: Resolvers = {
  Query: {
    annotation: async (_parent, { id }, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      if (!isUuid(id)) return null;
      const annotation = await ctx.prisma.annotation.findFirst({
        where: { id, orgId: actor.orgId },
      });
      if (!annotation || annotation.annotatorId === actor.userId) return annotation;
      return (await canSeeOthersLabels(ctx.prisma, actor, annotation.pairId)) ? annotation : null;
    },
  },
  Mutation: {
    recordAnnotation: (_parent, { input }, ctx) =>
      recordAnnotation(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), input),
    adjudicatePair: (_parent, { input }, ctx) =>
      adjudicatePair(ctx.prisma, requireRole(ctx, 'EDITOR'), input),
  },
  Pair: {
    annotations: (pair, _args, ctx) =>
      listVisibleAnnotations(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), pair),
    myAnnotation: (pair, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return ctx.prisma.annotation.findUnique({
        where: { pairId_annotatorId: { pairId: pair.id, annotatorId: actor.userId } },
      });
    },
    confirmedLabel: async (pair, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      if (!(await canSeeOthersLabels(ctx.prisma, actor, pair.id))) return null;
      return ctx.prisma.confirmedLabel.findFirst({
        where: { pairId: pair.id, orgId: actor.orgId },
      });
    },
  },
  Annotation: {
    pair: (annotation, _args, ctx) => mustLoad(ctx.loaders.pair, annotation.pairId),
    annotator: (annotation, _args, ctx) => mustLoad(ctx.loaders.user, annotation.annotatorId),
  },
  ConfirmedLabel: {
    adjudicator: (label, _args, ctx) =>
      label.adjudicatorId ? ctx.loaders.user.load(label.adjudicatorId) : null,
  },
};

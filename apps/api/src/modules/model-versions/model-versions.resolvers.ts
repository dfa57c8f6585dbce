import { findActiveModelVersion } from '@twinspect/prisma';
import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { setActiveModelVersion } from './set-active-model-version.ts';

export const modelVersionsResolvers: Resolvers = {
  Query: {
    modelVersions: (_parent, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return ctx.prisma.modelVersion.findMany({
        where: { OR: [{ orgId: actor.orgId }, { orgId: null }] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 200,
      });
    },
    modelVersion: (_parent, { id }, ctx) => {
      requireRole(ctx, 'ANNOTATOR');
      return ctx.loaders.modelVersion.load(id);
    },
    activeModelVersion: (_parent, _args, ctx) =>
      findActiveModelVersion(ctx.prisma, requireRole(ctx, 'ANNOTATOR').orgId),
  },
  Mutation: {
    setActiveModelVersion: async (_parent, { input }, ctx) => ({
      modelVersion: await setActiveModelVersion(ctx.prisma, requireRole(ctx, 'ADMIN'), input),
    }),
  },
  ModelVersion: {
    isOrganizationModel: (version) => version.orgId !== null,
    parent: (version, _args, ctx) =>
      version.parentId ? ctx.loaders.modelVersion.load(version.parentId) : null,
  },
};

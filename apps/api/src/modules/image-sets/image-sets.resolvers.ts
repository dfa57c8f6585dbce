import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { listImages } from '../images/list-images.ts';
import { createImageSet } from './create-image-set.ts';
import { listImageSets } from './list-image-sets.ts';

export const imageSetsResolvers: Resolvers = {
  Query: {
    imageSets: (_parent, args, ctx) =>
      listImageSets(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), args),
    imageSet: (_parent, { id }, ctx) => {
      requireRole(ctx, 'ANNOTATOR');
      return ctx.loaders.imageSet.load(id);
    },
  },
  Mutation: {
    createImageSet: async (_parent, { input }, ctx) => ({
      imageSet: await createImageSet(ctx.prisma, requireRole(ctx, 'EDITOR'), input),
    }),
  },
  ImageSet: {
    progress: (set) => set,
    createdBy: (set, _args, ctx) =>
      set.createdById ? ctx.loaders.user.load(set.createdById) : null,
    modelVersion: (set, _args, ctx) =>
      set.modelVersionId ? ctx.loaders.modelVersion.load(set.modelVersionId) : null,
    images: (set, args, ctx) => listImages(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), set.id, args),
  },
};

import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { mustLoad } from '../../loaders.ts';

export const imagesResolvers: Resolvers = {
  Query: {
    image: (_parent, { id }, ctx) => {
      requireRole(ctx, 'ANNOTATOR');
      return ctx.loaders.image.load(id);
    },
  },
  Image: {
    set: (image, _args, ctx) => mustLoad(ctx.loaders.imageSet, image.setId),
    duplicateOf: (image, _args, ctx) =>
      image.duplicateOfId ? ctx.loaders.image.load(image.duplicateOfId) : null,
  },
};

import type { Image } from '@twinspect/prisma';
import { requireRole } from '../../access.ts';
import type { GraphQLContext } from '../../context.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { mustLoad } from '../../loaders.ts';
import { renditionKey } from './serve-image-file.ts';
import { type Rendition, signedImagePath } from './signed-image-url.ts';

/** Images reach resolvers only through organization-scoped loaders, so the caller may read them. */
function imageUrl(ctx: GraphQLContext, image: Image, rendition: Rendition): string | null {
  return renditionKey(image, rendition)
    ? signedImagePath(ctx.config.SIGNING_SECRET, image.id, rendition)
    : null;
}

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
    thumbnailUrl: (image, _args, ctx) => imageUrl(ctx, image, 'thumbnail'),
    displayUrl: (image, _args, ctx) => imageUrl(ctx, image, 'display'),
    originalUrl: (image, _args, ctx) => imageUrl(ctx, image, 'original'),
  },
};

import { requireRole } from '../../access.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { mustLoad } from '../../loaders.ts';
import { listPairs } from './list-pairs.ts';

export const pairsResolvers: Resolvers = {
  Query: {
    pairs: (_parent, args, ctx) => listPairs(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), args),
    pair: (_parent, { id }, ctx) => {
      requireRole(ctx, 'ANNOTATOR');
      return ctx.loaders.pair.load(id);
    },
  },
  Pair: {
    set: (pair, _args, ctx) => mustLoad(ctx.loaders.imageSet, pair.setId),
    imageA: (pair, _args, ctx) => mustLoad(ctx.loaders.image, pair.imageAId),
    imageB: (pair, _args, ctx) => mustLoad(ctx.loaders.image, pair.imageBId),
    modelVersion: (pair, _args, ctx) => mustLoad(ctx.loaders.modelVersion, pair.modelVersionId),
  },
};

import type { Resolvers } from '../../generated/graphql.ts';
import { DateTimeScalar, JSONScalar } from './scalars.ts';

export const commonResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    health: () => 'ok',
  },
};

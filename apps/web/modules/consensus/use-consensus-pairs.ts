'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import type { PairFilter } from '../graphql/generated/graphql';
import { request } from '../graphql/request';
import { consensusPairsQuery } from './queries';

export function useConsensusPairs(filter: PairFilter, limit = 1000) {
  return useQuery({
    queryKey: ['pairs', 'consensus', filter, limit],
    queryFn: () =>
      fetchAllPages(async (after) => {
        const { pairs } = await request(consensusPairsQuery, { filter, after });
        return { nodes: pairs.edges.map((edge) => edge.node), ...pairs.pageInfo };
      }, limit),
  });
}

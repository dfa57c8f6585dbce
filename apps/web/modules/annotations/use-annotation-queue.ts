'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../graphql/request';
import { pairsQuery } from '../pairs/queries';

/**
 * The annotator's work list: flagged pairs still collecting labels that they have not labelled,
 * highest score first. The list is a snapshot taken when the page opens, so labelling a pair
 * does not reshuffle it under the keyboard; going back shows what was labelled.
 */
export function useAnnotationQueue() {
  const snapshot = useQuery({
    queryKey: ['pairs', 'annotation-queue'],
    queryFn: () =>
      request(pairsQuery, {
        filter: { flagged: true, status: ['OPEN', 'IN_ANNOTATION'], unlabelledByMe: true },
        first: 100,
      }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnMount: 'always',
  });
  const ids = snapshot.data?.pairs.edges.map((edge) => edge.node.id) ?? [];
  const total = snapshot.data?.pairs.totalCount ?? 0;
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (snapshot.isSuccess) setIndex(0);
  }, [snapshot.isSuccess]);

  const next = useCallback(
    () => setIndex((current) => Math.min(current + 1, ids.length)),
    [ids.length],
  );
  const previous = useCallback(() => setIndex((current) => Math.max(current - 1, 0)), []);
  const markDone = useCallback((id: string) => setDone((current) => new Set(current).add(id)), []);

  return {
    snapshot,
    ids,
    total,
    index,
    currentId: ids[index] ?? null,
    finished: snapshot.isSuccess && index >= ids.length,
    done,
    next,
    previous,
    markDone,
    restart: () => {
      setDone(new Set());
      setIndex(0);
      void snapshot.refetch();
    },
  };
}

'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { DecisionForm } from '../decisions/decision-form';
import { request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { pairsQuery } from '../pairs/queries';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { QueueFilterBar } from './queue-filter-bar';
import {
  filtersFromParams,
  filtersToParams,
  type QueueFilters,
  toPairFilter,
} from './queue-filters';
import { rememberPairSequence } from './queue-navigation';
import { QueueTable } from './queue-table';

export function TriageQueuePage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = filtersFromParams(new URLSearchParams(params.toString()));
  const filter = toPairFilter(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const queue = useInfiniteQuery({
    queryKey: ['pairs', 'queue', filter],
    queryFn: ({ pageParam }) => request(pairsQuery, { filter, first: 50, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.pairs.pageInfo.hasNextPage ? last.pairs.pageInfo.endCursor : undefined,
    placeholderData: (previous) => previous,
  });
  const pairs = useMemo(
    () => queue.data?.pages.flatMap((page) => page.pairs.edges.map((edge) => edge.node)) ?? [],
    [queue.data],
  );
  const total = queue.data?.pages[0]?.pairs.totalCount ?? 0;
  const capped = queue.data?.pages[0]?.pairs.totalCountCapped ?? false;

  useEffect(() => rememberPairSequence(pairs.map((pair) => pair.id)), [pairs]);

  const setFilters = (next: QueueFilters) => {
    setSelected(new Set());
    const query = filtersToParams(next);
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected((current) =>
      pairs.every((pair) => current.has(pair.id))
        ? new Set()
        : new Set(pairs.map((pair) => pair.id)),
    );

  return (
    <div className="page">
      <PageHeader
        title="Triage queue"
        subtitle="Flagged pairs, highest score first. ↑/↓ to move, Enter to open, x to select."
      />
      <QueueFilterBar filters={filters} onChange={setFilters} />
      <div className="grid-2">
        <section className="card" style={{ padding: 0 }} aria-label="Pairs">
          {queue.isPending ? (
            <div style={{ padding: 16 }}>
              <LoadingState label="Loading the queue" rows={6} />
            </div>
          ) : queue.isError ? (
            <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
          ) : pairs.length === 0 ? (
            <EmptyState title="Nothing to review here">
              No pair matches these filters. Clear a filter, or upload a set to have its pairs
              scored.
            </EmptyState>
          ) : (
            <>
              <div className="queue-summary muted" aria-live="polite">
                {total.toLocaleString('en')}
                {capped ? '+' : ''} pair{total === 1 && !capped ? '' : 's'}
                {queue.isFetching && ' · updating…'}
              </div>
              <QueueTable
                pairs={pairs}
                selected={selected}
                onToggle={toggle}
                onToggleAll={toggleAll}
              />
              {queue.hasNextPage && (
                <div style={{ padding: 12 }}>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => queue.fetchNextPage()}
                    disabled={queue.isFetchingNextPage}
                  >
                    {queue.isFetchingNextPage ? 'Loading…' : 'Load more'}
                  </button>
                </div>
              )}
            </>
          )}
        </section>
        <aside className="card" aria-label="Bulk decision">
          {selected.size === 0 ? (
            <>
              <h2>Bulk decision</h2>
              <p className="muted">
                Select pairs (or a whole cluster from its set page) to record one verdict for all of
                them.
              </p>
            </>
          ) : (
            <DecisionForm
              key={[...selected].join()}
              compact
              title={`Verdict for ${selected.size} selected pair${selected.size === 1 ? '' : 's'}`}
              pairIds={[...selected]}
              onDecided={() => setSelected(new Set())}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

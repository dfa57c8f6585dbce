'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { CreateImageSetForm } from './create-image-set-form';
import { imageSetsQuery } from './queries';

const BUSY = new Set(['INGESTING', 'EMBEDDING', 'SCORING']);

export function ImageSetsPage() {
  const [creating, setCreating] = useState(false);
  const sets = useInfiniteQuery({
    queryKey: ['imageSets'],
    queryFn: ({ pageParam }) => request(imageSetsQuery, { first: 50, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.imageSets.pageInfo.hasNextPage ? last.imageSets.pageInfo.endCursor : undefined,
    // Sets being processed update their counts live.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.imageSets.edges.some((edge) => BUSY.has(edge.node.status)),
      )
        ? 3000
        : false,
  });
  const rows =
    sets.data?.pages.flatMap((page) => page.imageSets.edges.map((edge) => edge.node)) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Image sets"
        subtitle="Each set is one case: upload its figures, then review the pairs the model flags."
        actions={
          !creating && (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              New image set
            </button>
          )
        }
      />
      {creating && (
        <div style={{ maxWidth: 560, marginBottom: 16 }}>
          <CreateImageSetForm onCancel={() => setCreating(false)} />
        </div>
      )}
      {sets.isPending ? (
        <LoadingState label="Loading image sets" />
      ) : sets.isError ? (
        <ErrorState error={sets.error} onRetry={() => sets.refetch()} />
      ) : rows.length === 0 ? (
        !creating && (
          <div className="card">
            <EmptyState
              title="No image sets yet"
              action={
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setCreating(true)}
                >
                  Create your first set
                </button>
              }
            >
              Create a set for a manuscript, then drop its images or a ZIP to have every pair
              scored.
            </EmptyState>
          </div>
        )
      ) : (
        <div className="card" style={{ padding: 0 }}>
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Images</th>
                <th>Flagged pairs</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((set) => (
                <tr key={set.id}>
                  <td>
                    <Link href={`/sets/${set.id}`}>
                      <strong>{set.name}</strong>
                    </Link>
                    {set.description && <div className="muted">{set.description}</div>}
                  </td>
                  <td>
                    <Badge value={set.status} />
                  </td>
                  <td>
                    {set.progress.imagesIngested} / {set.progress.imagesTotal}
                    {set.progress.imagesFailed > 0 && (
                      <span className="muted"> · {set.progress.imagesFailed} failed</span>
                    )}
                  </td>
                  <td>
                    {set.progress.pairsFlagged > 0 ? (
                      <strong className="score--flagged">{set.progress.pairsFlagged}</strong>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                  <td className="muted">
                    {formatDateTime(set.createdAt)}
                    {set.createdBy && ` · ${set.createdBy.name}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {sets.hasNextPage && (
            <div style={{ padding: 12 }}>
              <button
                type="button"
                className="btn"
                onClick={() => sets.fetchNextPage()}
                disabled={sets.isFetchingNextPage}
              >
                {sets.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

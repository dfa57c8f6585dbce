'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { GraphQLRequestError, request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { ClusterList } from '../pairs/cluster-list';
import { PairStatusCounts } from '../pairs/pair-status-counts';
import { pairsQuery } from '../pairs/queries';
import { ReportDownloads } from '../reports/report-downloads';
import { formatDateTime } from '../ui/format';
import { ErrorState, LoadingState } from '../ui/states';
import { UploadDropzone } from '../upload/upload-dropzone';
import { FailedImages } from './failed-images';
import { imageSetQuery } from './queries';
import { SetImageGrid } from './set-image-grid';
import { SetProgress } from './set-progress';

const BUSY = new Set(['INGESTING', 'EMBEDDING', 'SCORING']);
/** How often a set being processed is polled for progress. */
const POLL_MS = 1500;

/** READY, with geometric verification still refining its pairs' scores and flags. */
function isVerifying(set: {
  status: string;
  progress: { pairsToVerify: number; pairsVerified: number };
}): boolean {
  return set.status === 'READY' && set.progress.pairsVerified < set.progress.pairsToVerify;
}

export function SetOverviewPage({ setId }: { setId: string }) {
  const queryClient = useQueryClient();
  // After an upload the set may still read EMPTY for a moment: poll until work shows up.
  const expectWorkUntil = useRef(0);
  const set = useQuery({
    queryKey: ['imageSet', setId],
    queryFn: () => request(imageSetQuery, { id: setId }),
    refetchInterval: (query) => {
      const data = query.state.data?.imageSet;
      return (data && (BUSY.has(data.status) || isVerifying(data))) ||
        Date.now() < expectWorkUntil.current
        ? POLL_MS
        : false;
    },
  });
  const data = set.data?.imageSet;
  const verifying = data ? isVerifying(data) : false;
  const progressVersion = (data?.progress.imagesIngested ?? 0) + (data?.progress.pairsFlagged ?? 0);
  const pairs = useQuery({
    queryKey: ['setPairs', setId, data?.status, data?.progress.pairsFlagged, verifying],
    queryFn: () =>
      fetchAllPages(async (after) => {
        const { pairs } = await request(pairsQuery, {
          filter: { setId, flagged: true },
          first: 100,
          after,
        });
        return { nodes: pairs.edges.map((edge) => edge.node), ...pairs.pageInfo };
      }),
    enabled: Boolean(data),
    placeholderData: (previous) => previous,
  });
  const flaggedPairs = useMemo(() => pairs.data ?? [], [pairs.data]);
  const flaggedImageIds = useMemo(
    () => new Set(flaggedPairs.flatMap((pair) => [pair.imageA.id, pair.imageB.id])),
    [flaggedPairs],
  );

  const onUploaded = useCallback(() => {
    expectWorkUntil.current = Date.now() + 15_000;
    void queryClient.invalidateQueries({ queryKey: ['imageSet', setId] });
  }, [queryClient, setId]);

  const status = data?.status;
  useEffect(() => {
    if (status === 'READY') void queryClient.invalidateQueries({ queryKey: ['imageSets'] });
  }, [status, queryClient]);

  if (set.isPending) {
    return (
      <div className="page">
        <LoadingState label="Loading the image set" rows={6} />
      </div>
    );
  }
  if (set.isError || !data) {
    return (
      <div className="page">
        <ErrorState
          error={set.error ?? new GraphQLRequestError('NOT_FOUND', 'Image set not found')}
          title={set.isError ? undefined : 'Image set not found'}
          onRetry={() => set.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeader
        breadcrumb={<Link href="/sets">Image sets</Link>}
        title={data.name}
        subtitle={
          <>
            {data.description ? `${data.description} · ` : ''}Created{' '}
            {formatDateTime(data.createdAt)}
            {data.createdBy && ` by ${data.createdBy.name}`}
          </>
        }
        actions={
          <>
            <Link className="btn" href={`/queue?set=${setId}`}>
              Open in triage queue
            </Link>
            <ReportDownloads setId={setId} setName={data.name} />
          </>
        }
      />
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="clusters-title">
            <div className="section-title">
              <h2 id="clusters-title">Flagged pairs by duplicate cluster</h2>
            </div>
            {pairs.isPending ? (
              <LoadingState label="Loading flagged pairs" rows={3} />
            ) : pairs.isError ? (
              <ErrorState error={pairs.error} onRetry={() => pairs.refetch()} />
            ) : (
              <>
                <PairStatusCounts pairs={flaggedPairs} />
                <div style={{ height: 12 }} />
                <ClusterList pairs={flaggedPairs} />
              </>
            )}
          </section>
          <SetImageGrid setId={setId} version={progressVersion} flaggedImageIds={flaggedImageIds} />
        </div>
        <div>
          <SetProgress set={data} />
          <section className="card" aria-labelledby="upload-title">
            <h2 id="upload-title">Add images</h2>
            <UploadDropzone setId={setId} onUploaded={onUploaded} />
          </section>
          <FailedImages setId={setId} failedCount={data.progress.imagesFailed} />
        </div>
      </div>
    </div>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { AdjudicationForm } from '../annotations/adjudication-form';
import { AnnotationList } from '../annotations/annotation-list';
import { useViewer } from '../auth/use-viewer';
import { DecisionForm } from '../decisions/decision-form';
import { DecisionHistory } from '../decisions/decision-history';
import { GraphQLRequestError, request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { neighbours } from '../queue/queue-navigation';
import { ShortcutHelp } from '../ui/shortcut-help';
import { ErrorState, LoadingState } from '../ui/states';
import { pairQuery } from './queries';
import { ScorePanel } from './score-panel';
import { PairViewer } from './viewer/pair-viewer';
import { usePairViewer } from './viewer/use-pair-viewer';
import {
  isTypingOrModified,
  useViewerShortcuts,
  VIEWER_SHORTCUTS,
} from './viewer/viewer-shortcuts';

const PAGE_SHORTCUTS = [
  { keys: ['1', '2', '3'], description: 'Choose a verdict: duplicate / not a duplicate / discuss' },
  { keys: ['c'], description: 'Write the comment (Ctrl+Enter records, Esc leaves)' },
  { keys: ['j'], description: 'Next pair in the queue' },
  { keys: ['k'], description: 'Previous pair in the queue' },
  { keys: ['?'], description: 'Show or hide this help' },
];

export function PairPage({ pairId }: { pairId: string }) {
  const router = useRouter();
  const { data: viewerData } = useViewer();
  const pair = useQuery({
    queryKey: ['pair', pairId],
    queryFn: () => request(pairQuery, { id: pairId }),
  });
  const viewer = usePairViewer(pairId);
  const [help, setHelp] = useState(false);
  const [nav, setNav] = useState<ReturnType<typeof neighbours>>({
    previous: null,
    next: null,
    position: 0,
    total: 0,
  });
  useEffect(() => setNav(neighbours(pairId)), [pairId]);
  useViewerShortcuts(viewer, !help);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingOrModified(event)) return;
      if (event.key === '?') setHelp((shown) => !shown);
      else if (event.key === 'j' && nav.next) router.push(`/pairs/${nav.next}`);
      else if (event.key === 'k' && nav.previous) router.push(`/pairs/${nav.previous}`);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [nav, router]);

  if (pair.isPending) {
    return (
      <div className="page">
        <LoadingState label="Loading the pair" rows={8} />
      </div>
    );
  }
  const data = pair.data?.pair;
  if (pair.isError || !data) {
    return (
      <div className="page">
        <ErrorState
          error={pair.error ?? new GraphQLRequestError('NOT_FOUND', 'Pair not found')}
          onRetry={() => pair.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="page page--wide">
      <PageHeader
        breadcrumb={
          <>
            <Link href="/queue">Triage queue</Link> /{' '}
            <Link href={`/sets/${data.set.id}`}>{data.set.name}</Link>
          </>
        }
        title={
          <>
            {data.imageA.originalName} <span className="muted">↔</span> {data.imageB.originalName}
          </>
        }
        actions={
          <>
            {nav.total > 0 && (
              <span className="muted">
                {nav.position} of {nav.total}
              </span>
            )}
            <button
              type="button"
              className="btn"
              disabled={!nav.previous}
              onClick={() => nav.previous && router.push(`/pairs/${nav.previous}`)}
            >
              ← Previous <kbd>k</kbd>
            </button>
            <button
              type="button"
              className="btn"
              disabled={!nav.next}
              onClick={() => nav.next && router.push(`/pairs/${nav.next}`)}
            >
              Next <kbd>j</kbd> →
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => setHelp(true)}
              aria-haspopup="dialog"
            >
              Keys <kbd>?</kbd>
            </button>
          </>
        }
      />
      <div className="pair-layout">
        <div className="card">
          <PairViewer imageA={data.imageA} imageB={data.imageB} viewer={viewer} />
        </div>
        <div className="pair-layout__side">
          <ScorePanel pair={data} />
          <section className="card" aria-labelledby="decide-title">
            <h2 id="decide-title">Editor decision</h2>
            {data.verdict && (
              <p className="notice">
                Current verdict recorded. A new decision replaces it as the latest.
              </p>
            )}
            <DecisionForm key={data.id} pairIds={[data.id]} title="Verdict" keyboard />
          </section>
          {data.status === 'NEEDS_ADJUDICATION' && (
            <section className="card">
              <AdjudicationForm pairId={data.id} />
            </section>
          )}
          <section className="card" aria-labelledby="annotations-title">
            <h2 id="annotations-title">Annotations</h2>
            <AnnotationList
              annotations={data.annotations}
              required={viewerData?.activeOrganization?.annotationsRequired}
            />
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">Decision history</h2>
            <DecisionHistory decisions={data.decisions} />
          </section>
        </div>
      </div>
      {help && (
        <ShortcutHelp
          onClose={() => setHelp(false)}
          groups={[
            { title: 'Pairs', shortcuts: PAGE_SHORTCUTS },
            { title: 'Viewer', shortcuts: VIEWER_SHORTCUTS },
          ]}
        />
      )}
    </div>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Alteration, AnnotationLabel } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { PairViewer } from '../pairs/viewer/pair-viewer';
import { usePairViewer } from '../pairs/viewer/use-pair-viewer';
import {
  isTypingOrModified,
  useViewerShortcuts,
  VIEWER_SHORTCUTS,
} from '../pairs/viewer/viewer-shortcuts';
import { ShortcutHelp } from '../ui/shortcut-help';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { ALTERATION_KEYS } from './alteration-tags';
import { AnnotationList } from './annotation-list';
import { LABEL_KEYS } from './label-keys';
import { LabelPanel } from './label-panel';
import { annotationPairQuery, recordAnnotationMutation } from './queries';
import { useAnnotationQueue } from './use-annotation-queue';

const ANNOTATE_SHORTCUTS = [
  ...LABEL_KEYS.map((option) => ({
    keys: [option.key],
    description: `Label ${option.text.toUpperCase()} and go to the next pair`,
  })),
  ...ALTERATION_KEYS.map((tag) => ({
    keys: [`Shift+${tag.key}`],
    description: `Toggle the ${tag.value.toLowerCase()} tag`,
  })),
  { keys: ['c'], description: 'Write a comment (Esc to leave it)' },
  { keys: ['j', '→'], description: 'Next pair' },
  { keys: ['k', '←'], description: 'Previous pair' },
  { keys: ['?'], description: 'Show or hide this help' },
];

export function AnnotatePage() {
  const queue = useAnnotationQueue();
  const queryClient = useQueryClient();
  const pairId = queue.currentId;
  const pair = useQuery({
    queryKey: ['pair', 'annotate', pairId],
    queryFn: () => request(annotationPairQuery, { id: pairId ?? '' }),
    enabled: Boolean(pairId),
  });
  const viewer = usePairViewer(pairId ?? '');
  const [help, setHelp] = useState(false);
  const [alterations, setAlterations] = useState<Alteration[]>([]);
  const [comment, setComment] = useState('');
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  useViewerShortcuts(viewer, !help);

  const mine = pair.data?.pair?.myAnnotation ?? null;
  // Each pair starts from what the annotator recorded before, or blank.
  const loadedPairId = pair.data?.pair?.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the pair or its label changes
  useEffect(() => {
    setAlterations(mine?.alterations ?? []);
    setComment(mine?.comment ?? '');
  }, [loadedPairId, mine?.id, mine?.label]);

  const record = useMutation({
    mutationFn: (vars: { pairId: string; label: AnnotationLabel }) =>
      request(recordAnnotationMutation, {
        input: {
          pairId: vars.pairId,
          label: vars.label,
          alterations: vars.label === 'DIFFERENT' ? [] : alterations,
          comment: comment.trim() || null,
        },
      }),
    onSuccess: (_data, vars) => {
      queue.markDone(vars.pairId);
      setSavedMessage(`Labelled ${vars.label}`);
      void queryClient.invalidateQueries({ queryKey: ['pair', 'annotate', vars.pairId] });
      void queryClient.invalidateQueries({
        queryKey: ['pairs'],
        predicate: (q) => q.queryKey[1] !== 'annotation-queue',
      });
      queue.next();
    },
  });

  const label = (value: AnnotationLabel) => {
    if (pairId && !record.isPending) record.mutate({ pairId, label: value });
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTypingOrModified(event)) {
        event.preventDefault();
        setHelp((shown) => !shown);
        return;
      }
      if (help || isTypingOrModified(event)) return;
      const option = LABEL_KEYS.find((candidate) => candidate.key === event.key);
      const tag = event.shiftKey
        ? ALTERATION_KEYS.find((candidate) => candidate.key === event.key.toUpperCase())
        : undefined;
      if (option) label(option.label);
      else if (tag)
        setAlterations((current) =>
          current.includes(tag.value)
            ? current.filter((t) => t !== tag.value)
            : [...current, tag.value],
        );
      else if (event.key === 'c' && !event.shiftKey) commentRef.current?.focus();
      else if (event.key === 'j' || event.key === 'ArrowRight') queue.next();
      else if (event.key === 'k' || event.key === 'ArrowLeft') queue.previous();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  useEffect(() => {
    if (!savedMessage) return;
    const timer = setTimeout(() => setSavedMessage(null), 1800);
    return () => clearTimeout(timer);
  }, [savedMessage]);

  const header = (
    <PageHeader
      title="Annotate"
      subtitle="Label each pair on its own merits: other annotators' labels stay hidden until you have labelled it."
      actions={
        <>
          {queue.ids.length > 0 && (
            <span className="muted" aria-live="polite">
              Pair {Math.min(queue.index + 1, queue.ids.length)} of {queue.ids.length} ·{' '}
              {queue.done.size} labelled
            </span>
          )}
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
  );
  const helpDialog = help && (
    <ShortcutHelp
      onClose={() => setHelp(false)}
      groups={[
        { title: 'Labelling', shortcuts: ANNOTATE_SHORTCUTS },
        { title: 'Viewer', shortcuts: VIEWER_SHORTCUTS },
      ]}
    />
  );

  const overlays = (
    <>
      <div className="toast" role="status" aria-live="polite">
        {savedMessage}
      </div>
      {helpDialog}
    </>
  );

  if (queue.snapshot.isPending) {
    return (
      <div className="page">
        {header}
        <LoadingState label="Loading your queue" rows={6} />
      </div>
    );
  }
  if (queue.snapshot.isError) {
    return (
      <div className="page">
        {header}
        <ErrorState error={queue.snapshot.error} onRetry={() => queue.snapshot.refetch()} />
      </div>
    );
  }
  if (queue.finished || !pairId) {
    return (
      <div className="page">
        {header}
        <div className="card">
          <EmptyState
            title={queue.ids.length === 0 ? 'Nothing to label' : 'All caught up'}
            action={
              <div className="toolbar">
                {queue.ids.length > 0 && (
                  <button type="button" className="btn" onClick={queue.previous}>
                    ← Back to the last pair
                  </button>
                )}
                <button type="button" className="btn btn--primary" onClick={queue.restart}>
                  Check for new pairs
                </button>
              </div>
            }
          >
            {queue.ids.length === 0
              ? 'No flagged pair is waiting for your label. New sets appear here once they are scored.'
              : `You labelled ${queue.done.size} pair${queue.done.size === 1 ? '' : 's'} in this session.`}
          </EmptyState>
        </div>
        {overlays}
      </div>
    );
  }

  const data = pair.data?.pair;
  return (
    <div className="page page--wide">
      {header}
      {pair.isPending ? (
        <LoadingState label="Loading the pair" rows={8} />
      ) : pair.isError || !data ? (
        <ErrorState error={pair.error} onRetry={() => pair.refetch()} />
      ) : (
        <div className="pair-layout">
          <div className="card">
            <PairViewer imageA={data.imageA} imageB={data.imageB} viewer={viewer} />
          </div>
          <div className="pair-layout__side">
            <section className="card" aria-labelledby="label-title">
              <h2 id="label-title">Your label</h2>
              <p className="muted" style={{ marginTop: 0 }}>
                {data.set.name}
                {mine && ' · you labelled this pair; pressing a label replaces it'}
              </p>
              <LabelPanel
                current={mine?.label ?? null}
                alterations={alterations}
                comment={comment}
                commentRef={commentRef}
                saving={record.isPending}
                onAlterations={setAlterations}
                onComment={setComment}
                onLabel={label}
              />
              {record.isError && (
                <p className="form-error" role="alert">
                  {describeError(record.error)}
                </p>
              )}
              <div className="toolbar" style={{ marginTop: 12 }}>
                <button
                  type="button"
                  className="btn"
                  onClick={queue.previous}
                  disabled={queue.index === 0}
                >
                  ← Previous <kbd>k</kbd>
                </button>
                <button type="button" className="btn" onClick={queue.next}>
                  Skip <kbd>j</kbd> →
                </button>
              </div>
            </section>
            {mine && (
              <section className="card" aria-labelledby="others-title">
                <h2 id="others-title">All labels</h2>
                <AnnotationList annotations={data.annotations} />
              </section>
            )}
          </div>
        </div>
      )}
      {overlays}
    </div>
  );
}

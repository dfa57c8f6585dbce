'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TrainingRunFieldsFragment } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { ProgressBar } from '../ui/progress-bar';
import { duration, isActiveRun, metric, stageLabel } from './format-training';
import { cancelTrainingRunMutation, trainingRunQuery } from './queries';
import { TrainingCharts } from './training-charts';

const POLL_MS = 1500;

/** The running job: a progress bar, the live loss and metric charts, and a cancel button. */
export function LiveRun({ initial }: { initial: TrainingRunFieldsFragment }) {
  const queryClient = useQueryClient();
  const live = useQuery({
    queryKey: ['trainingRun', initial.id],
    queryFn: () => request(trainingRunQuery, { id: initial.id }),
    refetchInterval: (query) => {
      const run = query.state.data?.trainingRun;
      return !run || isActiveRun(run) ? POLL_MS : false;
    },
  });
  const run = live.data?.trainingRun ?? initial;
  const active = isActiveRun(run);
  useEffect(() => {
    // The run ended: the registry, history and label statistics changed.
    if (!active) void queryClient.invalidateQueries({ queryKey: ['modelsDashboard'] });
  }, [active, queryClient]);
  const cancel = useMutation({
    mutationFn: () => request(cancelTrainingRunMutation, { input: { trainingRunId: run.id } }),
    onSuccess: () => void live.refetch(),
  });
  const last = run.live.history.at(-1);
  return (
    <section className="card" aria-labelledby="live-run-title" data-testid="live-run">
      <div className="section-title">
        <h2 id="live-run-title">
          {active ? 'Training now' : 'Latest run'} ·{' '}
          {run.trigger === 'SCHEDULE' ? 'scheduled' : 'manual'}
          {run.isPlatformWide ? ' · platform-wide' : ''}
        </h2>
        {active && (
          <button
            type="button"
            className="btn btn--small btn--danger"
            disabled={cancel.isPending || Boolean(run.cancelRequestedAt)}
            onClick={() => cancel.mutate()}
          >
            {run.cancelRequestedAt ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
      </div>
      <ProgressBar
        label={stageLabel(run)}
        value={Math.round(run.live.percent)}
        max={100}
        tone={run.status === 'FAILED' ? 'error' : run.status === 'SUCCEEDED' ? 'done' : 'default'}
        detail={
          run.live.totalEpochs
            ? `epoch ${run.live.epoch} / ${run.live.totalEpochs} · ${Math.round(run.live.percent)} %` +
              (active && run.live.etaSeconds !== null
                ? ` · about ${duration(run.live.etaSeconds)} left`
                : '')
            : `${Math.round(run.live.percent)} %`
        }
      />
      <dl className="facts" style={{ marginTop: 12 }}>
        <dt>Status</dt>
        <dd data-testid="live-run-status">{run.status.toLowerCase()}</dd>
        {last && (
          <>
            <dt>Last epoch</dt>
            <dd>
              loss {metric(last.loss)}
              {last.bce !== null && ` · BCE ${metric(last.bce)}`}
              {last.valAccuracy !== null && ` · val. accuracy ${metric(last.valAccuracy)}`}
              {last.valAuc !== null && ` · val. AUC ${metric(last.valAuc)}`}
            </dd>
          </>
        )}
        {run.dataset && (
          <>
            <dt>Learning from</dt>
            <dd>
              {run.dataset.images} images, {run.dataset.labels} confirmed labels (
              {run.dataset.hardNegatives} hard negatives), {run.dataset.heldOut} held out for the
              gate
            </dd>
          </>
        )}
        {run.live.device && (
          <>
            <dt>Device</dt>
            <dd>{run.live.device}</dd>
          </>
        )}
        {run.error && (
          <>
            <dt>Reason</dt>
            <dd className="form-error">{run.error}</dd>
          </>
        )}
        {run.gate && (
          <>
            <dt>Gate</dt>
            <dd>
              {run.gate.promoted ? 'promoted' : 'kept as a candidate'}: {run.gate.reason}
            </dd>
          </>
        )}
      </dl>
      <TrainingCharts run={run} />
      {cancel.isError && (
        <p className="form-error" role="alert">
          {describeError(cancel.error)}
        </p>
      )}
    </section>
  );
}

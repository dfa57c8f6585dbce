'use client';

import { useQuery } from '@tanstack/react-query';
import { useViewer } from '../auth/use-viewer';
import { request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { formatDateTime, formatPercent } from '../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { isActiveRun, metric } from './format-training';
import { LabelStats } from './label-stats';
import { LiveRun } from './live-run';
import { modelsDashboardQuery } from './queries';
import { RetrainForm } from './retrain-form';
import { RunHistory } from './run-history';
import { ScheduleForm } from './schedule-form';
import { VersionRegistry } from './version-registry';

/** ADMIN: the active model, retraining (now or on a schedule), live progress, the registry. */
export function ModelsPage() {
  const { data: viewer } = useViewer();
  const dashboard = useQuery({
    queryKey: ['modelsDashboard'],
    queryFn: () => request(modelsDashboardQuery),
    // A scheduled run may start at any time: look again now and then.
    refetchInterval: 15_000,
  });
  if (dashboard.isPending) {
    return (
      <div className="page">
        <LoadingState label="Loading models and training runs" rows={6} />
      </div>
    );
  }
  if (dashboard.isError) {
    return (
      <div className="page">
        <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />
      </div>
    );
  }
  const {
    activeModelVersion: active,
    modelVersions,
    trainingRuns,
    trainingLabelStats,
    trainingSchedule,
  } = dashboard.data;
  const teamPrevalence = viewer?.activeOrganization?.flagPrevalence ?? null;
  const flagPrevalence = teamPrevalence ?? active?.flagPrevalence ?? null;
  const current = trainingRuns.find(isActiveRun) ?? trainingRuns[0];
  const busy = trainingRuns.some(isActiveRun);
  return (
    <div className="page page--wide">
      <PageHeader
        title="Models"
        subtitle="What scores your images, how it was trained, and retraining from your reviewers' confirmed labels."
      />
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="active-title" data-testid="active-model">
            <h2 id="active-title">Active model</h2>
            {active ? (
              <dl className="facts">
                <dt>Version</dt>
                <dd className="mono">
                  {active.name}{' '}
                  <Badge
                    value="READY"
                    label={active.isOrganizationModel ? 'Your team' : 'Platform default'}
                  />
                </dd>
                <dt>Since</dt>
                <dd>
                  {active.activatedAt
                    ? formatDateTime(active.activatedAt)
                    : formatDateTime(active.createdAt)}
                </dd>
                <dt>Model threshold</dt>
                <dd>{metric(active.threshold)}</dd>
                {active.verifiedThreshold != null && (
                  <>
                    <dt>Flag threshold</dt>
                    <dd>
                      {metric(active.verifiedThreshold)} for verified pairs
                      {flagPrevalence != null &&
                        `, at ${formatPercent(flagPrevalence)} copies among candidates (${teamPrevalence != null ? 'your team’s setting' : 'the model’s own'}; Members → Flag sensitivity)`}
                    </dd>
                  </>
                )}
                <dt>Held-out labels</dt>
                <dd>
                  accuracy {metric(active.heldOutMetrics?.accuracy)} · AUC{' '}
                  {metric(active.heldOutMetrics?.auc)}
                </dd>
                <dt>Standard protocol</dt>
                <dd>
                  accuracy {metric(active.standardMetrics?.accuracy)} · AUC{' '}
                  {metric(active.standardMetrics?.auc)}
                </dd>
              </dl>
            ) : (
              <EmptyState title="No model is active">
                Register the shipped model (the workers do at start-up) or retrain from your labels.
              </EmptyState>
            )}
          </section>
          {current ? (
            <LiveRun key={current.id} initial={current} />
          ) : (
            <section className="card">
              <EmptyState title="No training run yet">
                Press “Retrain now” to train a version on your confirmed labels and images.
              </EmptyState>
            </section>
          )}
        </div>
        <div>
          <RetrainForm busy={busy} />
          <LabelStats stats={trainingLabelStats} />
          <ScheduleForm schedule={trainingSchedule} />
        </div>
      </div>
      {modelVersions.length > 0 && <VersionRegistry versions={modelVersions} active={active} />}
      {trainingRuns.length > 0 && <RunHistory runs={trainingRuns} />}
    </div>
  );
}

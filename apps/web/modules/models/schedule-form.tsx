'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ModelsDashboardQuery } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { formatDateTime } from '../ui/format';
import styles from './models.module.css';
import { setTrainingScheduleMutation } from './queries';
import { EMPTY_PARAMS, type ParamFields, ParamInputs, toParamsInput } from './retrain-form';

type Schedule = ModelsDashboardQuery['trainingSchedule'];

function fieldsOf(params: unknown): ParamFields {
  const p = (params ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'number' ? String(value) : '');
  return {
    mode: p.mode === 'consecutive' ? 'CONSECUTIVE' : 'PARALLEL',
    start: p.start === 'scratch' ? 'SCRATCH' : 'ACTIVE',
    epochs: text(p.epochs),
    batchSize: text(p.batchSize),
    hardNegativeWeight: text(p.hardNegativeWeight) || EMPTY_PARAMS.hardNegativeWeight,
    maxMinutes: text(p.maxMinutes),
  };
}

/** Unattended retraining: a check every N minutes that starts a run after enough new labels. */
export function ScheduleForm({ schedule }: { schedule: Schedule }) {
  const [enabled, setEnabled] = useState(schedule?.enabled ?? false);
  const [everyMinutes, setEveryMinutes] = useState(String(schedule?.everyMinutes ?? 360));
  const [minNewLabels, setMinNewLabels] = useState(String(schedule?.minNewLabels ?? 50));
  const [params, setParams] = useState<ParamFields>(fieldsOf(schedule?.params));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      request(setTrainingScheduleMutation, {
        input: {
          enabled,
          everyMinutes: Number.parseInt(everyMinutes, 10),
          minNewLabels: Number.parseInt(minNewLabels, 10),
          params: toParamsInput(params),
        },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['modelsDashboard'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="schedule-title">
      <div className="section-title">
        <h2 id="schedule-title">Schedule</h2>
        <button type="submit" className="btn" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save schedule'}
        </button>
      </div>
      <label className={styles.inline} style={{ marginBottom: 8 }}>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Retrain automatically when enough new labels have arrived
      </label>
      <div className="form-row">
        <label className="field">
          <span>Check every (min)</span>
          <input
            type="number"
            min={5}
            max={10080}
            value={everyMinutes}
            onChange={(e) => setEveryMinutes(e.target.value)}
            style={{ width: 100 }}
          />
        </label>
        <label className="field">
          <span>New labels needed</span>
          <input
            type="number"
            min={1}
            max={100000}
            value={minNewLabels}
            onChange={(e) => setMinNewLabels(e.target.value)}
            style={{ width: 100 }}
          />
        </label>
      </div>
      <ParamInputs value={params} onChange={setParams} />
      <p className="muted" style={{ margin: '6px 0 0', fontSize: 13 }}>
        {schedule?.lastCheckAt
          ? `Last checked ${formatDateTime(schedule.lastCheckAt)}`
          : 'Not checked yet'}
        {schedule?.lastRunAt ? ` · last scheduled run ${formatDateTime(schedule.lastRunAt)}` : ''}
        {save.isSuccess ? ' · saved' : ''}
      </p>
      {save.isError && (
        <p className="form-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}

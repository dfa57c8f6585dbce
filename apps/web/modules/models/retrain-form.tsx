'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type {
  TrainingMode,
  TrainingParamsInput,
  TrainingStart,
} from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { startTrainingRunMutation } from './queries';

/** The bounds the API enforces (ZTrainingParams in packages/jobs/src/train.ts). */
export const PARAM_BOUNDS = {
  epochs: { min: 1, max: 200 },
  batchSize: { min: 8, max: 256 },
  hardNegativeWeight: { min: 1, max: 10 },
  maxMinutes: { min: 1, max: 1440 },
} as const;

export interface ParamFields {
  mode: TrainingMode;
  start: TrainingStart;
  epochs: string;
  batchSize: string;
  hardNegativeWeight: string;
  maxMinutes: string;
}

export const EMPTY_PARAMS: ParamFields = {
  mode: 'PARALLEL',
  start: 'ACTIVE',
  epochs: '',
  batchSize: '',
  hardNegativeWeight: '3',
  maxMinutes: '',
};

/** Filled fields only: the server's preset supplies the rest. */
export function toParamsInput(fields: ParamFields): TrainingParamsInput {
  const int = (value: string) => (value.trim() ? Number.parseInt(value, 10) : undefined);
  const input: TrainingParamsInput = { mode: fields.mode, start: fields.start };
  const epochs = int(fields.epochs);
  const batchSize = int(fields.batchSize);
  const maxMinutes = int(fields.maxMinutes);
  if (epochs !== undefined) input.epochs = epochs;
  if (batchSize !== undefined) input.batchSize = batchSize;
  if (maxMinutes !== undefined) input.maxMinutes = maxMinutes;
  if (fields.hardNegativeWeight.trim())
    input.hardNegativeWeight = Number(fields.hardNegativeWeight);
  return input;
}

export function ParamInputs({
  value,
  onChange,
}: {
  value: ParamFields;
  onChange: (next: ParamFields) => void;
}) {
  const set = (key: keyof ParamFields) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value });
  return (
    <div className="form-row">
      <label className="field">
        <span>Loss</span>
        <select value={value.mode} onChange={set('mode')}>
          <option value="PARALLEL">Parallel (BCE + Barlow Twins)</option>
          <option value="CONSECUTIVE">Consecutive (Barlow Twins, then head)</option>
        </select>
      </label>
      <label className="field">
        <span>Start from</span>
        <select value={value.start} onChange={set('start')}>
          <option value="ACTIVE">The active model's weights</option>
          <option value="SCRATCH">Scratch (random weights)</option>
        </select>
      </label>
      <label className="field">
        <span>Epochs</span>
        <input
          type="number"
          inputMode="numeric"
          placeholder="preset"
          {...PARAM_BOUNDS.epochs}
          value={value.epochs}
          onChange={set('epochs')}
          style={{ width: 90 }}
        />
      </label>
      <label className="field">
        <span>Batch size</span>
        <input
          type="number"
          inputMode="numeric"
          placeholder="preset"
          {...PARAM_BOUNDS.batchSize}
          value={value.batchSize}
          onChange={set('batchSize')}
          style={{ width: 90 }}
        />
      </label>
      <label className="field">
        <span>Hard-negative weight</span>
        <input
          type="number"
          step="0.5"
          {...PARAM_BOUNDS.hardNegativeWeight}
          value={value.hardNegativeWeight}
          onChange={set('hardNegativeWeight')}
          style={{ width: 90 }}
        />
      </label>
      <label className="field">
        <span>Time limit (min)</span>
        <input
          type="number"
          inputMode="numeric"
          placeholder="none"
          {...PARAM_BOUNDS.maxMinutes}
          value={value.maxMinutes}
          onChange={set('maxMinutes')}
          style={{ width: 90 }}
        />
      </label>
    </div>
  );
}

/** "Retrain now": one click with the preset, or bounded parameters. */
export function RetrainForm({ busy }: { busy: boolean }) {
  const [fields, setFields] = useState<ParamFields>(EMPTY_PARAMS);
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      request(startTrainingRunMutation, { input: { params: toParamsInput(fields) } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['modelsDashboard'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="retrain-title">
      <div className="section-title">
        <h2 id="retrain-title">Retrain from confirmed labels</h2>
        <button type="submit" className="btn btn--primary" disabled={busy || start.isPending}>
          {start.isPending ? 'Starting…' : 'Retrain now'}
        </button>
      </div>
      <ParamInputs value={fields} onChange={setFields} />
      <p className="muted" style={{ margin: '6px 0 0', fontSize: 13 }}>
        Empty fields use the server's preset. The new version replaces the active one only if the
        evaluation gate finds it no worse on your held-out labels and the standard protocol.
        {busy && ' A run is already in progress.'}
      </p>
      {start.isError && (
        <p className="form-error" role="alert">
          {describeError(start.error)}
        </p>
      )}
    </form>
  );
}

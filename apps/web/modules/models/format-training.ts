import type { TrainingRunFieldsFragment } from '../graphql/generated/graphql';

export const percent = (value: number | null | undefined) =>
  typeof value === 'number' ? `${(value * 100).toFixed(1)} %` : '—';

export const metric = (value: number | null | undefined) =>
  typeof value === 'number' ? value.toFixed(3) : '—';

export function duration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number') return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const STAGES: Record<TrainingRunFieldsFragment['live']['stage'], string> = {
  QUEUED: 'Waiting for a training worker',
  PREPARING: 'Building the dataset snapshot',
  TRAINING: 'Training',
  EXPORTING: 'Exporting to ONNX',
  CALIBRATING: 'Calibrating geometric verification',
  EVALUATING: 'Evaluating against the active model',
  FINISHED: 'Finished',
  INTERRUPTED: 'Interrupted; resumes on the next worker',
};

export const stageLabel = (run: TrainingRunFieldsFragment) =>
  run.cancelRequestedAt && run.status === 'RUNNING' ? 'Cancelling…' : STAGES[run.live.stage];

export const isActiveRun = (run: { status: string }) =>
  run.status === 'QUEUED' || run.status === 'RUNNING';

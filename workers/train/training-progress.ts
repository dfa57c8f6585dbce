// train.py's JSON lines → TrainingRun.progress: what the dashboard's progress bar and live chart
// read. Pure functions; the job writes the result to the database as events arrive.

export type TrainingStage =
  | 'queued'
  | 'preparing'
  | 'training'
  | 'exporting'
  | 'calibrating'
  | 'evaluating'
  | 'finished'
  | 'interrupted';

export interface TEpochPoint {
  /** Epochs completed over all phases (1-based). */
  epoch: number;
  phase: string;
  loss: number;
  bce: number | null;
  bt: number | null;
  labelledBce: number | null;
  lr: number;
  epochSeconds: number;
  valAccuracy: number | null;
  valAuc: number | null;
}

export interface TTrainingProgress {
  stage: TrainingStage;
  /** Of the whole job: training fills 0-90 %, export and evaluation the rest. */
  percent: number;
  epoch: number;
  totalEpochs: number;
  phase: string | null;
  etaSeconds: number | null;
  device: string | null;
  dataset: { images: number; labels: number; heldOut: number } | null;
  history: TEpochPoint[];
  updatedAt: string;
}

const TRAINING_SHARE = 90;
const STAGE_PERCENT: Partial<Record<TrainingStage, number>> = {
  queued: 0,
  preparing: 0,
  exporting: TRAINING_SHARE,
  calibrating: 92,
  evaluating: 96,
  finished: 100,
};
const MAX_HISTORY = 500;

export function initialProgress(totalEpochs: number): TTrainingProgress {
  return {
    stage: 'queued',
    percent: 0,
    epoch: 0,
    totalEpochs,
    phase: null,
    etaSeconds: null,
    device: null,
    dataset: null,
    history: [],
    updatedAt: new Date().toISOString(),
  };
}

/** Reads a stored progress value back (older or foreign shapes start afresh). */
export function readProgress(value: unknown, totalEpochs: number): TTrainingProgress {
  const base = initialProgress(totalEpochs);
  if (!value || typeof value !== 'object' || !('stage' in value)) return base;
  return { ...base, ...(value as Partial<TTrainingProgress>) };
}

export function withStage(progress: TTrainingProgress, stage: TrainingStage): TTrainingProgress {
  const percent = STAGE_PERCENT[stage] ?? progress.percent;
  return {
    ...progress,
    stage,
    percent: stage === 'interrupted' ? progress.percent : percent,
    etaSeconds: stage === 'finished' ? 0 : progress.etaSeconds,
    updatedAt: new Date().toISOString(),
  };
}

/** Total epochs over the phases train.py will run for this config. */
export function plannedEpochs(train: { mode?: unknown; epochs?: unknown; head_epochs?: unknown }) {
  const epochs = Number(train.epochs ?? 0);
  return train.mode === 'parallel' ? epochs : epochs + Number(train.head_epochs ?? 0);
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Folds one train.py event into the progress. Unknown events leave it unchanged. */
export function applyTrainEvent(
  progress: TTrainingProgress,
  event: Record<string, unknown>,
): TTrainingProgress {
  const now = new Date().toISOString();
  if (event.event === 'start') {
    const config = event.config as { train?: Record<string, unknown> } | undefined;
    const total = config?.train ? plannedEpochs(config.train) : progress.totalEpochs;
    return {
      ...progress,
      stage: 'training',
      totalEpochs: total || progress.totalEpochs,
      device: typeof event.device === 'string' ? event.device : null,
      updatedAt: now,
    };
  }
  if (event.event !== 'epoch') return progress;
  const epoch = num(event.global_epoch) ?? progress.epoch + 1;
  const val = (event.val as { all?: Record<string, unknown> } | undefined)?.all;
  const point: TEpochPoint = {
    epoch,
    phase: String(event.phase ?? ''),
    loss: num(event.loss) ?? Number.NaN,
    bce: num(event.bce),
    bt: num(event.bt),
    labelledBce: num(event.labelled_bce),
    lr: num(event.lr) ?? 0,
    epochSeconds: num(event.epoch_s) ?? 0,
    valAccuracy: num(val?.accuracy),
    valAuc: num(val?.auc),
  };
  // A resumed run repeats nothing, but keep the history strictly increasing regardless.
  const history = [...progress.history.filter((p) => p.epoch < epoch), point].slice(-MAX_HISTORY);
  const recent = history.slice(-5);
  const perEpoch = recent.reduce((sum, p) => sum + p.epochSeconds, 0) / recent.length;
  const total = Math.max(progress.totalEpochs, epoch);
  return {
    ...progress,
    stage: 'training',
    epoch,
    totalEpochs: total,
    phase: point.phase,
    percent: Math.round((TRAINING_SHARE * epoch * 10) / total) / 10,
    etaSeconds: Math.round(perEpoch * (total - epoch)),
    history,
    updatedAt: now,
  };
}

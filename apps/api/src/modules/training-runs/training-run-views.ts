import type { TrainingRun } from '@twinspect/prisma';
import type {
  GateSuite,
  TrainingDatasetSnapshot,
  TrainingEpochPoint,
  TrainingProgress,
  TrainingStage,
} from '../../generated/graphql.ts';

// The run's JSON columns, written by the train worker, read back as typed GraphQL objects.
// Shapes: workers/train/training-progress.ts, build-dataset.ts, decide-promotion.ts.

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const ids = (value: unknown): string[] =>
  Array.isArray(obj(value).ids) ? (obj(value).ids as string[]) : [];

const STAGES: TrainingStage[] = [
  'QUEUED',
  'PREPARING',
  'TRAINING',
  'EXPORTING',
  'CALIBRATING',
  'EVALUATING',
  'FINISHED',
  'INTERRUPTED',
];

export function progressView(run: TrainingRun): TrainingProgress {
  const p = obj(run.progress);
  const stored = String(p.stage ?? '').toUpperCase() as TrainingStage;
  const stage: TrainingStage = STAGES.includes(stored)
    ? stored
    : run.status === 'QUEUED'
      ? 'QUEUED'
      : 'FINISHED';
  const history = (Array.isArray(p.history) ? p.history : []).map(obj).map(
    (point): TrainingEpochPoint => ({
      epoch: num(point.epoch) ?? 0,
      phase: String(point.phase ?? ''),
      loss: num(point.loss),
      bce: num(point.bce),
      bt: num(point.bt),
      labelledBce: num(point.labelledBce),
      lr: num(point.lr) ?? 0,
      epochSeconds: num(point.epochSeconds) ?? 0,
      valAccuracy: num(point.valAccuracy),
      valAuc: num(point.valAuc),
    }),
  );
  return {
    stage,
    percent: num(p.percent) ?? (run.status === 'SUCCEEDED' ? 100 : 0),
    epoch: num(p.epoch) ?? 0,
    totalEpochs: num(p.totalEpochs) ?? 0,
    phase: typeof p.phase === 'string' ? p.phase : null,
    etaSeconds: run.status === 'RUNNING' ? num(p.etaSeconds) : null,
    device: typeof p.device === 'string' ? p.device : null,
    history,
    updatedAt: typeof p.updatedAt === 'string' ? p.updatedAt : null,
  };
}

export function datasetView(snapshot: unknown): TrainingDatasetSnapshot | null {
  const s = obj(snapshot);
  if (typeof s.sha256 !== 'string') return null;
  const images = obj(s.images);
  const labels = obj(s.labels);
  const heldOut = obj(s.heldOut);
  return {
    sha256: s.sha256,
    isPlatformWide: s.scope === 'platform',
    images: num(images.count) ?? 0,
    labels: num(labels.count) ?? 0,
    labelsSame: num(labels.same) ?? 0,
    labelsDifferent: num(labels.different) ?? 0,
    hardNegatives: num(labels.hardNegatives) ?? 0,
    heldOut: num(heldOut.count) ?? 0,
    imageIds: ids(images),
    labelIds: ids(labels),
    heldOutLabelIds: ids(heldOut),
  };
}

const SUITES: Record<string, GateSuite> = { heldOut: 'HELD_OUT', standard: 'STANDARD' };

/** The gate's decision; `comparedWithId` is resolved to a ModelVersion by the field resolver. */
export function gateView(evaluation: unknown) {
  const e = obj(evaluation);
  const decision = obj(e.decision);
  if (typeof decision.promote !== 'boolean') return null;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(obj) : []);
  return {
    promoted: decision.promote,
    reason: String(decision.reason ?? ''),
    margin: num(decision.margin) ?? 0,
    comparisons: list(decision.comparisons).map((c) => ({
      suite: SUITES[String(c.suite)] ?? 'STANDARD',
      metric: String(c.metric),
      candidate: num(c.candidate) ?? 0,
      active: num(c.active) ?? 0,
      delta: num(c.delta) ?? 0,
      ok: c.ok === true,
    })),
    skipped: list(decision.skipped).map((s) => ({
      suite: SUITES[String(s.suite)] ?? 'HELD_OUT',
      reason: String(s.reason ?? ''),
    })),
    comparedWithId: typeof e.activeModelVersionId === 'string' ? e.activeModelVersionId : null,
  };
}

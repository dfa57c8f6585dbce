import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, resolveFromRoot } from '@twinspect/config';
import {
  type TTrainJob,
  type TTrainResult,
  trainingOverrides,
  ZTrainingParams,
} from '@twinspect/jobs';
import { findActiveModelVersion, type Prisma, type PrismaClient } from '@twinspect/prisma';
import type { Storage } from '@twinspect/storage';
import { loadOrBuildDataset, type TrainingDataset } from './build-dataset.ts';
import { calibrateVerification } from './calibrate-verification.ts';
import { decidePromotion } from './decide-promotion.ts';
import {
  type EvaluationSuites,
  evaluateModel,
  type LabelledPair,
  readPairSet,
} from './evaluate-model.ts';
import { materialiserFor } from './materialise-original.ts';
import {
  describeExit,
  type PythonProcess,
  type PythonStep,
  runPythonModule,
} from './python-process.ts';
import { registerModelVersion } from './register-model-version.ts';
import {
  applyTrainEvent,
  readProgress,
  type TrainingStage,
  type TTrainingProgress,
  withStage,
} from './training-progress.ts';

// One retraining run, start to finish: dataset snapshot → train.py (child process, JSON-line
// progress) → export.py → verification calibration → evaluation of the candidate and the
// active model → the gate →
// registered version, promoted or kept as a candidate. A failure anywhere ends the run FAILED
// with a readable reason and touches no model. Cancellation is a flag on the row (set by the
// API, possibly on another machine), polled while the child runs.

export interface TrainDeps {
  prisma: PrismaClient;
  config: Config;
  storage: Storage;
}

/** Fewer images than this cannot make train.py's train/validation/test split. */
export const MIN_TRAINING_IMAGES = 8;
const CANCEL_POLL_MS = 1_000;

/** A run ended for a reason that retrying cannot fix (it is already recorded on the row). */
export class RunFinished extends Error {
  constructor(readonly result: TTrainResult) {
    super(`training run ${result.trainingRunId} ${result.status.toLowerCase()}`);
  }
}

/** The worker is shutting down: the job goes back to the queue and the next attempt resumes. */
export class RunInterrupted extends Error {}

class Cancelled extends Error {}
class RunFailure extends Error {}

export interface RunControl {
  /** Resolves when the worker wants to stop (SIGTERM): the child is stopped, the run resumes later. */
  shutdown: Promise<void>;
}

const trimLog = (log: string) => log.split('\n').slice(-300).join('\n');

export async function runTraining(
  deps: TrainDeps,
  job: TTrainJob,
  control: RunControl,
): Promise<TTrainResult> {
  const { prisma, config } = deps;
  const run = await prisma.trainingRun.findUnique({ where: { id: job.trainingRunId } });
  if (!run) throw new RunFailure(`training run ${job.trainingRunId} does not exist`);
  const done = (status: TTrainResult['status']): TTrainResult => ({
    trainingRunId: run.id,
    status,
    modelVersionId: run.modelVersionId,
    promoted: false,
  });
  if (run.status === 'SUCCEEDED' || run.status === 'FAILED' || run.status === 'CANCELLED') {
    return done(run.status);
  }

  const params = ZTrainingParams.parse(run.params);
  const runDir = path.join(resolveFromRoot(config.TRAIN_RUNS_DIR), run.id);
  const trainDir = path.join(runDir, 'train');
  const resuming = existsSync(path.join(trainDir, 'checkpoint.pt'));
  let progress = readProgress(run.progress, params.epochs ?? 0);
  let log = run.log;
  let writes = Promise.resolve();

  /** Serialised writes of progress and log, so a late write never overtakes an earlier one. */
  const save = (data: Prisma.TrainingRunUpdateManyMutationInput = {}) => {
    writes = writes.then(async () => {
      await prisma.trainingRun.update({
        where: { id: run.id },
        data: {
          progress: progress as unknown as Prisma.InputJsonObject,
          log: trimLog(log),
          ...data,
        },
      });
    });
    return writes;
  };
  const note = (line: string) => {
    log += `${new Date().toISOString()} ${line}\n`;
  };
  const stage = (next: TrainingStage, line?: string) => {
    progress = withStage(progress, next);
    if (line) note(line);
    return save();
  };

  /** Ends the run (its active model untouched), recording why, in the audit log too. */
  const finish = async (status: 'FAILED' | 'CANCELLED', reason: string): Promise<TTrainResult> => {
    note(`${status.toLowerCase()}: ${reason}`);
    await prisma.$transaction(async (tx) => {
      await tx.trainingRun.update({
        where: { id: run.id },
        data: {
          status,
          error: reason,
          finishedAt: new Date(),
          progress: progress as unknown as Prisma.InputJsonObject,
          log: trimLog(log),
        },
      });
      await tx.auditLog.create({
        data: {
          orgId: run.orgId,
          action: status === 'FAILED' ? 'training.fail' : 'training.cancelled',
          targetType: 'TrainingRun',
          targetId: run.id,
          data: { reason },
        },
      });
    });
    return { trainingRunId: run.id, status, modelVersionId: null, promoted: false };
  };

  const started = await prisma.trainingRun.updateMany({
    where: { id: run.id, status: { in: ['QUEUED', 'RUNNING'] }, cancelRequestedAt: null },
    data: { status: 'RUNNING', startedAt: run.startedAt ?? new Date() },
  });
  if (started.count === 0) return finish('CANCELLED', 'cancelled before it started');

  // Held in objects: they change inside callbacks, which TypeScript's narrowing cannot see.
  const current: { child: PythonProcess | null } = { child: null };
  const stop: { cancelled: string | null; interrupted: boolean } = {
    cancelled: null,
    interrupted: false,
  };
  const poll = setInterval(() => {
    void prisma.trainingRun
      .findUnique({ where: { id: run.id }, select: { cancelRequestedAt: true } })
      .then((row) => {
        if (row?.cancelRequestedAt && !stop.cancelled) {
          stop.cancelled = 'cancelled by an admin';
          current.child?.stop();
        }
      })
      .catch(() => {});
  }, CANCEL_POLL_MS);
  void control.shutdown.then(() => {
    stop.interrupted = true;
    current.child?.stop();
  });
  const checkpoint = () => {
    if (stop.cancelled) throw new Cancelled(stop.cancelled);
    if (stop.interrupted) throw new RunInterrupted('worker shutting down');
  };

  /** Runs one Python step, honouring cancellation and shutdown while it runs. */
  const python = async (
    module: string,
    args: string[],
    onEvent: (e: Record<string, unknown>) => void,
  ) => {
    checkpoint();
    await stopOrphan(runDir);
    current.child = runPythonModule(config.PYTHON_BIN, module, args, onEvent);
    await writeFile(path.join(runDir, 'python.pid'), String(current.child.pid ?? ''));
    const exit = await current.child.exited;
    current.child = null;
    checkpoint();
    return exit;
  };

  try {
    await mkdir(runDir, { recursive: true });
    await stage(
      'preparing',
      resuming ? 'resuming from the last checkpoint' : 'building the dataset snapshot',
    );
    const dataset = await loadOrBuildDataset(
      prisma,
      {
        orgId: run.orgId,
        runDir,
        holdoutFraction: config.TRAIN_HOLDOUT_FRACTION,
        hardNegativeWeight: params.hardNegativeWeight,
        materialise: materialiserFor(deps.storage),
      },
      resuming,
    );
    const { snapshot } = dataset;
    progress = {
      ...progress,
      dataset: {
        images: snapshot.images.count,
        labels: snapshot.labels.count,
        heldOut: snapshot.heldOut.count,
      },
    };
    note(
      `dataset ${snapshot.sha256.slice(0, 12)}: ${snapshot.images.count} images, ${snapshot.labels.count} training labels ` +
        `(${snapshot.labels.hardNegatives} hard negatives), ${snapshot.heldOut.count} held out`,
    );
    await save({ dataSnapshot: snapshot as unknown as Prisma.InputJsonObject });
    if (snapshot.images.count < MIN_TRAINING_IMAGES) {
      throw new RunFailure(
        `training needs at least ${MIN_TRAINING_IMAGES} ingested images; ${run.orgId ? 'the organization has' : 'there are'} ${snapshot.images.count}`,
      );
    }

    // ── train ──
    // The run's base is the version active when it was requested; fine-tuning starts from it.
    const base =
      params.start === 'active' && run.baseModelVersionId
        ? await prisma.modelVersion.findUnique({ where: { id: run.baseModelVersionId } })
        : null;
    const overrides = {
      ...trainingOverrides(params),
      'train.device': config.TRAIN_DEVICE,
      'train.loader_workers': config.TRAIN_LOADER_WORKERS,
    };
    const trainArgs = [
      '--images',
      dataset.imagesDir,
      '--out',
      trainDir,
      '--preset',
      config.TRAIN_PRESET,
    ];
    for (const [key, value] of Object.entries(overrides))
      trainArgs.push('--set', `${key}=${value}`);
    if (dataset.train.length > 0) trainArgs.push('--pairs', dataset.labelsCsv);
    if (resuming) trainArgs.push('--resume');
    else if (base) {
      const baseDir = resolveFromRoot(base.artifactDir);
      if (!existsSync(path.join(baseDir, 'manifest.json')))
        throw new RunFailure(
          `the base version ${base.name} has no model files at ${baseDir}; start from scratch instead`,
        );
      trainArgs.push('--init-from', baseDir);
      note(`starting from the weights of ${base.name}`);
    } else note('training from scratch');
    const outcome: { diverged: string | null; finished: boolean } = {
      diverged: null,
      finished: false,
    };
    const trainExit = await python('twinspect_training.train', trainArgs, (event) => {
      if (event.event === 'error')
        outcome.diverged = String(event.message ?? event.reason ?? 'unknown error');
      if (event.event === 'done' || event.event === 'paused') outcome.finished = true;
      if (event.event === 'start')
        note(`training on ${String(event.device)} (preset ${config.TRAIN_PRESET})`);
      if (event.event === 'paused') note(String(event.reason ?? 'time budget reached'));
      if (event.event !== 'start' && event.event !== 'epoch') return;
      progress = applyTrainEvent(progress, event);
      if (event.event === 'epoch') {
        const last = progress.history.at(-1);
        note(`epoch ${progress.epoch}/${progress.totalEpochs} ${last?.phase} loss ${last?.loss}`);
      }
      void save();
    });
    if (outcome.diverged) throw new RunFailure(`training diverged: ${outcome.diverged}`);
    if (trainExit.code !== 0 || !outcome.finished)
      throw new RunFailure(describeExit('the training process', trainExit));

    // ── export ──
    await stage('exporting', 'exporting to ONNX and calibrating the threshold');
    const modelsDir = resolveFromRoot(config.TRAINED_MODELS_DIR);
    await mkdir(modelsDir, { recursive: true });
    const name = `bta-${run.orgId ? await orgSlug(prisma, run.orgId) : 'platform'}-${run.id.slice(0, 8)}`;
    const exported: { dir: string | null } = { dir: null };
    const exportExit = await python(
      'twinspect_training.export',
      [
        '--checkpoint',
        path.join(trainDir, 'checkpoint.pt'),
        '--images',
        dataset.imagesDir,
        '--models-dir',
        modelsDir,
        '--name',
        name,
        '--calibration-pairs',
        String(config.TRAIN_EVAL_PAIRS),
        '--training-note',
        `training_run=${run.id}`,
        '--training-note',
        `dataset_sha256=${snapshot.sha256}`,
      ],
      (event) => {
        if (event.event === 'exported') exported.dir = String(event.dir);
      },
    );
    if (exportExit.code !== 0 || !exported.dir)
      throw new RunFailure(describeExit('the export', exportExit));
    const candidateDir = exported.dir;
    const ort = { executionProvider: config.ORT_EXECUTION_PROVIDER, threads: config.ORT_THREADS };

    // ── calibrate geometric verification, as the shipped model's was ──
    await stage('calibrating', 'calibrating geometric verification on validation pairs');
    const calibration = await calibrateVerification({
      candidateDir,
      imagesDir: dataset.imagesDir,
      workDir: path.join(runDir, 'calibration'),
      pairsPerSet: config.TRAIN_CALIBRATION_PAIRS,
      python,
      ort,
    });
    checkpoint();
    note(
      calibration.calibrated
        ? `verification calibrated on ${calibration.pairs} validation pairs`
        : `verification not calibrated (${calibration.reason}): the version flags by its model threshold`,
    );

    // ── evaluate and gate ──
    await stage('evaluating', 'evaluating the candidate and the active model');
    const suites = await evaluationSuites(deps, dataset, candidateDir, runDir, python);
    const active = run.orgId
      ? await findActiveModelVersion(prisma, run.orgId)
      : await prisma.modelVersion.findFirst({ where: { orgId: null, active: true } });
    const candidateEval = await evaluateModel(candidateDir, suites, ort);
    const activeEval = active
      ? await evaluateModel(resolveFromRoot(active.artifactDir), suites, ort)
      : null;
    const decision = decidePromotion({
      candidate: candidateEval,
      active: activeEval,
      margin: config.TRAIN_GATE_MARGIN,
    });
    note(`gate: ${decision.promote ? 'promote' : 'hold'}: ${decision.reason}`);
    checkpoint();

    const manifest = JSON.parse(await readFile(path.join(candidateDir, 'manifest.json'), 'utf8'));
    const registered = await registerModelVersion(prisma, {
      run: { id: run.id, orgId: run.orgId, triggeredById: run.triggeredById },
      artifactDir: path.relative(resolveFromRoot('.'), candidateDir).startsWith('..')
        ? candidateDir
        : path.relative(resolveFromRoot('.'), candidateDir),
      manifest,
      parentId: base?.id ?? active?.id ?? null,
      snapshot,
      evaluation: {
        decision,
        candidate: candidateEval,
        active: activeEval,
        activeModelVersionId: active?.id ?? null,
      },
      progress: withStage(progress, 'finished'),
      log: trimLog(`${log}${new Date().toISOString()} registered ${manifest.version}\n`),
    });
    await writes;
    return {
      trainingRunId: run.id,
      status: 'SUCCEEDED',
      modelVersionId: registered.modelVersion.id,
      promoted: registered.promoted,
    };
  } catch (error) {
    await writes.catch(() => {});
    if (error instanceof RunInterrupted) {
      progress = withStage(progress, 'interrupted');
      note(
        'interrupted: the worker is shutting down; the next attempt resumes from the checkpoint',
      );
      await save();
      throw error;
    }
    if (error instanceof Cancelled) return finish('CANCELLED', error.message);
    const reason = error instanceof Error ? error.message : String(error);
    return finish('FAILED', reason);
  } finally {
    clearInterval(poll);
    current.child?.stop(0);
  }
}

/**
 * A worker killed outright (SIGKILL, a lost machine) leaves its Python child running; the attempt
 * that resumes the run stops it first, so two processes never write one checkpoint. Only a
 * process of this run (its folder on the command line) is touched.
 */
async function stopOrphan(runDir: string): Promise<void> {
  const pid = Number(await readFile(path.join(runDir, 'python.pid'), 'utf8').catch(() => ''));
  if (!pid || pid === process.pid) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('twinspect_training') || !cmdline.includes(runDir)) return;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++)
    await new Promise((r) => setTimeout(r, 100));
}

async function orgSlug(prisma: PrismaClient, orgId: string): Promise<string> {
  const org = await prisma.organization.findUnique({
    where: { id: orgId },
    select: { slug: true },
  });
  return (org?.slug ?? 'org').replace(/[^a-z0-9-]/gi, '-').slice(0, 40);
}

/**
 * The two suites both models are scored on: the held-out confirmed labels, and the standard
 * editorial protocol (pairset.py) on the candidate's test images, which it never trained on.
 */
async function evaluationSuites(
  deps: TrainDeps,
  dataset: TrainingDataset,
  candidateDir: string,
  runDir: string,
  python: PythonStep,
): Promise<EvaluationSuites> {
  const { config } = deps;
  const heldOut: LabelledPair[] = dataset.heldOut.map((row) => ({
    a: path.join(dataset.imagesDir, row.a),
    b: path.join(dataset.imagesDir, row.b),
    same: row.label === 'SAME',
  }));
  const same = heldOut.filter((p) => p.same).length;
  const heldOutSkip =
    heldOut.length < config.TRAIN_MIN_HOLDOUT_LABELS
      ? `${heldOut.length} held-out labels, fewer than the ${config.TRAIN_MIN_HOLDOUT_LABELS} needed to judge`
      : same === 0 || same === heldOut.length
        ? 'the held-out labels are all of one class'
        : null;

  const manifestPath = path.join(candidateDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const testImages: string[] = manifest.training?.split?.test ?? [];
  const pairsDir = path.join(runDir, 'evaluation', 'standard');
  const args = [
    '--images',
    dataset.imagesDir,
    '--out',
    pairsDir,
    '--protocol',
    'editorial',
    '--negatives',
    'random',
    '--pairs',
    String(config.TRAIN_EVAL_PAIRS),
    '--seed',
    '0',
  ];
  if (testImages.length >= 2) args.push('--only-split', 'test', '--manifest', manifestPath);
  const exit = await python('twinspect_training.pairset', args, () => {});
  if (exit.code !== 0) throw new RunFailure(describeExit('the standard pair set', exit));
  return { heldOut, heldOutSkip, standard: await readPairSet(pairsDir) };
}

export type { TTrainingProgress };

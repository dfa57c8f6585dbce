import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, parseConfig, resolveFromRoot } from '@twinspect/config';
import { ZTrainingParams } from '@twinspect/jobs';
import type { PrismaClient } from '@twinspect/prisma';
import type { LocalStorage } from '@twinspect/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainingFixture, type TrainingFixture } from '../test/training-fixture.ts';
import { RunInterrupted, runTraining } from './run-training.ts';
import { initialProgress } from './training-progress.ts';

// The whole run against real PostgreSQL and real Python (tiny preset): dataset snapshot, training,
// export, evaluation gate, registry; and the failure paths that must leave the active model alone.

let fixture: TrainingFixture;
let prisma: PrismaClient;
let tmp: string;
let config: Config;
let storage: LocalStorage;
let orgId: string;
const never = new Promise<void>(() => {});

/** A run as the API creates one: its base is the version active now (if any). */
async function createRun(params: Record<string, unknown>) {
  const active = await prisma.modelVersion.findFirst({ where: { orgId, active: true } });
  return prisma.trainingRun.create({
    data: {
      orgId,
      baseModelVersionId: active?.id ?? null,
      trigger: 'MANUAL',
      params: ZTrainingParams.parse(params),
      progress: initialProgress(0) as never,
    },
  });
}

/** Resolves once the run's Python child has reported at least one epoch. */
async function firstEpoch(runId: string) {
  for (let i = 0; i < 600; i++) {
    const run = await prisma.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    if (((run.progress as { epoch?: number }).epoch ?? 0) >= 1) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no epoch reported');
}

beforeAll(async () => {
  fixture = await createTrainingFixture({ slug: 'retrain-lab', scorerActive: false });
  ({ prisma, tmp, storage, orgId } = fixture);
  config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgresql://unused@127.0.0.1/unused',
    TRAIN_PRESET: 'tiny',
    TRAIN_RUNS_DIR: path.join(tmp, 'runs'),
    TRAINED_MODELS_DIR: path.join(tmp, 'models'),
    TRAIN_EVAL_PAIRS: '48',
    TRAIN_CALIBRATION_PAIRS: '8',
    TRAIN_MIN_HOLDOUT_LABELS: '3',
  });
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

describe('runTraining', () => {
  it('trains from the snapshot, registers the version and promotes it when nothing is active', async () => {
    const run = await createRun({ epochs: 2 });
    const result = await runTraining(
      { prisma, config, storage },
      { trainingRunId: run.id, orgId },
      { shutdown: never },
    );
    const after = await prisma.trainingRun.findUniqueOrThrow({
      where: { id: run.id },
      include: { modelVersion: true },
    });
    expect(after.error).toBeNull();
    expect(result).toMatchObject({ status: 'SUCCEEDED', promoted: true });
    expect(after.status).toBe('SUCCEEDED');

    const progress = after.progress as {
      stage: string;
      percent: number;
      history: { epoch: number; loss: number }[];
    };
    expect(progress).toMatchObject({ stage: 'finished', percent: 100 });
    expect(progress.history.map((p) => p.epoch)).toEqual([1, 2]);

    const snapshot = after.dataSnapshot as {
      images: { count: number };
      labels: { count: number; hardNegatives: number };
      heldOut: { count: number };
      sha256: string;
    };
    expect(snapshot.images.count).toBe(16);
    expect(snapshot.labels.count + snapshot.heldOut.count).toBe(20);
    expect(snapshot.labels.hardNegatives).toBeGreaterThan(0);
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Held-out labels never reach the training CSV.
    const csv = await readFile(
      path.join(config.TRAIN_RUNS_DIR, run.id, 'dataset', 'labels.csv'),
      'utf8',
    );
    expect(csv.trim().split('\n')).toHaveLength(snapshot.labels.count + 1);

    const version = after.modelVersion;
    expect(version).toMatchObject({ orgId, status: 'ACTIVE', active: true });
    expect(existsSync(path.join(version?.artifactDir ?? '', 'encoder.onnx'))).toBe(true);
    expect((version?.dataSnapshot as { sha256?: string } | undefined)?.sha256).toBe(
      snapshot.sha256,
    );
    // Verification calibrated on validation pairs through the production path, as shipped.
    const manifest = version?.manifest as {
      verification?: { combine?: Record<string, number>; threshold?: number };
    };
    expect(Object.keys(manifest.verification?.combine ?? {})).toEqual(
      expect.arrayContaining(['intercept', 'model', 'inliers', 'similarityInliers']),
    );
    expect(manifest.verification?.threshold).toBeGreaterThan(0);
    expect(after.log).toContain('verification calibrated on 32 validation pairs');
    expect(after.log).toContain('training from scratch');
    const evaluation = after.evaluation as { decision: { promote: boolean; reason: string } };
    expect(evaluation.decision).toMatchObject({
      promote: true,
      reason: 'no active model to compare with',
    });
    const actions = await prisma.auditLog.findMany({ where: { orgId }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['model.register', 'model.promote', 'training.succeed']),
    );
  }, 180_000);

  it('ends FAILED with a readable reason when the training process is killed, leaving the active model', async () => {
    const activeBefore = await prisma.modelVersion.findFirstOrThrow({
      where: { orgId, active: true },
    });
    const run = await createRun({ epochs: 50 });
    const finished = runTraining(
      { prisma, config, storage },
      { trainingRunId: run.id, orgId },
      { shutdown: never },
    );
    await firstEpoch(run.id);
    const pid = Number(
      await readFile(path.join(config.TRAIN_RUNS_DIR, run.id, 'python.pid'), 'utf8'),
    );
    process.kill(pid, 'SIGKILL');
    const result = await finished;
    expect(result.status).toBe('FAILED');
    const after = await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe('FAILED');
    expect(after.error).toMatch(/training process was killed \(SIGKILL\)/);
    expect(after.modelVersionId).toBeNull();
    const activeAfter = await prisma.modelVersion.findFirstOrThrow({
      where: { orgId, active: true },
    });
    expect(activeAfter.id).toBe(activeBefore.id);
  }, 180_000);

  it('ends FAILED with a readable reason when the base version to fine-tune has no files', async () => {
    const gone = await prisma.modelVersion.create({
      data: {
        orgId,
        name: 'deleted-version',
        artifactDir: path.join(tmp, 'deleted-version'),
        manifest: {},
        threshold: 0.5,
        status: 'RETIRED',
      },
    });
    const run = await prisma.trainingRun.create({
      data: {
        orgId,
        baseModelVersionId: gone.id,
        trigger: 'MANUAL',
        params: ZTrainingParams.parse({ epochs: 1 }),
        progress: initialProgress(0) as never,
      },
    });
    const result = await runTraining(
      { prisma, config, storage },
      { trainingRunId: run.id, orgId },
      { shutdown: never },
    );
    expect(result.status).toBe('FAILED');
    const after = await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.error).toMatch(/base version deleted-version has no model files/);
  }, 120_000);

  it('stops the child and ends CANCELLED when an admin cancels mid-run', async () => {
    const run = await createRun({ epochs: 50, mode: 'consecutive' });
    const finished = runTraining(
      { prisma, config, storage },
      { trainingRunId: run.id, orgId },
      { shutdown: never },
    );
    await firstEpoch(run.id);
    await prisma.trainingRun.update({
      where: { id: run.id },
      data: { cancelRequestedAt: new Date() },
    });
    expect((await finished).status).toBe('CANCELLED');
    const after = await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({
      status: 'CANCELLED',
      error: 'cancelled by an admin',
      modelVersionId: null,
    });
    expect((after.progress as { phase: string }).phase).toBe('barlow');
  }, 180_000);

  it('hands the job back on worker shutdown, and the next attempt resumes from the checkpoint', async () => {
    const run = await createRun({ epochs: 3 });
    let shutdown: () => void = () => {};
    const stopping = new Promise<void>((resolve) => {
      shutdown = resolve;
    });
    const first = runTraining(
      { prisma, config, storage },
      { trainingRunId: run.id, orgId },
      { shutdown: stopping },
    );
    await firstEpoch(run.id);
    shutdown();
    await expect(first).rejects.toBeInstanceOf(RunInterrupted);
    const paused = await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(paused.status).toBe('RUNNING');
    expect((paused.progress as { stage: string }).stage).toBe('interrupted');

    const second = await runTraining(
      { prisma, config, storage },
      { trainingRunId: run.id, orgId },
      { shutdown: never },
    );
    expect(second.status).toBe('SUCCEEDED');
    const after = await prisma.trainingRun.findUniqueOrThrow({
      where: { id: run.id },
      include: { modelVersion: true },
    });
    expect(after.log).toContain('resuming from the last checkpoint');
    // The default start: the weights of the version active when the run was requested, read
    // back from its ONNX files (the resumed attempt keeps them from its checkpoint).
    const base = await prisma.modelVersion.findUniqueOrThrow({
      where: { id: run.baseModelVersionId ?? '' },
    });
    expect(after.log).toContain(`starting from the weights of ${base.name}`);
    expect(after.modelVersion?.parentId).toBe(base.id);
    const trained = after.modelVersion?.manifest as {
      training: { config: { train: { init_from: string } } };
    };
    expect(trained.training.config.train.init_from).toBe(resolveFromRoot(base.artifactDir));
    expect(
      (after.progress as { history: { epoch: number }[] }).history.map((p) => p.epoch),
    ).toEqual([1, 2, 3]);
  }, 180_000);
});

import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '@twinspect/config';
import { ZTrainingParams } from '@twinspect/jobs';
import type { PrismaClient } from '@twinspect/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTraining } from '../../train/run-training.ts';
import { initialProgress } from '../../train/training-progress.ts';
import { createTrainingFixture, type TrainingFixture } from '../training-fixture.ts';

// [FAULT] A retraining run whose loss diverges (NaN). The real train.py runs, with its loss
// weight set to NaN by a PYTHON_BIN wrapper (the run's parameters cannot express it): the run
// must end FAILED with the divergence as its reason, register no version, and leave the
// organization's active model exactly as it was. (A killed training process is covered in
// workers/train/run-training.test.ts.)

let fixture: TrainingFixture;
let prisma: PrismaClient;
let tmp: string;
let orgId: string;

beforeAll(async () => {
  fixture = await createTrainingFixture({ slug: 'diverge-lab', scorerActive: true });
  ({ prisma, tmp, orgId } = fixture);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

describe('[FAULT] a training run that diverges', () => {
  it('ends FAILED with the divergence as its reason and leaves the active model untouched', async () => {
    const wrapper = path.join(tmp, 'python-nan');
    await writeFile(
      wrapper,
      `#!/bin/sh\ncase "$*" in *twinspect_training.train*) exec /usr/bin/python3 "$@" --set train.bt_lambda=NaN ;; esac\nexec /usr/bin/python3 "$@"\n`,
    );
    await chmod(wrapper, 0o755);
    const config = parseConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgresql://unused@127.0.0.1/unused',
      PYTHON_BIN: wrapper,
      TRAIN_PRESET: 'tiny',
      TRAIN_RUNS_DIR: path.join(tmp, 'runs'),
      TRAINED_MODELS_DIR: path.join(tmp, 'models'),
    });
    const activeBefore = await prisma.modelVersion.findFirstOrThrow({
      where: { orgId, active: true },
    });
    const versionsBefore = await prisma.modelVersion.count({ where: { orgId } });
    const run = await prisma.trainingRun.create({
      data: {
        orgId,
        trigger: 'MANUAL',
        params: ZTrainingParams.parse({ epochs: 2 }),
        progress: initialProgress(0) as never,
      },
    });
    const result = await runTraining(
      { prisma, config, storage: fixture.storage },
      { trainingRunId: run.id, orgId },
      { shutdown: new Promise<void>(() => {}) },
    );
    expect(result.status).toBe('FAILED');
    const after = await prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe('FAILED');
    expect(after.error).toMatch(/training diverged: loss became nan/i);
    expect(after.modelVersionId).toBeNull();
    const activeAfter = await prisma.modelVersion.findFirstOrThrow({
      where: { orgId, active: true },
    });
    expect(activeAfter).toEqual(activeBefore);
    expect(await prisma.modelVersion.count({ where: { orgId } })).toBe(versionsBefore);
    console.log(
      `\n[FAULT] training diverged (NaN loss): run FAILED "${after.error}"; active model unchanged; no version registered\n`,
    );
  }, 180_000);
});

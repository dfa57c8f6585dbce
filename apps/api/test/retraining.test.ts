import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ConfigInput, parseConfig, repoRoot } from '@twinspect/config';
import { LocalStorage } from '@twinspect/storage';
import {
  createScoreWorkers,
  createTrainWorker,
  sampleImageFiles,
  seedTrainingData,
  settingsFromConfig,
  type TrainWorker,
} from '@twinspect/workers';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiJobs, createApiJobs } from '../src/jobs.ts';
import { code, type GraphQLTestClient, startApi, type TestApi } from './helpers.ts';

// The retraining loop over real HTTP, PostgreSQL, Redis (BullMQ) and Python (tiny preset): an
// admin starts a run through GraphQL, progress arrives while it trains, the version is registered
// and the gate decides; activation changes what the (still running) scoring worker uses, and a
// rescore uses it; a killed training process leaves the active model in place; the schedule
// starts a run once enough new labels arrived.

const RUN_FIELDS = `id status trigger error isPlatformWide
  live { stage percent epoch totalEpochs etaSeconds history { epoch loss bce valAccuracy } }
  dataset { sha256 images labels heldOut hardNegatives }
  gate { promoted reason margin comparisons { suite metric candidate active ok } skipped { suite reason } comparedWith { id } }
  modelVersion { id name status active threshold parent { id } standardMetrics { accuracy auc roc { fpr tpr } } heldOutMetrics { accuracy } }`;

interface Run {
  id: string;
  status: string;
  trigger: string;
  error: string | null;
  live: {
    stage: string;
    percent: number;
    epoch: number;
    totalEpochs: number;
    history: { epoch: number; loss: number }[];
  };
  dataset: {
    sha256: string;
    images: number;
    labels: number;
    heldOut: number;
    hardNegatives: number;
  } | null;
  gate: {
    promoted: boolean;
    reason: string;
    comparisons: { suite: string; metric: string; ok: boolean }[];
  } | null;
  modelVersion: {
    id: string;
    name: string;
    status: string;
    active: boolean;
    standardMetrics: { accuracy: number } | null;
  } | null;
}

let api: TestApi;
let jobs: ApiJobs;
let trainWorker: TrainWorker;
let score: ReturnType<typeof createScoreWorkers>;
let tmp: string;
let admin: GraphQLTestClient;
let team: Awaited<ReturnType<TestApi['freshTeam']>>;
let setId: string;
let storage: LocalStorage;
let scorerId: string;

async function startRun(params: Record<string, unknown>) {
  const response = await admin.request<{ startTrainingRun: { trainingRun: Run } }>(
    `mutation($input: StartTrainingRunInput!) { startTrainingRun(input: $input) { trainingRun { ${RUN_FIELDS} } } }`,
    { input: { params } },
  );
  expect(response.errors).toEqual([]);
  return response.data?.startTrainingRun.trainingRun as Run;
}

async function getRun(id: string): Promise<Run> {
  const response = await admin.request<{ trainingRun: Run }>(
    `query($id: ID!) { trainingRun(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
  return response.data?.trainingRun as Run;
}

/** Polls like the dashboard does, keeping every distinct progress it saw. */
async function watch(id: string, until: (run: Run) => boolean, seconds = 200) {
  const seen: Run[] = [];
  for (let i = 0; i < seconds * 4; i++) {
    const run = await getRun(id);
    if (JSON.stringify(run.live) !== JSON.stringify(seen.at(-1)?.live)) seen.push(run);
    if (until(run)) return { run, seen };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not get there; last: ${JSON.stringify(seen.at(-1))}`);
}
const ended = (run: Run) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(run.status);

async function waitForSet(predicate: () => Promise<boolean>) {
  for (let i = 0; i < 240; i++) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('scoring did not finish');
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'twinspect-retrain-api-'));
  const overrides: ConfigInput = {
    TRAIN_PRESET: 'tiny',
    // Views made in worker processes, as on a GPU training machine.
    TRAIN_LOADER_WORKERS: '2',
    TRAIN_RUNS_DIR: path.join(tmp, 'runs'),
    TRAINED_MODELS_DIR: path.join(tmp, 'models'),
    TRAIN_EVAL_PAIRS: '48',
    TRAIN_CALIBRATION_PAIRS: '8',
    TRAIN_MIN_HOLDOUT_LABELS: '3',
    STORAGE_ROOT: path.join(tmp, 'storage'),
  };
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    ...overrides,
  });
  const prefix = `twinspect-test-${randomBytes(4).toString('hex')}`;
  jobs = createApiJobs(config, { prefix });
  api = await startApi(overrides, { jobs });
  storage = new LocalStorage(path.join(tmp, 'storage'));
  trainWorker = createTrainWorker({
    prisma: api.prisma,
    config: api.config,
    storage,
    producer: jobs.train,
    redisUrl: config.REDIS_URL,
    prefix,
  });
  score = createScoreWorkers(
    {
      prisma: api.prisma,
      storage,
      producer: jobs.pipeline,
      logger: pino({ level: 'silent' }),
      settings: settingsFromConfig(api.config),
    },
    config.REDIS_URL,
    { prefix },
  );

  team = await api.freshTeam();
  admin = await api.as(team.email('ADMIN'));
  const annotator = team.users[team.email('ANNOTATOR')];
  const scorer = await api.prisma.modelVersion.create({
    data: {
      orgId: team.org.id,
      name: 'legacy-scorer',
      artifactDir: 'nowhere',
      manifest: {},
      threshold: 0.5,
      status: 'RETIRED',
    },
  });
  scorerId = scorer.id;
  const seeded = await seedTrainingData(api.prisma, storage, {
    orgId: team.org.id,
    files: await sampleImageFiles(repoRoot, 8),
    modelVersionId: scorer.id,
    annotatorIds: annotator ? [annotator.id] : [],
    same: 8,
    different: 12,
  });
  setId = seeded.set.id;
}, 120_000);

afterAll(async () => {
  await trainWorker?.close();
  await score?.close();
  await api?.stop();
  await jobs?.train.queue.obliterate({ force: true }).catch(() => {});
  await jobs?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('[RETRAIN] retraining through GraphQL', () => {
  it('refuses non-admins, other teams, platform-wide runs and parameters out of bounds', async () => {
    const start =
      'mutation($input: StartTrainingRunInput!) { startTrainingRun(input: $input) { trainingRun { id } } }';
    for (const role of ['EDITOR', 'ANNOTATOR']) {
      const client = await api.as(team.email(role));
      expect(code(await client.request(start, { input: {} }))).toBe('FORBIDDEN');
    }
    expect(code(await admin.request(start, { input: { platformWide: true } }))).toBe('FORBIDDEN');
    expect(code(await admin.request(start, { input: { params: { epochs: 500 } } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await admin.request(start, { input: { params: { batchSize: 2 } } }))).toBe(
      'BAD_USER_INPUT',
    );

    const stats = await admin.request<{
      trainingLabelStats: {
        confirmed: number;
        same: number;
        sinceLastRun: number;
        agreementRate: number;
        annotators: { annotations: number; agreementRate: number }[];
      };
    }>(
      '{ trainingLabelStats { confirmed same different sinceLastRun agreementRate annotators { annotator { email } annotations agreementRate } } }',
    );
    expect(stats.data?.trainingLabelStats).toMatchObject({
      confirmed: 20,
      same: 8,
      sinceLastRun: 20,
      agreementRate: 1,
    });
    expect(stats.data?.trainingLabelStats.annotators[0]).toMatchObject({
      annotations: 20,
      agreementRate: 1,
    });
  });

  it('trains from confirmed labels with live progress, registers the version and lets the gate decide', async () => {
    const queued = await startRun({ epochs: 3 });
    expect(queued).toMatchObject({ status: 'QUEUED', trigger: 'MANUAL', isPlatformWide: false });
    // One run at a time per organization.
    const again = await admin.request(
      'mutation { startTrainingRun(input: {}) { trainingRun { id } } }',
    );
    expect(code(again)).toBe('CONFLICT');

    const { run, seen } = await watch(queued.id, ended);
    expect(run.error).toBeNull();
    expect(run.status).toBe('SUCCEEDED');
    // Progress arrived while it trained: epochs, losses, a growing percentage.
    const training = seen.filter((r) => r.status === 'RUNNING' && r.live.history.length > 0);
    expect(training.length).toBeGreaterThan(0);
    expect(training[0]?.live.percent).toBeGreaterThan(0);
    expect(training[0]?.live.percent).toBeLessThan(100);
    expect(run.live).toMatchObject({ stage: 'FINISHED', percent: 100, epoch: 3, totalEpochs: 3 });
    expect(run.live.history.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(run.dataset).toMatchObject({ images: 16 });
    expect((run.dataset?.labels ?? 0) + (run.dataset?.heldOut ?? 0)).toBe(20);
    const trained = JSON.parse(
      await readFile(path.join(tmp, 'runs', queued.id, 'train', 'config.json'), 'utf8'),
    );
    expect(trained.train).toMatchObject({ loader_workers: 2, epochs: 3 });

    // Registered, with its evaluation; the gate's verdict and the version's status agree.
    expect(run.modelVersion?.standardMetrics?.accuracy).toBeGreaterThanOrEqual(0);
    expect(run.gate?.reason).toBeTruthy();
    expect(run.modelVersion?.active).toBe(run.gate?.promoted);
    expect(run.modelVersion?.status).toBe(run.gate?.promoted ? 'ACTIVE' : 'CANDIDATE');

    const audit = await api.prisma.auditLog.findMany({
      where: { orgId: team.org.id },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['training.start', 'model.register', 'training.succeed']),
    );
  }, 240_000);

  it('activation swaps what the running scoring worker uses, and a rescore uses it', async () => {
    const versions = await api.prisma.modelVersion.findMany({
      where: { orgId: team.org.id, name: { startsWith: 'bta-' } },
    });
    const first = versions[0];
    if (!first) throw new Error('no registered version');
    const activate = (id: string) =>
      admin.request(
        'mutation($id: ID!) { setActiveModelVersion(input: { modelVersionId: $id }) { modelVersion { id active } } }',
        { id },
      );
    expect((await activate(first.id)).errors).toEqual([]);

    // Scoring as ingest asks for it (no version named): the worker resolves the active one.
    await jobs.pipeline.enqueueScore({ orgId: team.org.id, setId, generation: 1000 });
    await waitForSet(
      async () => (await api.prisma.pair.count({ where: { setId, modelVersionId: first.id } })) > 0,
    );

    // A second run, gated against the first (now active).
    const second = (
      await watch((await startRun({ epochs: 2, mode: 'CONSECUTIVE', headEpochs: 1 })).id, ended)
    ).run;
    expect(second.status).toBe('SUCCEEDED');
    expect(second.gate?.comparisons.some((c) => c.suite === 'STANDARD')).toBe(true);
    const secondVersion = second.modelVersion;
    if (!secondVersion) throw new Error('second run registered nothing');
    expect(second.gate?.reason).toBeTruthy();

    // Activate the second (or roll back and forward), then rescore: the same worker process
    // scores with the newly active version, no restart.
    expect((await activate(secondVersion.id)).errors).toEqual([]);
    const rescore = await admin.request<{ rescoreImageSet: { modelVersion: { id: string } } }>(
      'mutation($id: ID!) { rescoreImageSet(input: { imageSetId: $id }) { imageSet { id } modelVersion { id } } }',
      { id: setId },
    );
    expect(rescore.errors).toEqual([]);
    expect(rescore.data?.rescoreImageSet.modelVersion.id).toBe(secondVersion.id);
    await waitForSet(
      async () =>
        (await api.prisma.pair.count({ where: { setId, modelVersionId: secondVersion.id } })) > 0,
    );
    const set = await api.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    expect(set.modelVersionId).toBe(secondVersion.id);
    // Older scores stay, each saying which version made it.
    expect(
      await api.prisma.pair.count({ where: { setId, modelVersionId: first.id } }),
    ).toBeGreaterThan(0);
    expect(await api.prisma.pair.count({ where: { setId, modelVersionId: scorerId } })).toBe(20);

    const rollback = await activate(first.id);
    expect(rollback.errors).toEqual([]);
    const actions = await api.prisma.auditLog.findMany({
      where: { orgId: team.org.id, action: { in: ['model.activate', 'imageSet.rescore'] } },
    });
    expect(actions.length).toBe(4);
  }, 300_000);

  it('a killed training process ends the run FAILED and leaves the active model in place', async () => {
    const activeBefore = await admin.request<{ activeModelVersion: { id: string } }>(
      '{ activeModelVersion { id } }',
    );
    const run = await startRun({ epochs: 60 });
    await watch(run.id, (r) => r.live.epoch >= 1);
    const pid = Number(await readFile(path.join(tmp, 'runs', run.id, 'python.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    const { run: failed } = await watch(run.id, ended, 60);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/training process was killed \(SIGKILL\)/);
    expect(failed.modelVersion).toBeNull();
    const activeAfter = await admin.request<{ activeModelVersion: { id: string } }>(
      '{ activeModelVersion { id } }',
    );
    expect(activeAfter.data?.activeModelVersion.id).toBe(activeBefore.data?.activeModelVersion.id);
  }, 120_000);

  it('the schedule starts a run once enough new confirmed labels arrived, and an admin can cancel it', async () => {
    const set = await admin.request<{
      setTrainingSchedule: { trainingSchedule: { enabled: boolean; everyMinutes: number } };
    }>(
      `mutation { setTrainingSchedule(input: { enabled: true, everyMinutes: 60, minNewLabels: 3, params: { epochs: 40 } }) {
        trainingSchedule { enabled everyMinutes minNewLabels params } } }`,
    );
    expect(set.errors).toEqual([]);
    const queue = jobs.train.queue;
    const completed = async () =>
      (await queue.getCompleted()).filter((j) => j.name === 'schedule').length;
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await check()).toBe(true);
    };
    // BullMQ runs a new `every` scheduler's first check at once, then one per interval; the
    // test brings the next one forward instead of waiting an hour.
    const fire = async () => {
      const before = await completed();
      const next = (await queue.getDelayed()).find((j) => j.name === 'schedule');
      if (!next) throw new Error('the job scheduler has no next job');
      await next.promote();
      await until(async () => (await completed()) > before);
    };
    await until(async () => (await completed()) >= 1);
    let runs = await api.prisma.trainingRun.count({
      where: { orgId: team.org.id, trigger: 'SCHEDULE' },
    });
    expect(runs).toBe(0);

    await seedTrainingData(api.prisma, storage, {
      orgId: team.org.id,
      files: (await sampleImageFiles(repoRoot, 11)).slice(8),
      modelVersionId: scorerId,
      same: 2,
      different: 2,
      name: 'Second case',
    });
    await fire();
    const scheduled = await api.prisma.trainingRun.findFirstOrThrow({
      where: { orgId: team.org.id, trigger: 'SCHEDULE' },
    });
    runs = await api.prisma.trainingRun.count({
      where: { orgId: team.org.id, trigger: 'SCHEDULE' },
    });
    expect(runs).toBe(1);

    const cancel = await admin.request<{ cancelTrainingRun: { trainingRun: { status: string } } }>(
      'mutation($id: ID!) { cancelTrainingRun(input: { trainingRunId: $id }) { trainingRun { status cancelRequestedAt } } }',
      { id: scheduled.id },
    );
    expect(cancel.errors).toEqual([]);
    const { run } = await watch(scheduled.id, ended, 60);
    expect(run.status).toBe('CANCELLED');

    const other = await api.as(api.teams.other.emails.ADMIN);
    const foreign = await other.request(
      'mutation($id: ID!) { cancelTrainingRun(input: { trainingRunId: $id }) { trainingRun { id } } }',
      { id: scheduled.id },
    );
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(
      (
        await other.request<{ trainingRun: null }>(
          'query($id: ID!) { trainingRun(id: $id) { id } }',
          { id: scheduled.id },
        )
      ).data?.trainingRun,
    ).toBeNull();

    const off = await admin.request(
      'mutation { setTrainingSchedule(input: { enabled: false, minNewLabels: 3 }) { trainingSchedule { enabled } } }',
    );
    expect(off.errors).toEqual([]);
    expect(await jobs.train.queue.getJobSchedulersCount()).toBe(0);
  }, 120_000);
});

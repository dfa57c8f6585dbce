import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listModelDirs } from '@twinspect/inference';
import { createPrismaClient } from '@twinspect/prisma';
import { seedDemo } from '@twinspect/prisma/seed';
import { createTestDatabase } from '@twinspect/testing';
import { Redis } from 'ioredis';
import { seedReviewCase } from '../fixtures/review-case.ts';
import {
  API_PORT,
  API_URL,
  DEMO_PASSWORD,
  outputDir,
  REDIS_URL,
  repoRoot,
  type StackState,
  screenshotDir,
  stackStateFile,
  USERS,
  WEB_PORT,
  WEB_URL,
} from './settings.ts';
import {
  runToCompletion,
  type StartedProcess,
  startProcess,
  stopProcessGroups,
  waitForUrl,
} from './start-stack.ts';

/**
 * Starts the real stack for the suite: a fresh database (migrated, with the seeded demo teams and
 * a reviewed case), its own storage folder and Redis database, then the API, the workers and the
 * production build of the web app. Everything is stopped and dropped by global-teardown.
 */
export default async function globalSetup() {
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });

  const database = await createTestDatabase('twinspect_e2e');
  const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-e2e-storage-'));
  const prisma = createPrismaClient(database.url, { poolSize: 2 });
  let reviewCase: StackState['reviewCase'];
  try {
    const { demo } = await seedDemo(prisma, { password: DEMO_PASSWORD });
    const editor = demo.users[USERS.editor];
    if (!editor) throw new Error('the demo seed has no editor');
    reviewCase = await seedReviewCase(prisma, {
      orgId: demo.org.id,
      editorId: editor.id,
      storageRoot,
    });
  } finally {
    await prisma.$disconnect();
  }
  // The suite's own Redis database starts empty: no queued job of an earlier run is replayed.
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  await redis.flushdb();
  redis.disconnect();

  // The stack connects with a password in DATABASE_URL (trust auth here ignores it; a real
  // server's password is kept), so the leak scan has one to look for.
  const stackDatabaseUrl = new URL(database.url);
  if (!stackDatabaseUrl.password) stackDatabaseUrl.password = randomBytes(12).toString('hex');
  const signingSecret = `e2e-signing-${randomBytes(16).toString('hex')}`;
  const secretsDir = path.join(storageRoot, 'secrets');
  mkdirSync(secretsDir, { recursive: true });
  writeFileSync(
    path.join(secretsDir, 'stack.json'),
    JSON.stringify({
      'demo password': DEMO_PASSWORD,
      'signing secret': signingSecret,
      'DATABASE_URL password': decodeURIComponent(stackDatabaseUrl.password),
      DATABASE_URL: stackDatabaseUrl.toString(),
    }),
  );

  // The shipped model in models/ scores uploads; E2E_MODELS_DIR points the suite at another.
  const modelsDir = process.env.E2E_MODELS_DIR ?? path.join(repoRoot, 'models');
  const env: NodeJS.ProcessEnv = {
    MODELS_DIR: modelsDir,
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'info',
    DATABASE_URL: stackDatabaseUrl.toString(),
    REDIS_URL,
    API_PORT: String(API_PORT),
    API_HOST: '127.0.0.1',
    API_URL,
    WEB_PORT: String(WEB_PORT),
    WEB_ORIGIN: WEB_URL,
    STORAGE_ROOT: storageRoot,
    DEMO_PASSWORD,
    SIGNING_SECRET: signingSecret,
    COOKIE_SECURE: 'false',
    LOGIN_RATE_LIMIT_MAX: '1000',
    // Retraining in seconds, not hours: the tiny model preset, folders of the suite's own.
    TRAIN_PRESET: 'tiny',
    TRAIN_RUNS_DIR: path.join(storageRoot, 'training-runs'),
    TRAINED_MODELS_DIR: path.join(storageRoot, 'models'),
    TRAIN_EVAL_PAIRS: '48',
    TRAIN_CALIBRATION_PAIRS: '8',
    TRAIN_MIN_HOLDOUT_LABELS: '3',
  };
  if (
    process.env.E2E_SKIP_BUILD !== '1' ||
    !existsSync(path.join(repoRoot, 'apps/web/.next/BUILD_ID'))
  ) {
    runToCompletion('next build', 'npm', ['run', 'build', '-w', '@twinspect/web'], env);
  }
  const processes: StartedProcess[] = [
    startProcess('api', 'npm', ['start', '-w', '@twinspect/api'], env),
    startProcess('workers', 'npm', ['start', '-w', '@twinspect/workers'], env),
    startProcess('web', 'npm', ['start', '-w', '@twinspect/web'], env),
  ];
  const pids = processes.map((p) => p.child.pid).filter((pid): pid is number => pid !== undefined);
  const state: StackState = {
    databaseName: database.name,
    databaseUrl: database.url,
    storageRoot,
    secretsDir,
    pids,
    reviewCase,
    modelAvailable: listModelDirs(modelsDir).length > 0,
  };
  writeFileSync(stackStateFile, JSON.stringify(state, null, 2));
  try {
    await waitForUrl(`${API_URL}/healthz`, 120, processes);
    await waitForUrl(`${WEB_URL}/login`, 120, processes);
  } catch (error) {
    await stopProcessGroups(pids);
    await database.drop();
    throw error;
  }
}

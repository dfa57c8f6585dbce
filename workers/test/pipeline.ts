import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, parseConfig } from '@twinspect/config';
import { findDefaultModelDir } from '@twinspect/inference';
import { createProducer, type Producer, QUEUES, REDIS_CONNECTION_OPTIONS } from '@twinspect/jobs';
import type { PrismaClient } from '@twinspect/prisma';
import { createTestPrisma } from '@twinspect/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { registerModelVersion } from '../score/register-model-version.ts';
import type { WorkerSettings } from '../shared/deps.ts';
import { type RunningWorkers, repoRoot, startWorkers } from '../start-workers.ts';

export const bioDev = path.resolve(repoRoot, '../shared/datasets/bio-dev/images');

/** The model under test: the single folder in models/ (TWINSPECT_TEST_MODEL_DIR overrides it). */
export function testModelDir(): string {
  return process.env.TWINSPECT_TEST_MODEL_DIR ?? findDefaultModelDir(path.join(repoRoot, 'models'));
}

export function bioDevImages(
  folder: 'dsb2018' | 'cellprofiler',
  count: number,
  offset = 0,
): string[] {
  return readdirSync(path.join(bioDev, folder))
    .sort()
    .slice(offset, offset + count)
    .map((f) => path.join(bioDev, folder, f));
}

/**
 * A private pipeline for one test file: its own database, storage folder and Redis key prefix,
 * the test model registered as the active platform model.
 */
export interface TestPipeline {
  config: Config;
  prisma: PrismaClient;
  prefix: string;
  storageRoot: string;
  producer: Producer;
  modelVersionId: string;
  orgId: string;
  userId: string;
  newSet(name?: string): Promise<string>;
  start(
    settings?: Partial<WorkerSettings>,
    queues?: ('ingest' | 'score')[],
  ): Promise<RunningWorkers>;
  waitForSet(
    setId: string,
    until: (set: SetCounters) => boolean,
    timeoutMs?: number,
  ): Promise<SetCounters>;
  queue(name: 'ingest' | 'score' | 'verify'): Queue;
  close(): Promise<void>;
}

export interface SetCounters {
  status: string;
  imagesTotal: number;
  imagesIngested: number;
  imagesFailed: number;
  imagesEmbedded: number;
  pairsTotal: number;
  pairsScored: number;
  pairsFlagged: number;
  pairsToVerify: number;
  pairsVerified: number;
  error: string | null;
}

/** Scored and, when the model verifies, verified (or failed): nothing more will change. */
export const settled = (s: SetCounters): boolean =>
  s.status === 'FAILED' || (s.status === 'READY' && s.pairsVerified >= s.pairsToVerify);

export async function createTestPipeline(): Promise<TestPipeline> {
  const { db, prisma, close: closeDb } = await createTestPrisma();
  const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-storage-'));
  const prefix = `twinspect-test-${randomBytes(4).toString('hex')}`;
  const config = parseConfig({
    DATABASE_URL: db.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    STORAGE_ROOT: storageRoot,
    MODELS_DIR: path.join(storageRoot, 'no-models'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  });
  const version = await registerModelVersion(prisma, { modelDir: testModelDir(), repoRoot });
  const org = await prisma.organization.create({
    data: { name: 'Test Lab', slug: `lab-${prefix}` },
  });
  const user = await prisma.user.create({
    data: { email: `editor-${prefix}@example.test`, name: 'Editor', passwordHash: 'x' },
  });
  await prisma.membership.create({ data: { orgId: org.id, userId: user.id, role: 'EDITOR' } });
  const producer = createProducer(config.REDIS_URL, { prefix });
  const redis = new Redis(config.REDIS_URL, REDIS_CONNECTION_OPTIONS);
  const queues = new Map<string, Queue>();
  const running: RunningWorkers[] = [];
  return {
    config,
    prisma,
    prefix,
    storageRoot,
    producer,
    modelVersionId: version.id,
    orgId: org.id,
    userId: user.id,
    async newSet(name = 'Case') {
      const set = await prisma.imageSet.create({
        data: { orgId: org.id, name, createdById: user.id },
      });
      return set.id;
    },
    async start(settings = {}, which) {
      const workers = await startWorkers({
        config,
        prisma,
        logger: pino({ level: 'warn' }),
        settings,
        prefix,
        ...(which ? { queues: which } : {}),
      });
      running.push(workers);
      return workers;
    },
    async waitForSet(setId, until, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const set = (await prisma.imageSet.findUniqueOrThrow({
          where: { id: setId },
        })) as SetCounters;
        if (until(set)) return set;
        if (Date.now() > deadline)
          throw new Error(`set ${setId} did not get there: ${JSON.stringify(set)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    queue(name) {
      let q = queues.get(name);
      if (!q) {
        q = new Queue(QUEUES[name], { connection: redis, prefix });
        queues.set(name, q);
      }
      return q;
    },
    async close() {
      for (const w of running) await w.close();
      for (const name of ['ingest', 'score', 'verify'] as const) {
        if (!queues.has(name))
          queues.set(name, new Queue(QUEUES[name], { connection: redis, prefix }));
      }
      for (const q of queues.values()) {
        await q.obliterate({ force: true });
        await q.close();
      }
      await producer.close();
      redis.disconnect();
      await closeDb();
    },
  };
}

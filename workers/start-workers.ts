import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, resolveFromRoot } from '@twinspect/config';
import { listModelDirs } from '@twinspect/inference';
import { createProducer, createTrainProducer } from '@twinspect/jobs';
import { createPrismaClient, type PrismaClient } from '@twinspect/prisma';
import { createStorage } from '@twinspect/storage';
import type { WorkerOptions } from 'bullmq';
import pino, { type Logger } from 'pino';
import { createIngestWorker } from './ingest/worker.ts';
import { registerModelVersion } from './score/register-model-version.ts';
import { createScoreWorkers } from './score/worker.ts';
import { DEFAULT_SETTINGS, type WorkerDeps, type WorkerSettings } from './shared/deps.ts';
import { ModelSpecCache } from './shared/model-spec.ts';
import { createTrainWorker } from './train/train-worker.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartWorkersOptions {
  config: Config;
  prisma?: PrismaClient;
  logger?: Logger;
  settings?: Partial<WorkerSettings>;
  /** Default: all three. A GPU training machine runs ['train'] only (README). */
  queues?: ('ingest' | 'score' | 'train')[];
  workerOptions?: Partial<WorkerOptions>;
  /** BullMQ key prefix: tests run on a shared Redis under their own prefix. */
  prefix?: string;
}

export interface RunningWorkers {
  deps: WorkerDeps;
  /** Finishes the jobs in hand, then disconnects. */
  close(): Promise<void>;
}

export function settingsFromConfig(
  config: Config,
  overrides: Partial<WorkerSettings> = {},
): WorkerSettings {
  return {
    ...DEFAULT_SETTINGS,
    maxPixels: config.IMAGE_MAX_PIXELS,
    maxUploadBytes: config.UPLOAD_MAX_BYTES,
    executionProvider: config.ORT_EXECUTION_PROVIDER,
    ortThreads: config.ORT_THREADS,
    verifyThreads: config.VERIFY_THREADS ?? availableParallelism(),
    resolveModelDir: (dir) => (path.isAbsolute(dir) ? dir : resolveFromRoot(dir)),
    ...overrides,
  };
}

/**
 * Starts the ingest, score (with verify) and train workers of one process. The shipped model (the single folder in
 * MODELS_DIR) is registered as the platform model if none is active yet.
 */
export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { service: 'workers' } });
  const ownsPrisma = !options.prisma;
  const prisma = options.prisma ?? createPrismaClient(config.DATABASE_URL, { poolSize: 4 });
  const deps: WorkerDeps = {
    prisma,
    storage: createStorage(config, repoRoot),
    producer: createProducer(config.REDIS_URL, options.prefix ? { prefix: options.prefix } : {}),
    logger,
    settings: settingsFromConfig(config, options.settings),
  };
  deps.modelSpecs = new ModelSpecCache(prisma);
  const [shipped] = listModelDirs(resolveFromRoot(config.MODELS_DIR));
  if (shipped) await registerModelVersion(prisma, { modelDir: shipped, repoRoot });

  const queues = options.queues ?? ['ingest', 'score', 'train'];
  const workerOptions = {
    ...(options.prefix ? { prefix: options.prefix } : {}),
    ...options.workerOptions,
  };
  const ingest = queues.includes('ingest')
    ? createIngestWorker(deps, config.REDIS_URL, {
        concurrency: Math.max(4, config.WORKER_CONCURRENCY),
        ...workerOptions,
      })
    : undefined;
  const score = queues.includes('score')
    ? createScoreWorkers(deps, config.REDIS_URL, workerOptions)
    : undefined;
  const prefix = options.prefix ? { prefix: options.prefix } : {};
  const trainProducer = queues.includes('train')
    ? createTrainProducer(config.REDIS_URL, prefix)
    : undefined;
  const train = trainProducer
    ? createTrainWorker({
        prisma,
        config,
        storage: deps.storage,
        producer: trainProducer,
        redisUrl: config.REDIS_URL,
        ...prefix,
      })
    : undefined;
  logger.info({ queues }, 'workers started');
  return {
    deps,
    async close() {
      await Promise.all([ingest?.close(), score?.close(), train?.close()]);
      await trainProducer?.close();
      await deps.producer.close();
      if (ownsPrisma) await prisma.$disconnect();
    },
  };
}

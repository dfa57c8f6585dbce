import {
  QUEUES,
  REDIS_CONNECTION_OPTIONS,
  type TScoreSetJob,
  type TScoreSetResult,
  ZScoreSetJob,
} from '@twinspect/jobs';
import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerDeps } from '../shared/deps.ts';
import { ArchiveIndexCache } from './archive-index.ts';
import { ModelCache } from './model-cache.ts';
import { scoreSet } from './score-set.ts';

/**
 * The `score` queue's worker. One job at a time per process: onnxruntime already uses every
 * thread it is given. Scale out with more processes (on more machines).
 */
export function createScoreWorker(
  deps: WorkerDeps,
  redisUrl: string,
  options: Partial<WorkerOptions> = {},
): { worker: Worker<TScoreSetJob, TScoreSetResult>; models: ModelCache } {
  const models = new ModelCache(deps.settings);
  const indexes = new ArchiveIndexCache(deps.storage);
  const worker = new Worker<TScoreSetJob, TScoreSetResult>(
    QUEUES.score,
    async (job: Job<TScoreSetJob>) => {
      const parsed = ZScoreSetJob.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`bad score payload: ${parsed.error.message}`);
      return scoreSet(deps, { models, indexes }, parsed.data);
    },
    {
      connection: new Redis(redisUrl, REDIS_CONNECTION_OPTIONS),
      concurrency: 1,
      // Scoring a 5,000-image set holds the job for a while; the lock is renewed meanwhile.
      lockDuration: 60_000,
      // A worker that died holding a job (OOM, SIGKILL, lost machine): the job is handed to
      // another worker; it is idempotent, so this is safe to allow a few times.
      maxStalledCount: 3,
      ...options,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const last =
      job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    deps.logger.error({ jobId: job.id, error: error.message, last }, 'score job failed');
    if (!last) return;
    void deps.prisma.imageSet
      .update({
        where: { id: job.data.setId },
        data: { status: 'FAILED', error: `scoring failed: ${error.message}` },
      })
      .catch((e: unknown) => deps.logger.error({ error: String(e) }, 'cannot mark set failed'));
  });
  return { worker, models };
}

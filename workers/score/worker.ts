import { createVerifyPool } from '@twinspect/inference';
import {
  QUEUES,
  REDIS_CONNECTION_OPTIONS,
  type TScoreSetJob,
  type TScoreSetResult,
  type TVerifySetJob,
  type TVerifySetResult,
  ZScoreSetJob,
  ZVerifySetJob,
} from '@twinspect/jobs';
import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import type { WorkerDeps } from '../shared/deps.ts';
import { ArchiveIndexCache } from './archive-index.ts';
import { ModelCache } from './model-cache.ts';
import { scoreSet } from './score-set.ts';
import { verifySet } from './verify-set.ts';

/**
 * The `score` and `verify` queues' workers, sharing one model cache. One job at a time per queue
 * and process: onnxruntime and OpenCV already use the cores they get. Scale out with more
 * processes (on more machines). A set's verification runs while the next set is scored.
 */
export function createScoreWorkers(
  deps: WorkerDeps,
  redisUrl: string,
  options: Partial<WorkerOptions> = {},
): { workers: Worker[]; close(): Promise<void> } {
  const models = new ModelCache(deps.settings);
  const indexes = new ArchiveIndexCache(deps.storage);
  const pool = createVerifyPool(deps.settings.verifyThreads);
  const score = setWorker<TScoreSetJob, TScoreSetResult>(
    deps,
    { name: QUEUES.score, schema: ZScoreSetJob, redisUrl, options },
    (job) => scoreSet(deps, { models, indexes }, job),
    // Nothing of the set can be trusted: it is FAILED.
    (error) => ({ status: 'FAILED', error: `scoring failed: ${error}` }),
  );
  const verify = setWorker<TVerifySetJob, TVerifySetResult>(
    deps,
    { name: QUEUES.verify, schema: ZVerifySetJob, redisUrl, options },
    (job) => verifySet(deps, { models, pool }, job),
    // The set stays READY with the model's scores; the reason is shown with it.
    (error) => ({ error: `geometric verification failed: ${error}` }),
  );
  return {
    workers: [score, verify],
    async close() {
      await Promise.all([score.close(), verify.close()]);
      await models.close();
      await pool.close();
    },
  };
}

/** A worker of one of a set's queues: payloads parsed with `schema`, the set told of a failure. */
function setWorker<J extends { setId: string }, R>(
  deps: WorkerDeps,
  queue: { name: string; schema: z.ZodType<J>; redisUrl: string; options: Partial<WorkerOptions> },
  process: (job: J) => Promise<R>,
  onLastFailure: (error: string) => { status?: 'FAILED'; error: string },
): Worker<J, R> {
  const handle = async (job: Job<J>) => {
    const parsed = queue.schema.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(`bad ${queue.name} payload: ${parsed.error.message}`);
    return process(parsed.data);
  };
  const worker = new Worker<J, R>(queue.name, handle, {
    connection: new Redis(queue.redisUrl, REDIS_CONNECTION_OPTIONS),
    concurrency: 1,
    // Scoring a 5,000-image set holds the job for a while; the lock is renewed meanwhile.
    lockDuration: 60_000,
    // A worker that died holding a job (OOM, SIGKILL, lost machine): the job is handed to
    // another worker; it is idempotent, so this is safe to allow a few times.
    maxStalledCount: 3,
    ...queue.options,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const last =
      job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    deps.logger.error(
      { queue: queue.name, jobId: job.id, error: error.message, last },
      'job failed',
    );
    if (!last) return;
    void deps.prisma.imageSet
      .update({ where: { id: job.data.setId }, data: onLastFailure(error.message) })
      .catch((e: unknown) => deps.logger.error({ error: String(e) }, 'cannot mark set failed'));
  });
  return worker;
}

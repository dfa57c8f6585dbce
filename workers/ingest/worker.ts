import {
  QUEUES,
  REDIS_CONNECTION_OPTIONS,
  type TIngestJob,
  type TIngestResult,
  ZIngestJob,
} from '@twinspect/jobs';
import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerDeps } from '../shared/deps.ts';
import { finishImage, scoreWhenIngested } from '../shared/set-progress.ts';
import { expandArchive } from './expand-archive.ts';
import { ingestImage } from './ingest-image.ts';

/** The `ingest` queue's worker. sharp decodes on libuv's pool and each job waits on storage and the database, so several run at once (4 by default). */
export function createIngestWorker(
  deps: WorkerDeps,
  redisUrl: string,
  options: Partial<WorkerOptions> = {},
): Worker<TIngestJob, TIngestResult> {
  const worker = new Worker<TIngestJob, TIngestResult>(
    QUEUES.ingest,
    async (job: Job<TIngestJob>) => {
      const parsed = ZIngestJob.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`bad ingest payload: ${parsed.error.message}`);
      return parsed.data.kind === 'image'
        ? ingestImage(deps, parsed.data)
        : expandArchive(deps, parsed.data);
    },
    {
      connection: new Redis(redisUrl, REDIS_CONNECTION_OPTIONS),
      concurrency: 2,
      ...options,
    },
  );
  // Out of retries: the image must not stay PENDING forever, or its set never gets scored.
  worker.on('failed', (job, error) => {
    if (!job) return;
    const last =
      job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    deps.logger.error({ jobId: job.id, error: error.message, last }, 'ingest job failed');
    if (!last || job.data.kind !== 'image') return;
    const image = { id: job.data.imageId, setId: job.data.setId };
    void finishImage(deps.prisma, image, {
      status: 'FAILED',
      data: { error: `ingest failed: ${error.message}` },
    })
      .then(() => scoreWhenIngested(deps, image.setId))
      .catch((e: unknown) => deps.logger.error({ error: String(e) }, 'cannot mark image failed'));
  });
  return worker;
}

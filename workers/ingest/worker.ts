import {
  QUEUES,
  REDIS_CONNECTION_OPTIONS,
  type TIngestJob,
  type TIngestResult,
  ZIngestArchiveJob,
  ZIngestJob,
} from '@twinspect/jobs';
import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerDeps } from '../shared/deps.ts';
import { finishImage, scoreWhenIngested } from '../shared/set-progress.ts';
import { expandArchive, failArchiveExpansion } from './expand-archive.ts';
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
  // Out of retries: the image (or a ZIP's entries) must not stay PENDING forever, or the set never
  // gets scored.
  worker.on('failed', (job, error) => {
    if (!job) return;
    const last =
      job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    deps.logger.error({ jobId: job.id, error: error.message, last }, 'ingest job failed');
    if (!last) return;
    const archive = ZIngestArchiveJob.safeParse(job.data);
    if (archive.success) {
      void failArchiveExpansion(
        deps,
        archive.data,
        `ZIP expansion failed: ${oneLine(error)}`,
      ).catch((e: unknown) =>
        deps.logger.error({ error: String(e) }, 'cannot mark ZIP entries failed'),
      );
      return;
    }
    if (job.data.kind !== 'image') return;
    const image = { id: job.data.imageId, setId: job.data.setId };
    void finishImage(deps.prisma, image, {
      status: 'FAILED',
      data: { error: `ingest failed: ${oneLine(error)}` },
    })
      .then(() => scoreWhenIngested(deps, image.setId))
      .catch((e: unknown) => deps.logger.error({ error: String(e) }, 'cannot mark image failed'));
  });
  return worker;
}

/** A reason an editor can read: Prisma's messages span lines (call site, blank lines, cause). */
function oneLine(error: Error): string {
  const lines = error.message.split('\n').map((line) => line.trim());
  return (lines.filter(Boolean).at(-1) ?? 'unknown error').slice(0, 300);
}

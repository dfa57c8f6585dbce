import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ingestJobId, type TIngestJob, ZIngestJob } from './ingest.ts';
import { DEFAULT_JOB_OPTIONS, REDIS_CONNECTION_OPTIONS } from './options.ts';
import { QUEUES } from './queues.ts';
import {
  scoreJobId,
  type TScoreSetJob,
  type TVerifySetJob,
  verifyJobId,
  ZScoreSetJob,
  ZVerifySetJob,
} from './score.ts';

/**
 * Typed producers: validate the payload (the same schema the worker parses) and enqueue with the
 * deterministic job id. The API, seeds and workers (ingest → score) all enqueue through this.
 */
export interface Producer {
  enqueueIngest(job: TIngestJob): Promise<string>;
  /** Many at once (one Redis round trip): an upload request's files. */
  enqueueIngestMany(jobs: TIngestJob[]): Promise<string[]>;
  /** `delayMs` lets a burst of uploads settle before the set is scored. */
  enqueueScore(job: TScoreSetJob, options?: { delayMs?: number }): Promise<string>;
  enqueueVerify(job: TVerifySetJob): Promise<string>;
  close(): Promise<void>;
}

export function createProducer(redisUrl: string, options: { prefix?: string } = {}): Producer {
  const connection = new Redis(redisUrl, REDIS_CONNECTION_OPTIONS);
  const prefix = options.prefix ? { prefix: options.prefix } : {};
  const queue = (name: string) =>
    new Queue(name, { connection, ...prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const ingest = queue(QUEUES.ingest);
  const score = queue(QUEUES.score);
  const verify = queue(QUEUES.verify);
  return {
    async enqueueIngest(job) {
      const data = ZIngestJob.parse(job);
      const jobId = ingestJobId(data);
      await ingest.add(data.kind, data, { jobId });
      return jobId;
    },
    async enqueueIngestMany(jobs) {
      const data = jobs.map((job) => ZIngestJob.parse(job));
      if (data.length === 0) return [];
      await ingest.addBulk(
        data.map((d) => ({ name: d.kind, data: d, opts: { jobId: ingestJobId(d) } })),
      );
      return data.map(ingestJobId);
    },
    async enqueueScore(job, options = {}) {
      const data = ZScoreSetJob.parse(job);
      const jobId = scoreJobId(data);
      await score.add('set', data, {
        jobId,
        ...(options.delayMs ? { delay: options.delayMs } : {}),
      });
      return jobId;
    },
    async enqueueVerify(job) {
      const data = ZVerifySetJob.parse(job);
      const jobId = verifyJobId(data);
      await verify.add('set', data, { jobId });
      return jobId;
    },
    async close() {
      await ingest.close();
      await score.close();
      await verify.close();
      connection.disconnect();
    },
  };
}

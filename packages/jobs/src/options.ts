import type { JobsOptions } from 'bullmq';

/**
 * Defaults for every job: retries with exponential backoff (a crashed worker or a database
 * hiccup heals itself), bounded history so Redis does not grow without end.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** bullmq's blocking connections need this; ioredis' default (20) makes workers throw. */
export const REDIS_CONNECTION_OPTIONS = { maxRetriesPerRequest: null } as const;

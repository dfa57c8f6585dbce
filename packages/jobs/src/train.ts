import { type JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { REDIS_CONNECTION_OPTIONS } from './options.ts';
import { QUEUES } from './queues.ts';

/**
 * `train` queue. Two job names:
 * - `run`: one retraining run; the TrainingRun row holds its params, progress and outcome.
 * - `schedule`: fired by an organization's job scheduler; starts a run when enough new confirmed
 *   labels arrived since the last one.
 */
export const ZTrainJob = z.object({
  trainingRunId: z.uuid(),
  /** null: a platform-wide run. */
  orgId: z.uuid().nullable(),
});

export const ZTrainScheduleJob = z.object({ orgId: z.uuid() });

export type TTrainJob = z.infer<typeof ZTrainJob>;
export type TTrainScheduleJob = z.infer<typeof ZTrainScheduleJob>;

export interface TTrainResult {
  trainingRunId: string;
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  modelVersionId: string | null;
  promoted: boolean;
}

export const TRAIN_JOB_NAMES = { run: 'run', schedule: 'schedule' } as const;

export const trainJobId = (job: TTrainJob): string => `train-${job.trainingRunId}`;
export const trainSchedulerId = (orgId: string): string => `train-schedule-${orgId}`;

/**
 * What an ADMIN may choose for a run, within bounds a 2-core CPU machine and a GPU machine can
 * both take. Unset values come from the preset (TRAIN_PRESET). Stored on TrainingRun.params.
 */
export const ZTrainingParams = z
  .object({
    /** parallel: BCE + λ·Barlow Twins at once (default); consecutive: Barlow Twins, then the head. */
    mode: z.enum(['parallel', 'consecutive']).default('parallel'),
    /**
     * active: fine-tune the weights of the model in use (the default; from scratch when none is
     * active); scratch: train from random weights.
     */
    start: z.enum(['active', 'scratch']).default('active'),
    epochs: z.number().int().min(1).max(200).optional(),
    /** Head-only epochs after the encoder (consecutive mode). */
    headEpochs: z.number().int().min(1).max(50).optional(),
    batchSize: z.number().int().min(8).max(256).optional(),
    learningRate: z.number().min(1e-5).max(1e-2).optional(),
    /** Weight of confirmed DIFFERENT pairs the current model scored above its threshold. */
    hardNegativeWeight: z.number().min(1).max(10).default(3),
    /** Weight of the confirmed-labels BCE term relative to the self-supervised loss. */
    labelledPairsWeight: z.number().min(0).max(10).optional(),
    /** Stop cleanly after this many minutes and evaluate what was learned. */
    maxMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .strict();

export type TTrainingParams = z.infer<typeof ZTrainingParams>;

/** train.py `--set` overrides for the params that were set. */
export function trainingOverrides(params: TTrainingParams): Record<string, string> {
  const map: [keyof TTrainingParams, string][] = [
    ['mode', 'train.mode'],
    ['epochs', 'train.epochs'],
    ['headEpochs', 'train.head_epochs'],
    ['batchSize', 'train.batch_size'],
    ['learningRate', 'train.lr_max'],
    ['hardNegativeWeight', 'train.hard_negative_weight'],
    ['labelledPairsWeight', 'train.labelled_pairs_weight'],
    ['maxMinutes', 'train.max_minutes'],
    ['seed', 'train.seed'],
  ];
  const out: Record<string, string> = {};
  for (const [key, name] of map) if (params[key] !== undefined) out[name] = String(params[key]);
  return out;
}

/** Producer side of the `train` queue: the API and the schedule check enqueue through this. */
export interface TrainProducer {
  queue: Queue;
  enqueueRun(job: TTrainJob): Promise<string>;
  /** Removes a run's job if it has not started (a started one is cancelled through its row). */
  removeRun(job: TTrainJob): Promise<void>;
  /** Creates or replaces an organization's schedule: every `everyMinutes`, or a cron pattern. */
  upsertSchedule(
    orgId: string,
    when: { everyMinutes?: number | null; cron?: string | null },
  ): Promise<void>;
  removeSchedule(orgId: string): Promise<void>;
  close(): Promise<void>;
}

const TRAIN_JOB_OPTIONS: JobsOptions = {
  // A worker shutting down mid-run hands the job back; the next attempt resumes the checkpoint.
  attempts: 3,
  backoff: { type: 'fixed', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export function createTrainProducer(
  redisUrl: string,
  options: { prefix?: string } = {},
): TrainProducer {
  const connection = new Redis(redisUrl, { ...REDIS_CONNECTION_OPTIONS, lazyConnect: true });
  const queue = new Queue(QUEUES.train, {
    connection,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    defaultJobOptions: TRAIN_JOB_OPTIONS,
  });
  return {
    queue,
    async enqueueRun(job) {
      const data = ZTrainJob.parse(job);
      const jobId = trainJobId(data);
      await queue.add(TRAIN_JOB_NAMES.run, data, { jobId });
      return jobId;
    },
    async removeRun(job) {
      await queue.remove(trainJobId(job));
    },
    async upsertSchedule(orgId, when) {
      const repeat = when.cron
        ? { pattern: when.cron }
        : { every: (when.everyMinutes ?? 60) * 60_000 };
      await queue.upsertJobScheduler(trainSchedulerId(orgId), repeat, {
        name: TRAIN_JOB_NAMES.schedule,
        data: ZTrainScheduleJob.parse({ orgId }),
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      });
    },
    async removeSchedule(orgId) {
      await queue.removeJobScheduler(trainSchedulerId(orgId));
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

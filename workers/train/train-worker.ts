import {
  QUEUES,
  REDIS_CONNECTION_OPTIONS,
  TRAIN_JOB_NAMES,
  type TrainProducer,
  type TTrainResult,
  ZTrainJob,
  ZTrainScheduleJob,
} from '@twinspect/jobs';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { checkTrainingSchedule, type ScheduleCheck } from './check-schedule.ts';
import { RunInterrupted, runTraining, type TrainDeps } from './run-training.ts';

export interface TrainWorkerOptions extends TrainDeps {
  producer: TrainProducer;
  redisUrl: string;
  prefix?: string;
}

export interface TrainWorker {
  worker: Worker;
  /** Stops a running training child (the job resumes elsewhere), then closes the worker. */
  close(): Promise<void>;
}

/**
 * The `train` queue's consumer. One job at a time per process: a training run takes the whole
 * machine (all cores, or the GPU). Run it on the API's machine for small deployments, or on a GPU
 * machine of its own (README "Training on its own machine").
 */
export function createTrainWorker(options: TrainWorkerOptions): TrainWorker {
  let requestShutdown: () => void = () => {};
  const shutdown = new Promise<void>((resolve) => {
    requestShutdown = resolve;
  });
  const connection = new Redis(options.redisUrl, REDIS_CONNECTION_OPTIONS);
  const worker = new Worker<unknown, TTrainResult | ScheduleCheck>(
    QUEUES.train,
    async (job: Job) => {
      if (job.name === TRAIN_JOB_NAMES.schedule) {
        const data = ZTrainScheduleJob.safeParse(job.data);
        if (!data.success) throw new UnrecoverableError(`bad schedule job: ${data.error.message}`);
        return checkTrainingSchedule(options.prisma, options.producer, data.data.orgId);
      }
      const data = ZTrainJob.safeParse(job.data);
      if (!data.success) throw new UnrecoverableError(`bad train job: ${data.error.message}`);
      try {
        return await runTraining(options, data.data, { shutdown });
      } catch (error) {
        if (error instanceof RunInterrupted) throw error;
        throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      }
    },
    {
      connection,
      concurrency: 1,
      ...(options.prefix ? { prefix: options.prefix } : {}),
    },
  );
  return {
    worker,
    async close() {
      requestShutdown();
      await worker.close();
      connection.disconnect();
    },
  };
}

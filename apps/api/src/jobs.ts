import type { Config } from '@twinspect/config';
import {
  createProducer,
  createTrainProducer,
  type Producer,
  type TrainProducer,
} from '@twinspect/jobs';

/** The queues the API produces to: `train` (retraining) and the scoring pipeline (rescoring). */
export interface ApiJobs {
  train: TrainProducer;
  pipeline: Producer;
  close(): Promise<void>;
}

export function createApiJobs(config: Config, options: { prefix?: string } = {}): ApiJobs {
  const train = createTrainProducer(config.REDIS_URL, options);
  const pipeline = createProducer(config.REDIS_URL, options);
  return {
    train,
    pipeline,
    close: async () => {
      await Promise.all([train.close(), pipeline.close()]);
    },
  };
}

import { z } from 'zod';

/** `train` jobs: one retraining run (the run row holds params and progress). */
export const ZTrainJob = z.object({
  trainingRunId: z.uuid(),
  orgId: z.uuid().nullable(),
});

export type TTrainJob = z.infer<typeof ZTrainJob>;

export const trainJobId = (job: TTrainJob): string => `train-${job.trainingRunId}`;

// The `train` queue's consumer: confirmed labels → training run → evaluation gate → registry.
export { buildTrainingDataset, type TDatasetSnapshot } from './build-dataset.ts';
export { checkTrainingSchedule } from './check-schedule.ts';
export { decidePromotion, type TGateDecision } from './decide-promotion.ts';
export { isHeldOut } from './holdout.ts';
export { MIN_TRAINING_IMAGES, runTraining, type TrainDeps } from './run-training.ts';
export { sampleImageFiles, seedTrainingData } from './seed-training-data.ts';
export { createTrainWorker, type TrainWorker, type TrainWorkerOptions } from './train-worker.ts';
export type { TEpochPoint, TTrainingProgress } from './training-progress.ts';

export { createIngestWorker } from './ingest/worker.ts';
export { registerModelVersion } from './score/register-model-version.ts';
export { createScoreWorkers } from './score/worker.ts';
export { DEFAULT_SETTINGS, type WorkerDeps, type WorkerSettings } from './shared/deps.ts';
export { scoreWhenIngested } from './shared/set-progress.ts';
export {
  type RunningWorkers,
  repoRoot,
  type StartWorkersOptions,
  settingsFromConfig,
  startWorkers,
} from './start-workers.ts';
export {
  createTrainWorker,
  sampleImageFiles,
  seedTrainingData,
  type TrainWorker,
} from './train/index.ts';

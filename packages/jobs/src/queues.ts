/**
 * Queue names. One queue per arrow of the pipeline: upload → ingest → score → verify; retraining
 * has its own.
 * Producers (the API, seeds) and consumers (workers/) import these, never string literals.
 */
export const QUEUES = {
  ingest: 'ingest',
  score: 'score',
  verify: 'verify',
  train: 'train',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

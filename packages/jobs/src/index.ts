export * from './ingest.ts';
export * from './options.ts';
export * from './producer.ts';
export * from './queues.ts';
export * from './score.ts';
export * from './train.ts';

// A score worker in its own process, for the crash-and-restart test:
//   node --import tsx workers/test/score-worker-process.ts
// Reads TEST_DATABASE_URL, TEST_PREFIX, TEST_STORAGE_ROOT and TEST_SETTINGS (JSON) from the
// environment, prints "ready" once it takes jobs. Short locks, so a killed worker's job is
// recovered within seconds rather than a minute.
import { parseConfig } from '@twinspect/config';
import pino from 'pino';
import { startWorkers } from '../start-workers.ts';

const env = process.env;
const config = parseConfig({
  DATABASE_URL: env.TEST_DATABASE_URL,
  REDIS_URL: 'redis://127.0.0.1:6379',
  STORAGE_ROOT: env.TEST_STORAGE_ROOT,
  MODELS_DIR: `${env.TEST_STORAGE_ROOT}/no-models`,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
});
await startWorkers({
  config,
  logger: pino({ level: 'warn' }),
  queues: ['score'],
  prefix: env.TEST_PREFIX,
  settings: JSON.parse(env.TEST_SETTINGS ?? '{}'),
  workerOptions: { lockDuration: 1_500, stalledInterval: 500, maxStalledCount: 10 },
});
process.stdout.write('ready\n');

// Ingest and score workers in a process of their own, so that a crash (a native fault in a
// decoder, an out-of-memory kill) shows as a dead child instead of taking the test down:
//   node --import tsx apps/api/test/support/worker-process.ts
// Reads TEST_DATABASE_URL, TEST_PREFIX, TEST_STORAGE_ROOT, TEST_MODELS_DIR and TEST_REDIS_URL;
// prints "ready" once it takes jobs. SIGTERM finishes the jobs in hand, then exits.
import { parseConfig } from '@twinspect/config';
import { startWorkers } from '@twinspect/workers';
import pino from 'pino';

const env = process.env;
const config = parseConfig({
  DATABASE_URL: env.TEST_DATABASE_URL,
  REDIS_URL: env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  STORAGE_ROOT: env.TEST_STORAGE_ROOT,
  MODELS_DIR: env.TEST_MODELS_DIR,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
});
const running = await startWorkers({
  config,
  logger: pino({ level: 'warn' }),
  queues: ['ingest', 'score'],
  ...(env.TEST_PREFIX ? { prefix: env.TEST_PREFIX } : {}),
  ...(env.TEST_WORKER_OPTIONS ? { workerOptions: JSON.parse(env.TEST_WORKER_OPTIONS) } : {}),
});
process.on('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
process.stdout.write('ready\n');

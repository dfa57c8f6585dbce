// Worker process: `npm start -w @twinspect/workers` (or `tsx workers/main.ts`). Runs the ingest
// and score queues against REDIS_URL / DATABASE_URL / storage from the environment. Start as many
// of these as you like, on as many machines: jobs are shared through Redis. The flags
// --score-only or --ingest-only runs one queue, e.g. score-only processes on GPU machines;
// --train-only runs the `train` queue (a training machine of its own), --no-train leaves it out.
import { loadConfig } from '@twinspect/config';
import { startWorkers } from './start-workers.ts';

const config = loadConfig();
const queues = (
  process.argv.includes('--score-only')
    ? ['score']
    : process.argv.includes('--ingest-only')
      ? ['ingest']
      : process.argv.includes('--train-only')
        ? ['train']
        : process.argv.includes('--no-train')
          ? ['ingest', 'score']
          : ['ingest', 'score', 'train']
) as ('ingest' | 'score' | 'train')[];
const running = await startWorkers({ config, queues });

// SIGTERM (docker stop, a deploy): stop taking jobs, finish the ones in hand, exit. A second
// signal exits at once; the unfinished job is picked up again by another worker (it is
// idempotent).
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    running.deps.logger.info({ signal }, 'finishing current jobs, then exiting');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.deps.logger.error({ error: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

import type { ChildProcess } from 'node:child_process';
import { createApiJobs } from '../../src/jobs.ts';
import { startApi, type TestApi } from '../helpers.ts';
import { startWorkerChild, type WorkerChildOptions } from './worker-child.ts';

/**
 * The real upload path end to end: the API over HTTP (its queues under `prefix` on `redisUrl`)
 * and ingest + score workers in a child process on the same database, storage and queues.
 */
export async function startPipeline(
  options: Omit<WorkerChildOptions, 'databaseUrl'> & { redisUrl?: string },
): Promise<{ api: TestApi; worker: { child: ChildProcess; stderr: string[] } }> {
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const jobsConfig = { REDIS_URL: redisUrl } as Parameters<typeof createApiJobs>[0];
  const api = await startApi(
    { STORAGE_ROOT: options.storageRoot },
    { jobs: createApiJobs(jobsConfig, { prefix: options.prefix }) },
  );
  const worker = await startWorkerChild({
    ...options,
    databaseUrl: api.config.DATABASE_URL,
    redisUrl,
  });
  return { api, worker };
}

/** POSTs files to the upload route as a signed-in browser would (cookie + CSRF header). */
export function uploadFiles(
  api: TestApi,
  setId: string,
  cookie: string | null,
  files: { name: string; bytes: Buffer }[],
) {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${api.url}/api/image-sets/${setId}/uploads`, {
    method: 'POST',
    headers: { cookie: cookie ?? '', 'x-twinspect-csrf': '1' },
    body: form,
  });
}

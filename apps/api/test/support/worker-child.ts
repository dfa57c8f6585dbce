import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { findDefaultModelDir } from '@twinspect/inference';
import { repoRoot } from '@twinspect/workers';

/** The model the tests score with: the single folder in models/ (TWINSPECT_TEST_MODEL_DIR overrides it). */
export function testModelDir(): string {
  return process.env.TWINSPECT_TEST_MODEL_DIR ?? findDefaultModelDir(path.join(repoRoot, 'models'));
}

export interface WorkerChildOptions {
  databaseUrl: string;
  storageRoot: string;
  prefix: string;
  redisUrl?: string;
  /** The worker's TMPDIR: tests check that nothing is left in it. */
  tmpDir?: string;
  workerOptions?: Record<string, unknown>;
}

/**
 * Starts ingest + score workers in a child process (support/worker-process.ts) and resolves once
 * it takes jobs. Its stderr is kept, so a test can say why it died.
 */
export function startWorkerChild(
  options: WorkerChildOptions,
): Promise<{ child: ChildProcess; stderr: string[] }> {
  const stderr: string[] = [];
  const child = spawn(
    process.execPath,
    [
      ...(process.env.TEST_INSTRUMENT ? ['--import', process.env.TEST_INSTRUMENT] : []),
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'worker-process.ts'),
    ],
    {
      env: {
        ...process.env,
        TEST_DATABASE_URL: options.databaseUrl,
        TEST_PREFIX: options.prefix,
        TEST_STORAGE_ROOT: options.storageRoot,
        TEST_MODELS_DIR: path.dirname(testModelDir()),
        ...(options.redisUrl ? { TEST_REDIS_URL: options.redisUrl } : {}),
        ...(options.tmpDir ? { TMPDIR: options.tmpDir } : {}),
        ...(options.workerOptions
          ? { TEST_WORKER_OPTIONS: JSON.stringify(options.workerOptions) }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve({ child, stderr });
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`worker exited early (${code ?? signal}): ${stderr.join('')}`)),
    );
  });
}

/** Stops a child: SIGTERM (finish the jobs in hand), SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '@twinspect/config';

/** The training package (training/twinspect_training); it runs with PYTHONPATH set to it. */
export const TRAINING_DIR = path.join(repoRoot, 'training');

export interface PythonExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines of stderr: the readable part of a traceback. */
  stderrTail: string;
}

/** Runs one Python module of the training package as a step of a run (see run-training.ts). */
export type PythonStep = (
  module: string,
  args: string[],
  onEvent: (event: Record<string, unknown>) => void,
) => Promise<PythonExit>;

export interface PythonProcess {
  pid: number | undefined;
  /** Resolves when the process has exited and its stdout is fully read. */
  exited: Promise<PythonExit>;
  /** SIGTERM, then SIGKILL if it is still alive after `graceMs`. */
  stop(graceMs?: number): void;
}

/**
 * Runs `python -m <module> ...args` from the training package. Every stdout line that parses as a
 * JSON object goes to `onEvent` (train.py and export.py speak JSON lines); stderr is kept as a tail.
 */
export function runPythonModule(
  python: string,
  module: string,
  args: string[],
  onEvent: (event: Record<string, unknown>) => void = () => {},
): PythonProcess {
  const child: ChildProcess = spawn(python, ['-u', '-m', module, ...args], {
    cwd: TRAINING_DIR,
    env: { ...process.env, PYTHONPATH: TRAINING_DIR, PYTHONUNBUFFERED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(...chunk.split('\n').filter(Boolean));
    if (stderr.length > 40) stderr.splice(0, stderr.length - 40);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    try {
      const event = JSON.parse(line) as unknown;
      if (event && typeof event === 'object') onEvent(event as Record<string, unknown>);
    } catch {
      // Not a JSON event (a library printing to stdout): ignore it.
    }
  });
  const stdoutClosed = new Promise<void>((resolve) => lines.once('close', resolve));
  const exited = new Promise<PythonExit>((resolve) => {
    child.once('error', (error) =>
      resolve({ code: null, signal: null, stderrTail: `cannot start ${python}: ${error.message}` }),
    );
    child.once('close', (code, signal) => {
      void stdoutClosed.then(() =>
        resolve({ code, signal, stderrTail: stderr.slice(-12).join('\n') }),
      );
    });
  });
  let killTimer: NodeJS.Timeout | undefined;
  void exited.then(() => clearTimeout(killTimer));
  return {
    pid: child.pid,
    exited,
    stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      killTimer.unref();
    },
  };
}

/** A readable reason for a failed Python step. */
export function describeExit(step: string, exit: PythonExit): string {
  const how = exit.signal
    ? `was killed (${exit.signal})`
    : exit.code === null
      ? 'could not start'
      : `exited with code ${exit.code}`;
  const tail = exit.stderrTail.split('\n').filter(Boolean).slice(-3).join(' | ');
  return `${step} ${how}${tail ? `: ${tail}` : ''}`;
}

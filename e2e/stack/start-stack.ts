import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputDir, repoRoot } from './settings.ts';

export interface StartedProcess {
  name: string;
  child: ChildProcess;
}

/**
 * Starts one process of the stack in its own process group (so teardown can stop it and all it
 * spawned), its output going to e2e/output/logs/<name>.log.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = repoRoot,
): StartedProcess {
  const logs = path.join(outputDir, 'logs');
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(path.join(logs, `${name}.log`), { flags: 'w' });
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { name, child };
}

/** Runs a command to completion (e.g. next build); throws with its output if it fails. */
export function runToCompletion(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = repoRoot,
) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Its output is a log of the run too: the leak scan reads it with the servers' logs.
  const logs = path.join(outputDir, 'logs');
  mkdirSync(logs, { recursive: true });
  writeFileSync(
    path.join(logs, `${label.replace(/\W+/g, '-')}.log`),
    `${result.stdout ?? ''}${result.stderr ?? ''}`,
  );
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export async function waitForUrl(
  url: string,
  seconds: number,
  processes: StartedProcess[],
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead)
      throw new Error(
        `${dead.name} exited (code ${dead.child.exitCode}); see e2e/output/logs/${dead.name}.log`,
      );
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** SIGTERM to each process group, SIGKILL to what is left after a grace period. */
export async function stopProcessGroups(pids: number[], graceMs = 8000): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone in between
    }
  }
}

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { collectSecrets, scanLogs } from './scan-logs.ts';
import { outputDir, type StackState, stackStateFile } from './settings.ts';
import { stopProcessGroups } from './start-stack.ts';

/** Stops the stack, scans its logs for the run's secrets, drops its database and storage folder. */
export default async function globalTeardown() {
  let state: StackState;
  try {
    state = JSON.parse(readFileSync(stackStateFile, 'utf8')) as StackState;
  } catch {
    return; // setup never got far enough to start anything
  }
  await stopProcessGroups(state.pids);
  let leaked: Error | null = null;
  try {
    // After the processes stopped: their logs are complete.
    const result = scanLogs(await collectSecrets(state));
    writeFileSync(path.join(outputDir, 'leak-scan.json'), JSON.stringify(result, null, 2));
    const kinds = Object.entries(result.kinds)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    console.log(
      `\n[LEAKS] scanned ${result.lines} log lines in ${result.files.length} files (${result.files.join(', ')}) for ${result.secrets} secrets the run used (${kinds}) and token/argon2 patterns: ${result.leaks.length} found\n`,
    );
    if (result.leaks.length > 0) {
      leaked = new Error(`secrets in the logs:\n${result.leaks.slice(0, 50).join('\n')}`);
    }
  } catch (error) {
    leaked = error as Error;
  }
  await dropStack(state);
  if (leaked) throw leaked;
}

async function dropStack(state: StackState) {
  if (process.env.E2E_KEEP_DATABASE !== '1') {
    const admin = new URL(state.databaseUrl);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${state.databaseName}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  rmSync(state.storageRoot, { recursive: true, force: true });
}

import { readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { type StackState, stackStateFile } from './settings.ts';
import { stopProcessGroups } from './start-stack.ts';

/** Stops the stack's processes and drops its database and storage folder. */
export default async function globalTeardown() {
  let state: StackState;
  try {
    state = JSON.parse(readFileSync(stackStateFile, 'utf8')) as StackState;
  } catch {
    return; // setup never got far enough to start anything
  }
  await stopProcessGroups(state.pids);
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

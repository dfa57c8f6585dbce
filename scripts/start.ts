// npm run start (after `npm ci`; `npm run demo` does both) — the one start command:
//   1. writes .env from .env.example if there is none, and validates the configuration;
//   2. migrates the database (creating it if needed) and seeds the demo organizations;
//   3. builds what needs building (a workspace's `build` script) and starts every process that
//      exists in this checkout: api, web, workers (their `start` script; `dev` with --dev);
//   4. runs any `demo:seed` script once the API answers (e.g. the scored demo image set);
//   5. prints the URL and the demo logins. Ctrl-C stops everything.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@twinspect/config';
import { createPrismaClient, migrate } from '@twinspect/prisma';
import { describeDemoLogins, seedDemo } from '@twinspect/prisma/seed';
import { listWorkspaces, root, type Workspace } from './workspaces.ts';

const dev = process.argv.includes('--dev');
const PROCESSES = ['@twinspect/api', '@twinspect/workers', '@twinspect/web'];

function say(line: string) {
  console.log(`\x1b[1m[start]\x1b[0m ${line}`);
}

function runOnce(label: string, args: string[]): Promise<void> {
  say(`${label}: npm ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code})`)),
    );
  });
}

const children: ChildProcess[] = [];
let stopping = false;

function startProcess(ws: Workspace, script: string) {
  const label = ws.name.replace('@twinspect/', '');
  const child = spawn('npm', ['run', script, '-w', ws.name], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `\x1b[36m[${label}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code) => {
    if (!stopping) {
      say(`${label} exited (code ${code}); stopping everything.`);
      void stopAll(1);
    }
  });
  children.push(child);
}

async function stopAll(exitCode: number) {
  stopping = true;
  const running = children.filter((child) => child.pid && child.exitCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  // Each child leads its own process group: signal npm and everything it started.
  const signal = (name: NodeJS.Signals) => {
    for (const child of running) {
      try {
        process.kill(-(child.pid as number), name);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'));
  if ((await Promise.race([Promise.all(exited), timeout])) === 'timeout') signal('SIGKILL');
  process.exit(exitCode);
}

async function waitFor(url: string, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

if (!existsSync(path.join(root, '.env'))) {
  copyFileSync(path.join(root, '.env.example'), path.join(root, '.env'));
  say('wrote .env from .env.example');
}
const config = loadConfig();

say('migrating the database');
const migrated = await migrate({ databaseUrl: config.DATABASE_URL, log: (line) => say(line) });
say(`database ready (${migrated.applied.length} migration(s) applied now)`);
const prisma = createPrismaClient(config.DATABASE_URL, { poolSize: 2 });
await seedDemo(prisma, { password: config.DEMO_PASSWORD });
await prisma.$disconnect();
say('demo organizations seeded');

const workspaces = listWorkspaces();
const toStart = PROCESSES.map((name) => workspaces.find((ws) => ws.name === name)).filter(
  (ws): ws is Workspace =>
    ws !== undefined && Boolean(ws.scripts[dev ? 'dev' : 'start'] ?? ws.scripts.start),
);
if (!dev) {
  for (const ws of toStart.filter((w) => w.scripts.build))
    await runOnce(`build ${ws.name}`, ['run', 'build', '-w', ws.name]);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
for (const ws of toStart) startProcess(ws, dev && ws.scripts.dev ? 'dev' : 'start');

const apiUrl = `http://127.0.0.1:${config.API_PORT}`;
if (!(await waitFor(`${apiUrl}/healthz`, 120))) {
  say('the API did not become healthy within 120 s');
  await stopAll(1);
}
for (const ws of workspaces.filter((w) => w.scripts['demo:seed'])) {
  await runOnce(`demo data from ${ws.name}`, ['run', 'demo:seed', '-w', ws.name]).catch(
    (error: Error) => say(error.message),
  );
}
const hasWeb = toStart.some((ws) => ws.name === '@twinspect/web');
if (hasWeb) await waitFor(config.WEB_ORIGIN, 180);

console.log(`
┌──────────────────────────────────────────────────────────────────
│ Twinspect is running: ${toStart.map((ws) => ws.name.replace('@twinspect/', '')).join(', ')}
│   Open:    ${hasWeb ? config.WEB_ORIGIN : `${config.API_URL}/graphql`}
│   GraphQL: ${config.API_URL}/graphql
│ ${describeDemoLogins(config.DEMO_PASSWORD).replaceAll('\n', '\n│ ')}
│ Ctrl-C stops everything.
└──────────────────────────────────────────────────────────────────`);

// npm run build|start|dev -w @twinspect/web — runs Next with the project's configuration:
// the port comes from WEB_PORT and the API's address from API_URL (both validated by
// @twinspect/config, .env included), and telemetry is off (no internet here, and no reason to
// phone home). `build` needs no configuration at all.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@twinspect/config';

const command = process.argv[2];
if (command !== 'build' && command !== 'start' && command !== 'dev') {
  console.error('usage: tsx scripts/next.ts build|start|dev');
  process.exit(2);
}
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const args = [nextBin, command];
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (command !== 'build') {
  // Validated here, with the project's NODE_ENV and .env; the server then reads only API_URL.
  const config = loadConfig();
  args.push('--port', String(config.WEB_PORT), '--hostname', '0.0.0.0');
  env.API_URL = config.API_URL;
}

const child = spawn(process.execPath, args, { cwd: appDir, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

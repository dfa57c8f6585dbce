// Generates the Prisma client into src/generated/client (git-ignored; run by the root postinstall).
// `prisma generate` runs offline, but Prisma's CLI insists that a schema-engine binary exists
// before it starts; generate never runs it, so any existing file satisfies the check.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
execFileSync('npx', ['prisma', 'generate'], { cwd: prismaDir, env, stdio: 'inherit' });

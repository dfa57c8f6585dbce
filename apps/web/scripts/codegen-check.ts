// npm run codegen:check -w @twinspect/web — regenerates the client types into a temporary folder
// and fails when they differ from the committed ones (someone changed a query or the API schema
// without running `npm run codegen`).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.ts';

const committedDir = 'modules/graphql/generated/';
const [target] = Object.entries(config.generates);
if (!target) throw new Error('codegen.ts generates nothing');
const tempDir = `${mkdtempSync(path.join(tmpdir(), 'twinspect-web-codegen-'))}/`;
try {
  await generate({ ...config, silent: true, generates: { [tempDir]: target[1] } }, true);
  const stale = readdirSync(tempDir).filter((file) => {
    const fresh = readFileSync(path.join(tempDir, file), 'utf8');
    let committed = '';
    try {
      committed = readFileSync(path.join(committedDir, file), 'utf8');
    } catch {}
    return fresh !== committed;
  });
  if (stale.length > 0) {
    console.error(
      `Stale generated GraphQL client types: ${stale.join(', ')}. Run: npm run codegen -w @twinspect/web`,
    );
    process.exit(1);
  }
  console.log('Web GraphQL client types are up to date.');
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}

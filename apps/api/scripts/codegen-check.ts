// npm run codegen:check -w @twinspect/api — fails when the committed generated files differ from
// what `npm run codegen` would write now (someone changed the SDL and forgot to regenerate).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from '../codegen.ts';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(apiDir);
const outputs = (await generate({ ...codegenConfig, silent: true }, false)) as {
  filename: string;
  content: string;
}[];
const stale = outputs.filter((output) => {
  try {
    return readFileSync(path.resolve(apiDir, output.filename), 'utf8') !== output.content;
  } catch {
    return true;
  }
});
if (stale.length > 0) {
  console.error(
    `Generated GraphQL files are stale: ${stale.map((o) => o.filename).join(', ')}. Run: npm run codegen`,
  );
  process.exit(1);
}
console.log('GraphQL codegen output is up to date.');

// npm test — the whole suite, as CI runs it:
//   1. lint and format check (Biome), 2. typecheck of every workspace, 3. generated code is fresh
//   (codegen:check), 4. every workspace's `test` script (vitest, and pytest for training/).
// A workspace joins by having these scripts; nothing here needs editing. Every step runs even if
// an earlier one failed, and a summary lists what failed. `npm test -- <workspace-name>...` runs
// only those workspaces' tests (after lint and typecheck).
import { spawn } from 'node:child_process';
import { listWorkspaces, root } from './workspaces.ts';

interface Step {
  label: string;
  command: string;
  args: string[];
}

const only = process.argv.slice(2);
const workspaces = listWorkspaces();

function run(step: Step): Promise<{ ok: boolean; seconds: number }> {
  const started = Date.now();
  console.log(`\n━━ ${step.label}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => resolve({ ok: code === 0, seconds: (Date.now() - started) / 1000 }));
  });
}

const script = (scriptName: string) =>
  workspaces
    .filter(
      (ws) =>
        ws.scripts[scriptName] &&
        (only.length === 0 || scriptName !== 'test' || only.includes(ws.name)),
    )
    .map((ws) => ({
      label: `${scriptName}: ${ws.name}`,
      command: 'npm',
      args: ['run', scriptName, '-w', ws.name],
    }));

const steps: Step[] = [
  { label: 'lint: biome check', command: 'npx', args: ['biome', 'check', '.'] },
  { label: 'typecheck: scripts', command: 'npx', args: ['tsc', '--noEmit', '-p', 'scripts'] },
  ...script('typecheck'),
  ...script('codegen:check'),
  ...script('test'),
];

const results: { label: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  results.push({ label: step.label, ...(await run(step)) });
}

console.log('\n━━ Summary');
for (const result of results) {
  console.log(
    `${result.ok ? 'ok  ' : 'FAIL'}  ${result.seconds.toFixed(1).padStart(6)} s  ${result.label}`,
  );
}
const failed = results.filter((result) => !result.ok);
console.log(failed.length === 0 ? '\nAll passed.' : `\n${failed.length} step(s) failed.`);
process.exit(failed.length === 0 ? 0 : 1);

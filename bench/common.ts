import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findDefaultModelDir, listImages } from '@twinspect/inference';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bioDev = path.resolve(repoRoot, '../shared/datasets/bio-dev/images');

/** The benchmarks' shared flags: --model DIR (default: the folder in models/), --threads N. */
export function benchArgs(
  extra: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }> = {},
) {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      threads: { type: 'string', default: '2' },
      python: { type: 'string', default: '/usr/bin/python3' },
      ...extra,
    },
  });
  const all = values as Record<string, string | boolean | undefined>;
  const modelDir = all.model
    ? path.resolve(String(all.model))
    : findDefaultModelDir(path.join(repoRoot, 'models'));
  return {
    modelDir,
    threads: Number(all.threads),
    python: String(all.python),
    /** A flag's value as a string ('' when absent). */
    opt: (name: string) => (all[name] === undefined ? '' : String(all[name])),
  };
}

/** bio-dev images the product may ship or benchmark freely: CC0 (dsb2018) and BSD (CellProfiler). */
export function benchImages(count: number): string[] {
  const all = [
    ...listImages(path.join(bioDev, 'dsb2018')),
    ...listImages(path.join(bioDev, 'cellprofiler')),
  ];
  return all.slice(0, count);
}

/** Runs a Python benchmark helper with the training package importable; returns its JSON line. */
export function runPython<T>(python: string, script: string, args: string[]): T {
  const out = execFileSync(python, [path.join(repoRoot, 'bench', script), ...args], {
    env: { ...process.env, PYTHONPATH: path.join(repoRoot, 'training') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as T;
}

export function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function verdict(ok: boolean): string {
  return ok ? 'REACHED' : 'MISSED';
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { InferenceError } from './errors.ts';

/**
 * The model folders under `modelsDir` (those with a manifest.json), sorted by name. The
 * repository ships exactly one; tests and the CLI find it this way so it can be swapped.
 */
export function listModelDirs(modelsDir: string): string[] {
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(modelsDir, d.name, 'manifest.json')))
    .map((d) => path.join(modelsDir, d.name))
    .sort();
}

/** The single model folder under `modelsDir`; an error that says what to do otherwise. */
export function findDefaultModelDir(modelsDir: string): string {
  const dirs = listModelDirs(modelsDir);
  if (dirs.length === 1) return dirs[0] as string;
  if (dirs.length === 0) {
    throw new InferenceError(
      'INVALID_MODEL',
      `no model folder (with manifest.json) under ${modelsDir}; pass --model <dir>`,
    );
  }
  throw new InferenceError(
    'INVALID_MODEL',
    `${dirs.length} model folders under ${modelsDir} (${dirs.map((d) => path.basename(d)).join(', ')}); pass --model <dir>`,
  );
}

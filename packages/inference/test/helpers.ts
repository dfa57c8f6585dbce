import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDefaultModelDir } from '../src/index.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const bioDev = path.resolve(repoRoot, '../shared/datasets/bio-dev/images');
export const python = process.env.PYTHON_BIN ?? '/usr/bin/python3';

/**
 * The model the tests run against: the single folder in models/ (so swapping the shipped model
 * needs no test change). TWINSPECT_TEST_MODEL_DIR overrides it, for working before one is shipped.
 */
export function testModelDir(): string {
  return process.env.TWINSPECT_TEST_MODEL_DIR ?? findDefaultModelDir(path.join(repoRoot, 'models'));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `twinspect-${prefix}-`));
}

export interface PythonReference {
  rgb: Uint8Array;
  width: number;
  height: number;
  x: Float32Array;
}

/** Runs the training code's load_rgb + to_model_input on each file. */
export function pythonReference(files: string[], size: number): PythonReference[] {
  const out = tempDir('pyref');
  execFileSync(
    python,
    [
      path.join(repoRoot, 'packages/inference/test/python-reference.py'),
      String(size),
      out,
      ...files,
    ],
    { env: { ...process.env, PYTHONPATH: path.join(repoRoot, 'training') }, stdio: 'pipe' },
  );
  return files.map((_, i) => {
    const [height, width] = readFileSync(path.join(out, `${i}.shape`), 'utf8')
      .split(' ')
      .map(Number);
    const x = readFileSync(path.join(out, `${i}.x`));
    return {
      rgb: new Uint8Array(readFileSync(path.join(out, `${i}.rgb`))),
      width: width as number,
      height: height as number,
      x: new Float32Array(x.buffer, x.byteOffset, x.byteLength / 4),
    };
  });
}

/** Runs a Python snippet with the training package importable. */
export function runPython(code: string, args: string[] = []): string {
  return execFileSync(python, ['-c', code, ...args], {
    env: { ...process.env, PYTHONPATH: path.join(repoRoot, 'training') },
    encoding: 'utf8',
  });
}

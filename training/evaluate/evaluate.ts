/**
 * The product's evaluation: a deterministic altered pair set, scored through the production
 * inference path (sharp preprocessing + onnxruntime-node, exactly what the workers run), then
 * metrics, ROC curves and a Markdown report from the training module.
 *
 *   npm run evaluate -- --images <folder> --out <folder> [--protocol reference|editorial]
 *     [--negatives random|hard] [--pairs N] [--seed S] [--baselines] [--model <dir>]
 *     [--only-split train|val|test] [--baseline-checkpoint <ckpt.pt> ...]
 *
 * Every pair is also geometrically verified (AKAZE keypoints + RANSAC inliers, the workers' second
 * stage) with the model's verification settings, so the report can show `bta`, `verify` and the
 * product's combined score side by side (scores/bta.json, scores/geometry.json).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_VERIFICATION,
  type FilePair,
  findDefaultModelDir,
  loadModel,
  scoreAlignedPairs,
  verifyAlignedPairs,
} from '@twinspect/inference';
import { z } from 'zod';

const here = path.dirname(new URL(import.meta.url).pathname);
const trainingDir = path.resolve(here, '..');
const repoRoot = path.resolve(trainingDir, '..');

const ZArgs = z.object({
  images: z.string().min(1),
  out: z.string().min(1),
  protocol: z.enum(['reference', 'editorial']).default('editorial'),
  negatives: z.enum(['random', 'hard']).default('random'),
  pairs: z.coerce.number().int().positive().default(1000),
  seed: z.coerce.number().int().nonnegative().default(0),
  baselines: z.boolean().default(false),
  model: z.string().optional(),
  'only-split': z.enum(['train', 'val', 'test']).optional(),
  'baseline-checkpoint': z.array(z.string()).default([]),
});

function python(module: string, args: string[]): void {
  const bin = process.env.TWINSPECT_PYTHON ?? '/usr/bin/python3';
  const result = spawnSync(bin, ['-m', module, ...args], {
    cwd: trainingDir,
    stdio: 'inherit',
    env: { ...process.env, PYTHONPATH: trainingDir },
  });
  if (result.status !== 0) {
    throw new Error(`${module} failed with exit code ${result.status ?? result.signal}`);
  }
}

function timed<T>(method: string, pairs: number, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return run().then((result) => {
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ event: 'scored', method, pairs, seconds }));
    return result;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      images: { type: 'string' },
      out: { type: 'string' },
      protocol: { type: 'string' },
      negatives: { type: 'string' },
      pairs: { type: 'string' },
      seed: { type: 'string' },
      baselines: { type: 'boolean' },
      model: { type: 'string' },
      'only-split': { type: 'string' },
      'baseline-checkpoint': { type: 'string', multiple: true },
    },
  });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
    throw new Error(`bad arguments:\n  ${issues.join('\n  ')}`);
  }
  const args = parsed.data;
  // npm runs workspace scripts inside the workspace; paths are meant from where the user typed them.
  const from = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
  const out = from(args.out);
  const pairDir = path.join(out, 'pairs');
  const modelDir = args.model
    ? from(args.model)
    : findDefaultModelDir(path.join(repoRoot, 'models'));
  const manifestPath = path.join(modelDir, 'manifest.json');
  await mkdir(path.join(out, 'scores'), { recursive: true });

  const pairArgs = [
    '--images',
    from(args.images),
    '--out',
    pairDir,
    '--protocol',
    args.protocol,
    '--negatives',
    args.negatives,
    '--pairs',
    String(args.pairs),
    '--seed',
    String(args.seed),
  ];
  if (args['only-split'])
    pairArgs.push('--only-split', args['only-split'], '--manifest', manifestPath);
  python('twinspect_training.pairset', pairArgs);

  const pairs: FilePair[] = readFileSync(path.join(pairDir, 'pairs.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FilePair)
    .map((row) => ({ a: path.join(pairDir, row.a), b: path.join(pairDir, row.b) }));
  const model = await loadModel(modelDir);
  const scores = await timed('bta', pairs.length, () => scoreAlignedPairs(model, pairs));
  const scoresPath = path.join(out, 'scores', 'bta.json');
  writeFileSync(scoresPath, JSON.stringify(scores));
  const geometry = await timed('verify', pairs.length, () => verifyAlignedPairs(model, pairs));
  const geometryPath = path.join(out, 'scores', 'geometry.json');
  writeFileSync(geometryPath, JSON.stringify(geometry));
  writeFileSync(
    path.join(out, 'scores', 'verification.json'),
    JSON.stringify(model.manifest.verification ?? DEFAULT_VERIFICATION),
  );

  const reportArgs = [
    '--pairs',
    pairDir,
    '--scores',
    scoresPath,
    '--geometry',
    geometryPath,
    '--manifest',
    manifestPath,
    '--out',
    out,
    '--images',
    args.images,
    '--seed',
    String(args.seed),
  ];
  if (args.baselines) reportArgs.push('--baselines');
  for (const ckpt of args['baseline-checkpoint'])
    reportArgs.push('--baseline-checkpoint', from(ckpt));
  python('twinspect_training.report', reportArgs);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

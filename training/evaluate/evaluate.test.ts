import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const trainingDir = path.resolve(import.meta.dirname, '..');
const python = process.env.TWINSPECT_PYTHON ?? '/usr/bin/python3';
const bioDev = path.resolve(trainingDir, '../../shared/datasets/bio-dev/images');
const sample = path.resolve(trainingDir, '../packages/demo-data/images');

function run(cmd: string, args: string[], cwd = trainingDir) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: trainingDir },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A few real images in two source folders, a tiny model trained and exported on them. */
function fixture() {
  const root = mkdtempSync(path.join(tmpdir(), 'twinspect-eval-'));
  const images = path.join(root, 'images');
  const src = existsSync(bioDev) ? path.join(bioDev, 'dsb2018') : sample;
  const files = readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => /\.(png|tif|tiff|jpe?g)$/i.test(f))
    .sort()
    .slice(0, 16);
  files.forEach((f, i) => {
    const dir = path.join(images, i % 2 ? 'odd' : 'even');
    mkdirSync(dir, { recursive: true });
    symlinkSync(path.join(src, f), path.join(dir, path.basename(f)));
  });
  const run_ = path.join(root, 'run');
  run(python, [
    '-m',
    'twinspect_training.train',
    '--images',
    images,
    '--out',
    run_,
    '--preset',
    'tiny',
    '--set',
    'train.epochs=1',
  ]);
  const exported = run(python, [
    '-m',
    'twinspect_training.export',
    '--checkpoint',
    path.join(run_, 'checkpoint.pt'),
    '--images',
    images,
    '--models-dir',
    path.join(root, 'models'),
    '--name',
    'tiny',
    '--calibration-pairs',
    '16',
  ]);
  const modelDir = JSON.parse(exported.trim().split('\n').at(-1) as string).dir as string;
  return { root, images, modelDir };
}

describe('npm run evaluate', () => {
  let fx: ReturnType<typeof fixture>;
  beforeAll(() => {
    fx = fixture();
  }, 120_000);

  it('writes metrics.json, a report and ROC curves for bta and the baselines', () => {
    const out = path.join(fx.root, 'eval');
    run('npx', [
      'tsx',
      'evaluate/evaluate.ts',
      '--images',
      fx.images,
      '--out',
      out,
      '--model',
      fx.modelDir,
      '--pairs',
      '12',
      '--negatives',
      'hard',
      '--baselines',
    ]);
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(metrics.negatives).toBe('hard');
    expect(metrics.pairs).toBe(12);
    for (const name of ['bta', 'phash', 'sift_ransac']) {
      const m = metrics.methods[name];
      for (const key of ['accuracy', 'f1', 'precision', 'recall', 'auc']) {
        expect(typeof m[key]).toBe('number');
      }
      expect(m.accuracy).toBeGreaterThanOrEqual(0);
      expect(m.accuracy).toBeLessThanOrEqual(1);
    }
    const manifest = JSON.parse(readFileSync(path.join(fx.modelDir, 'manifest.json'), 'utf8'));
    expect(metrics.methods.bta.threshold).toBeCloseTo(manifest.threshold, 6);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| bta |');
    expect(readFileSync(path.join(out, 'roc.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 180_000);

  it('refuses bad arguments with a message naming them', () => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'evaluate/evaluate.ts',
        '--images',
        fx.images,
        '--out',
        fx.root,
        '--protocol',
        'sideways',
      ],
      { cwd: trainingDir, encoding: 'utf8' },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--protocol');
  });
});

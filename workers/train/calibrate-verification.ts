import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_VERIFICATION,
  type ExecutionProvider,
  loadModel,
  scoreAlignedPairs,
  verifyAlignedPairs,
} from '@twinspect/inference';
import { readPairSet } from './evaluate-model.ts';
import { describeExit, type PythonStep } from './python-process.ts';

/** The validation mix the shipped model was calibrated on: both protocols, both negatives. */
const SETS = [
  ['editorial', 'random'],
  ['editorial', 'hard'],
  ['reference', 'random'],
  ['reference', 'hard'],
] as const;

export type VerificationCalibration =
  | { calibrated: true; pairs: number }
  | { calibrated: false; reason: string };

/**
 * Calibrates a candidate's geometric verification as the shipped model's was calibrated: pair sets
 * on its validation images (pairset.py), scored and verified through the production path
 * (onnxruntime-node, opencv.js on worker threads), then calibrate.py re-fits the threshold and
 * fits the verified combination into the candidate's manifest. Without it a retrained version
 * could only flag by its model threshold. Too few validation images is not a failure: the
 * version keeps its model threshold and the reason is returned.
 */
export async function calibrateVerification(options: {
  candidateDir: string;
  imagesDir: string;
  workDir: string;
  pairsPerSet: number;
  python: PythonStep;
  ort: { executionProvider?: ExecutionProvider; threads?: number };
}): Promise<VerificationCalibration> {
  const manifestPath = path.join(options.candidateDir, 'manifest.json');
  const dirs: string[] = [];
  for (const [protocol, negatives] of SETS) {
    const dir = path.join(options.workDir, `${protocol}-${negatives}`);
    const exit = await options.python(
      'twinspect_training.pairset',
      [
        ...['--images', options.imagesDir, '--out', path.join(dir, 'pairs')],
        ...['--protocol', protocol, '--negatives', negatives],
        ...['--pairs', String(options.pairsPerSet), '--seed', '0'],
        ...['--only-split', 'val', '--manifest', manifestPath],
      ],
      () => {},
    );
    if (exit.code !== 0)
      return { calibrated: false, reason: describeExit('the validation pair set', exit) };
    dirs.push(dir);
  }

  const model = await loadModel(options.candidateDir, options.ort);
  try {
    for (const dir of dirs) {
      const pairs = await readPairSet(path.join(dir, 'pairs'));
      await mkdir(path.join(dir, 'scores'), { recursive: true });
      const write = (name: string, value: unknown) =>
        writeFile(path.join(dir, 'scores', name), JSON.stringify(value));
      await write('bta.json', await scoreAlignedPairs(model, pairs));
      await write('geometry.json', await verifyAlignedPairs(model, pairs));
      await write('verification.json', model.manifest.verification ?? DEFAULT_VERIFICATION);
    }
  } finally {
    await model.release();
  }
  const exit = await options.python(
    'twinspect_training.calibrate',
    ['--manifest', manifestPath, ...dirs],
    () => {},
  );
  if (exit.code !== 0) throw new Error(describeExit('the verification calibration', exit));
  return { calibrated: true, pairs: dirs.length * options.pairsPerSet };
}

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDefaultModelDir } from '@twinspect/inference';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bioDev = path.resolve(repoRoot, '../shared/datasets/bio-dev/images/dsb2018');
const modelDir =
  process.env.TWINSPECT_TEST_MODEL_DIR ?? findDefaultModelDir(path.join(repoRoot, 'models'));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main([...argv, '--model', modelDir], {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

let folder: string;
let images: string[];

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'twinspect-cli-'));
  images = readdirSync(bioDev).sort().slice(0, 6);
  mkdirSync(path.join(folder, 'sub'));
  for (const f of images) copyFileSync(path.join(bioDev, f), path.join(folder, f));
  // A byte-identical copy in a subfolder and a file that is not an image.
  copyFileSync(path.join(bioDev, images[0] as string), path.join(folder, 'sub', 'copy.png'));
  writeFileSync(path.join(folder, 'sub', 'broken.png'), 'not a png');
});

describe('twinspect compare', () => {
  it('prints the score and the verdict against the manifest threshold', async () => {
    const a = path.join(folder, images[0] as string);
    const b = path.join(folder, images[1] as string);
    const { code, out } = await run(['compare', a, b, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.flagged).toBe(result.score > result.threshold);
    expect(result.modelScore).toBeGreaterThanOrEqual(0);
    expect(result.modelScore).toBeLessThanOrEqual(1);
    expect(result.inliers === null || Number.isInteger(result.inliers)).toBe(true);
    const text = await run(['compare', a, b]);
    expect(text.out).toMatch(/^score \d\.\d{4} \(threshold/);
    expect(text.out).toMatch(/model score \d\.\d{4}, (\d+ keypoint matches|not verified)/);
    expect(text.out).toMatch(/FLAGGED|not flagged/);
  });

  it('explains a bad image and exits 2', async () => {
    const { code, err } = await run([
      'compare',
      path.join(folder, 'sub', 'broken.png'),
      path.join(folder, images[0] as string),
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/not an image in a supported format/);
  });
});

describe('twinspect scan', () => {
  it('ranks the pairs of a folder as JSON, skipping bad files with a reason', async () => {
    const { code, out, err } = await run(['scan', folder, '--format', 'json', '--top', '0']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.images).toBe(8);
    expect(result.failed).toEqual([
      { file: path.join('sub', 'broken.png'), reason: expect.stringMatching(/not an image/) },
    ]);
    expect(result.pairsScored).toBe((7 * 6) / 2);
    const scores = result.pairs.map((p: { score: number }) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // With verification, only verified pairs (each image's best) can be flagged.
    const verifying = result.pairs.some((p: { inliers: number | null }) => p.inliers !== null);
    for (const p of result.pairs) {
      expect(p.flagged).toBe(verifying && p.inliers === null ? false : p.score > result.threshold);
      expect(p.identicalBytes).toBe(
        [p.a, p.b].includes(path.join('sub', 'copy.png')) && [p.a, p.b].includes(images[0]),
      );
    }
    const identical = result.pairs.find((p: { identicalBytes: boolean }) => p.identicalBytes);
    expect(identical).toMatchObject({ rank: 1, flagged: true });
    expect(err).toMatch(/8 images, 21 pairs scored/);
    expect(err).toMatch(/skipped sub\/broken.png/);
  });

  it('writes CSV and a table, limited by --top', async () => {
    const csv = await run(['scan', folder, '--format', 'csv', '--top', '3']);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('rank,score,model_score,inliers,flagged,image_a,image_b,identical_bytes');
    expect(lines).toHaveLength(4);
    const table = await run(['scan', folder, '--top', '2']);
    expect(table.out.split('\n')[0]).toMatch(
      /#\s+score\s+model\s+matches\s+verdict\s+image A\s+image B/,
    );
  });

  it('flags at a chosen prevalence: a higher one lowers the threshold; out of range is refused', async () => {
    const json = async (extra: string[]) => {
      const { code, out } = await run(['scan', folder, '--format', 'json', '--top', '0', ...extra]);
      expect(code).toBe(0);
      return JSON.parse(out);
    };
    const own = await json([]);
    const lenient = await json(['--flag-prevalence', '0.4']);
    expect(lenient.threshold).toBeLessThan(own.threshold);
    expect(lenient.flagged).toBeGreaterThanOrEqual(own.flagged);
    for (const p of lenient.pairs)
      expect(p.flagged).toBe(p.inliers !== null && p.score > lenient.threshold);
    for (const value of ['0', '0.5', 'often']) {
      const { code, err } = await run(['scan', folder, '--flag-prevalence', value]);
      expect(code).toBe(2);
      expect(err).toMatch(/--flag-prevalence must be between 0.001 and 0.4/);
    }
  });

  it('rejects unknown formats', async () => {
    const { code, err } = await run(['scan', folder, '--format', 'xml']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown --format xml/);
  });
});

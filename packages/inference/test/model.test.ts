import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embed,
  InferenceError,
  loadModel,
  type Model,
  PairSelector,
  parityInput,
  scoreAcross,
  scoreBlock,
  scoreWithinSet,
  sliceRows,
} from '../src/index.ts';
import { tempDir, testModelDir } from './helpers.ts';

let model: Model;

beforeAll(async () => {
  model = await loadModel(testModelDir());
});
afterAll(async () => {
  await model?.release();
});

/** Deterministic pseudo-embeddings, for scoring tests. */
function syntheticEmbeddings(rows: number, dim: number, seed = 1) {
  let state = seed;
  const rand = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32 - 0.5;
  };
  const data = new Float32Array(rows * dim);
  for (let i = 0; i < data.length; i++) data[i] = rand() * 4;
  return { data, rows, dim };
}

describe('model folder', () => {
  it('matches the parity figures PyTorch recorded at export (within 1e-4)', async () => {
    const parity = model.manifest.parity;
    expect(parity, 'manifest.parity').toBeDefined();
    if (!parity) return;
    const x = parityInput(model.size);
    const per = 3 * model.size * model.size;
    const e = await embed(model, [x.subarray(0, per), x.subarray(per)]);
    const maxDiff = (expected: number[][], actual: Float32Array, stride: number) =>
      Math.max(
        ...expected.flatMap((r, i) =>
          r.map((v, k) => Math.abs(v - (actual[i * stride + k] as number))),
        ),
      );
    const maxEmbedding = maxDiff(parity.embedding, e.data, model.dim);
    const scores = await scoreBlock(model, e, e);
    const maxScore = maxDiff(parity.score, scores, 2);
    console.log({ model: model.version, maxEmbeddingDiff: maxEmbedding, maxScoreDiff: maxScore });
    expect(maxEmbedding).toBeLessThan(1e-4);
    expect(maxScore).toBeLessThan(1e-4);
  });

  it('refuses a folder whose ONNX file does not match the manifest sha256', async () => {
    const dir = tempDir('model');
    const source = testModelDir();
    const manifest = JSON.parse(readFileSync(path.join(source, 'manifest.json'), 'utf8'));
    symlinkSync(
      path.join(source, manifest.files.encoder.path),
      path.join(dir, manifest.files.encoder.path),
    );
    copyFileSync(
      path.join(source, manifest.files.head.path),
      path.join(dir, manifest.files.head.path),
    );
    manifest.files.head.sha256 = '0'.repeat(64);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InferenceError);
    expect((error as InferenceError).code).toBe('INVALID_MODEL');
    expect((error as InferenceError).message).toMatch(/does not match its manifest/);
  });

  it('refuses a folder without a manifest', async () => {
    await expect(loadModel(tempDir('empty'))).rejects.toMatchObject({ code: 'INVALID_MODEL' });
  });
});

describe('block scoring with the head', () => {
  it('is symmetric and does not depend on how the block is chunked', async () => {
    const e = syntheticEmbeddings(40, model.dim);
    const whole = await scoreBlock(model, e, e, { maxPairsPerCall: 1_000_000 });
    const chunked = await scoreBlock(model, e, e, { maxPairsPerCall: 7 }); // forces row and column splits
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < 40; j++) {
        const s = whole[i * 40 + j] as number;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBe(whole[j * 40 + i]);
        expect(chunked[i * 40 + j]).toBeCloseTo(s, 6);
      }
    }
  });

  it('scores every unordered pair of a set once and keeps floor + top-k pairs', async () => {
    const n = 57;
    const e = syntheticEmbeddings(n, model.dim, 5);
    const full = await scoreBlock(model, e, e);
    const sorted = Array.from(full).sort((a, b) => b - a);
    const floor = sorted[Math.floor(sorted.length * 0.05)] as number;
    const options = { floor, topK: 2, maxPairsPerCall: 300 };
    const result = await scoreWithinSet(model, e, options);
    expect(result.pairsScored).toBe((n * (n - 1)) / 2);

    // The same selection by brute force over the full matrix.
    const brute = new PairSelector({ floor, topK: 2 });
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) brute.offer(i, j, full[i * n + j] as number);
    }
    const expected = brute.result();
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual(expected.map((p) => [p.a, p.b]));
    for (const [k, p] of result.pairs.entries()) {
      expect(p.score).toBeCloseTo(expected[k]?.score as number, 6);
    }
    // Floor pairs all kept, and every image has at least its top-2.
    const keptKeys = new Set(result.pairs.map((p) => `${p.a}-${p.b}`));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if ((full[i * n + j] as number) >= floor) expect(keptKeys.has(`${i}-${j}`)).toBe(true);
      }
      expect(result.pairs.filter((p) => p.a === i || p.b === i).length).toBeGreaterThanOrEqual(2);
    }
    expect(result.pairs.length).toBeLessThan((n * (n - 1)) / 2);
  });

  it('scores new images against an archive, with top-k only for the new ones', async () => {
    const all = syntheticEmbeddings(30, model.dim, 9);
    const archive = sliceRows(all, 0, 25);
    const fresh = sliceRows(all, 25, 30);
    const result = await scoreAcross(model, fresh, archive, {
      floor: 1.1,
      topK: 3,
      maxPairsPerCall: 10,
    });
    expect(result.pairsScored).toBe(5 * 25);
    expect(result.pairs.length).toBe(5 * 3);
    for (const p of result.pairs) {
      expect(p.a).toBeLessThan(5);
      expect(p.b).toBeGreaterThanOrEqual(5);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { PairSelector } from '../src/index.ts';

function offerAll(selector: PairSelector, n: number, score: (i: number, j: number) => number) {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) selector.offer(i, j, score(i, j));
}

describe('pair selection', () => {
  it('keeps every floor pair and each image’s top-k, nothing else', () => {
    const selector = new PairSelector({ floor: 0.8, topK: 1 });
    // Pairs (0,1) and (2,3) are above the floor; everything else low, with distinct scores.
    offerAll(selector, 6, (i, j) =>
      (i === 0 && j === 1) || (i === 2 && j === 3) ? 0.9 : (i * 6 + j) / 100,
    );
    const kept = selector.result();
    expect(kept.slice(0, 2).map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // 4 and 5 keep their best partner: (4,5) for both.
    expect(kept.map((p) => `${p.a}-${p.b}`)).toContain('4-5');
    expect(selector.pairsScored).toBe(15);
    expect(kept.length).toBeLessThan(15);
  });

  it('caps floor pairs per image when a model flags almost everything', () => {
    const n = 30;
    const everything = new PairSelector({ floor: 0.5, topK: 2 });
    const capped = new PairSelector({ floor: 0.5, topK: 2, maxPerImage: 3 });
    const score = (i: number, j: number) => 0.6 + ((i * 31 + j * 17) % 97) / 1000;
    offerAll(everything, n, score);
    offerAll(capped, n, score);
    expect(everything.result()).toHaveLength((n * (n - 1)) / 2);
    const kept = capped.result();
    expect(kept.length).toBeLessThanOrEqual(n * 3);
    // Every kept pair is among the best 3 of one of its images.
    for (const p of kept) {
      const best = (i: number) =>
        Array.from({ length: n }, (_, j) => j)
          .filter((j) => j !== i)
          .map((j) => Math.fround(score(Math.min(i, j), Math.max(i, j))))
          .sort((x, y) => y - x)[2] as number;
      expect(p.score >= best(p.a) || p.score >= best(p.b)).toBe(true);
    }
  });
});

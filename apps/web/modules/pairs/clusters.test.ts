import { describe, expect, it } from 'vitest';
import { clusterPairs } from './clusters';

const pair = (id: string, a: string, b: string, score: number) => ({
  id,
  score,
  imageA: { id: a },
  imageB: { id: b },
});

describe('clusterPairs', () => {
  it('groups an image reused three times into one cluster of three pairs', () => {
    const clusters = clusterPairs([
      pair('p1', 'x', 'y', 0.9),
      pair('p2', 'y', 'z', 0.8),
      pair('p3', 'x', 'z', 0.95),
      pair('p4', 'u', 'v', 0.7),
    ]);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]?.pairs.map((p) => p.id)).toEqual(['p3', 'p1', 'p2']);
    expect(clusters[0]?.imageIds.sort()).toEqual(['x', 'y', 'z']);
    expect(clusters[0]?.key).toBe('x');
    expect(clusters[1]?.pairs.map((p) => p.id)).toEqual(['p4']);
  });

  it('joins chains through a shared image and orders clusters by their best score', () => {
    const clusters = clusterPairs([
      pair('a', '1', '2', 0.6),
      pair('b', '3', '4', 0.99),
      pair('c', '2', '3', 0.5),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.topScore).toBe(0.99);
  });

  it('returns nothing for no pairs', () => {
    expect(clusterPairs([])).toEqual([]);
  });
});
